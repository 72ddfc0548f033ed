import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoreClient } from '../contract';
import type { Core } from '../core';
import { DEFAULT_TIME_ZONE } from '../core';
import { EnergyCalendar } from '../energy/calendar';
import { topicOf } from '../site-link/interface/topics';
import { connectClient, testCore, waitFor } from '../testing/harness';
import { startMosquitto, type Broker } from '../testing/mosquitto';

/*
 * The done-when of the service figures: a scripted day of a site over the
 * real broker into two stations' real stores, and the figures checked
 * against numbers worked out by hand. The station's clock is set to the
 * scripted moments (only Date is faked; timers and sockets run for real), so
 * every acknowledgement and link change happens at a moment the script knows.
 */

const SITE = 'figures';
const HOUR = 3_600_000;
const SECOND = 1000;
const calendar = new EnergyCalendar(DEFAULT_TIME_ZONE);
// Yesterday at the site, wherever the test runs.
const DAY = calendar.date(Date.now() - 24 * HOUR);
const { from, to } = calendar.period({ unit: 'day', date: DAY });
const at = (hours: number, seconds = 0) => from + hours * HOUR + seconds * SECOND;

const CAMERA = '32061201011310000001';
const SMOKE_SENSOR = '32061201011410000001';
const WATER_SENSOR = '32061201011420000001';
const PASSWORD = 'Figures-Desk-2026';

let broker: Broker;
let a: Core;
let b: Core;
let site: MqttClient;

const setClock = (time: number) => vi.setSystemTime(time);
const linkIs = (core: Core, state: string) => core.link?.linkState.state === state;

async function signedIn(core: Core, station: string): Promise<CoreClient> {
  const client = connectClient(core);
  await client.call('auth.setup', { username: 'itadmin', displayName: 'IT', password: PASSWORD, station });
  return client;
}

const publish = (channel: 'deviceInfo' | 'deviceState' | 'deviceEvent', code: string, payload: object) =>
  site.publishAsync(topicOf(channel, { site: SITE, code }), JSON.stringify(payload), { qos: 1, retain: channel === 'deviceInfo' });

/** A device event sent at `ts` and arriving 1.5 s later at both stations; waits until both have raised its alarm. */
async function event(id: string, code: string, type: string, ts: number) {
  setClock(ts + 1500);
  await publish('deviceEvent', code, { id, type, ts });
  await waitFor(() => !!a.alarms.get(id) && !!b.alarms.get(id), `both stations to raise ${id}`);
}

beforeAll(async () => {
  broker = await startMosquitto();
  vi.useFakeTimers({ toFake: ['Date'] });
  setClock(at(-1));
  // Sweeps that lock idle sessions would lock them when the clock jumps hours: off for this test.
  const options = (station: string) => ({ station, lockSweepMs: 24 * HOUR, site: { id: SITE, name: SITE, brokers: [broker.url], demo: false } });
  a = testCore(options('desk-a'));
  b = testCore(options('desk-b'));
  await waitFor(() => linkIs(a, 'online') && linkIs(b, 'online'), 'both stations on line');
  site = await mqtt.connectAsync(broker.url, { clientId: 'figures-site' });
}, 30_000);

afterAll(async () => {
  vi.useRealTimers();
  await site?.endAsync();
  await a?.close();
  await b?.close();
  await broker?.close();
});

describe('service figures over the real broker and store', () => {
  it('match a scripted day exactly: link and device availability, response and handling times, by severity and shift', async () => {
    // The broker goes away at 03:00 and is back at 03:30: the link is down half an hour of the day.
    setClock(at(3));
    await broker.stop();
    await waitFor(() => !linkIs(a, 'online'), 'station a to see the link drop');
    setClock(at(3.5));
    await broker.restart();
    await waitFor(() => linkIs(a, 'online') && linkIs(b, 'online'), 'both stations back on line');
    site.end(true);
    site = await mqtt.connectAsync(broker.url, { clientId: 'figures-site' });

    for (const [code, name, area] of [[CAMERA, 'Gate camera', 'North gate'], [SMOKE_SENSOR, 'Smoke B1', 'Block B'], [WATER_SENSOR, 'Pump room leak', 'Plant']] as const) {
      await publish('deviceInfo', code, { name, area, building: 'B', floor: '1F', ts: 1 });
    }
    // The camera: on line from before the day, off 06:00–09:00 (its repeat at 07:00 changes nothing; a stale 'online' of 05:00
    // sent late is older than what the station holds and is dropped) → 21 h of 24 = 87.5 %.
    await publish('deviceState', CAMERA, { status: 'online', ts: at(-1) });
    await publish('deviceState', CAMERA, { status: 'offline', ts: at(6) });
    await publish('deviceState', CAMERA, { status: 'offline', ts: at(7) });
    await publish('deviceState', CAMERA, { status: 'online', ts: at(5) });
    await publish('deviceState', CAMERA, { status: 'online', ts: at(9) });
    // The smoke sensor: off line from before the day until 12:00 → 12 h of 24. The water sensor: on line from before, no change → 24 h.
    await publish('deviceState', SMOKE_SENSOR, { status: 'offline', ts: at(-2) });
    await publish('deviceState', SMOKE_SENSOR, { status: 'online', ts: at(12) });
    await publish('deviceState', WATER_SENSOR, { status: 'online', ts: at(-3) });
    await waitFor(() => a.registry.get(CAMERA).status === 'online' && a.registry.get(SMOKE_SENSOR).status === 'online' && a.registry.get(WATER_SENSOR).status === 'online', 'the statuses stored');

    // Alarms: smoke at 02:00 (night), a leak at 14:00 (day), an intrusion at 21:00 (night), a tamper at 22:00 (night, never acknowledged).
    await event('fig-smoke-0001', SMOKE_SENSOR, 'smoke', at(2));
    await event('fig-leak-00001', WATER_SENSOR, 'water_leak', at(14));
    await event('fig-intrusion1', CAMERA, 'intrusion', at(21));
    await event('fig-tamper-001', CAMERA, 'tamper', at(22));
    const deskA = await signedIn(a, 'desk-a');
    const deskB = await signedIn(b, 'desk-b');

    // Station a acknowledges the smoke 40 s after it was raised and, its procedure done, resolves it at 10 minutes.
    setClock(at(2, 40));
    await deskA.call('alarms.act', { id: 'fig-smoke-0001', action: 'acknowledge' });
    setClock(at(2, 600));
    for (let step = 0; step < 4; step++) await deskA.call('alarms.step', { id: 'fig-smoke-0001', step });
    await deskA.call('alarms.act', { id: 'fig-smoke-0001', action: 'resolve' });
    // Station b acknowledges the leak after 90 s: station a learns it by the merge of b's record.
    setClock(at(14, 90));
    await deskB.call('alarms.act', { id: 'fig-leak-00001', action: 'acknowledge' });
    await waitFor(() => a.alarms.get('fig-leak-00001')?.state === 'acknowledged', "b's acknowledgement to reach a");
    setClock(at(21, 20));
    await deskA.call('alarms.act', { id: 'fig-intrusion1', action: 'acknowledge' });

    // The next morning: the day is over.
    setClock(at(26));
    const figures = await deskA.call('ops.figures', { period: 'day', at: DAY });
    expect(figures.period).toMatchObject({ from, to, until: to, timeZone: DEFAULT_TIME_ZONE });
    expect(figures.days).toEqual([DAY]);
    expect(figures.link).toMatchObject({ pct: (23.5 * 100) / 24, upMs: 23.5 * HOUR, knownMs: 24 * HOUR, outages: 1 });
    expect(figures.cameras).toMatchObject({ pct: 87.5, upMs: 21 * HOUR, knownMs: 24 * HOUR, perDay: [87.5], units: 1 });
    expect(figures.devices).toMatchObject({ pct: 75, upMs: 36 * HOUR, knownMs: 48 * HOUR, perDay: [75], units: 2 });
    expect(figures.worstUnits.map((unit) => [unit.code, unit.pct, unit.area, unit.outages])).toEqual([
      [SMOKE_SENSOR, 50, 'Block B', 0],
      [CAMERA, 87.5, 'North gate', 1],
    ]);

    const times = (count: number, values: number[]) => ({ count, done: values.length, p50: values[0] ?? null, p90: values[1] ?? values[0] ?? null, max: values.at(-1) ?? null, mean: values.length ? values.reduce((x, y) => x + y, 0) / values.length : null });
    expect(figures.alarms.response).toEqual({ count: 4, done: 3, p50: 40 * SECOND, p90: 90 * SECOND, max: 90 * SECOND, mean: 50 * SECOND });
    expect(figures.alarms.handling).toEqual(times(4, [600 * SECOND]));
    expect(figures.alarms.bySeverity).toEqual([
      { severity: 'critical', response: times(2, [20 * SECOND, 40 * SECOND]), handling: times(2, [600 * SECOND]) },
      { severity: 'major', response: times(2, [90 * SECOND]), handling: times(2, []) },
      { severity: 'minor', response: times(0, []), handling: times(0, []) },
    ]);
    expect(figures.alarms.byShift).toEqual([
      { shift: 'day', response: times(1, [90 * SECOND]), handling: times(1, []) },
      { shift: 'night', response: times(3, [20 * SECOND, 40 * SECOND]), handling: times(3, [600 * SECOND]) },
    ]);
    expect(figures.alarms.perDay).toEqual([{ count: 4, p50: 40 * SECOND, p90: 90 * SECOND }]);
    expect(figures.alarms.slowest.map((entry) => [entry.type, entry.area, entry.p90])).toEqual([
      ['water_leak', 'Plant', 90 * SECOND],
      ['smoke', 'Block B', 40 * SECOND],
      ['intrusion', 'North gate', 20 * SECOND],
    ]);
    // Every event arrived 1.5 s after it happened; each raised an alarm.
    expect(figures.latency.message).toMatchObject({ count: 4, p50: 1500, p90: 1500, counts: [0, 0, 0, 0, 4, 0, 0, 0, 0, 0] });
    expect(figures.latency.alarm).toMatchObject({ count: 4, p50: 1500 });
    expect(figures.verdicts.find((verdict) => verdict.key === 'ackP90.critical')).toEqual({ key: 'ackP90.critical', target: 60, actual: 40, met: true });
    expect(figures.verdicts.find((verdict) => verdict.key === 'linkAvailability')).toMatchObject({ met: false });

    // Station b holds the same response times: the first acknowledgement's own moment, whichever station made it.
    const bFigures = await deskB.call('ops.figures', { period: 'day', at: DAY });
    await waitFor(() => b.alarms.get('fig-intrusion1')?.state === 'acknowledged', "a's acknowledgements to reach b");
    expect((await deskB.call('ops.figures', { period: 'day', at: DAY })).alarms.bySeverity).toEqual(figures.alarms.bySeverity);
    expect(bFigures.devices.pct).toBe(75);

    // The week holding the day counts the same history (only this day has any).
    const week = await deskA.call('ops.figures', { period: 'week', at: DAY });
    expect(week.days).toHaveLength(7);
    expect(week.alarms.response).toEqual(figures.alarms.response);
    expect(week.cameras.perDay[week.days.indexOf(DAY)]).toBe(87.5);
    deskA.close();
    deskB.close();
  }, 60_000);
});
