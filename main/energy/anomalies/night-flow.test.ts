import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../core';
import { connectClient, pushSite, testCore } from '../../testing/harness';

const SITE = 'test-site';
const WATER = '32061201011510000001';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Midnight of 1 March 2026 in Shanghai, the site's zone. */
const T0 = Date.parse('2026-02-28T16:00:00Z');

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const send = (rest: string, payload: unknown) => pushSite(core!, rest, payload, SITE);

/** Hourly register readings over `hours` from T0: 1 m³/h at night (01:00–05:00), 3 m³/h by day, plus `leak` m³/h on the nights asked. */
function water(hours: number, leakNights: number[], leak = 2) {
  let value = 1000;
  const readings: { ts: number; value: number }[] = [{ ts: T0, value }];
  for (let hour = 0; hour < hours; hour++) {
    const night = hour % 24 >= 1 && hour % 24 < 5;
    value += (night ? 1 : 3) + (night && leakNights.includes(Math.floor(hour / 24)) ? leak : 0);
    readings.push({ ts: T0 + (hour + 1) * HOUR, value });
  }
  for (let i = 0; i < readings.length; i += 96) send(`devices/${WATER}/readings`, { unit: 'm3', readings: readings.slice(i, i + 96) });
  core!.ingest.flush();
}

function station(): Core {
  core = testCore();
  send(`devices/${WATER}/info`, { name: 'C栋 水表', area: '南区', building: 'C栋', floor: '1F', ts: 1 });
  core.ingest.flush();
  return core;
}

const sweep = (at: number) => core!.db.transaction(() => core!.energyWatch.sweep(at, (raising) => core!.alarms.raise(raising)))();

describe('minimum night flow', () => {
  it('raises one alarm for a night that flows well above the meter’s usual night, with its figures', async () => {
    station();
    water(40 * 24, [38]);
    // The morning after the leak, and again later: one alarm, named by the meter and the night.
    expect(sweep(T0 + 39 * DAY + 6 * HOUR)).toEqual([`night-flow-${WATER}-20260408`]);
    expect(sweep(T0 + 39 * DAY + 7 * HOUR)).toEqual([]);
    await core!.auth.createUser({ username: 'duty', displayName: 'Duty', role: 'duty_officer', password: 'Night-Watch-2026' });
    const officer = connectClient(core!);
    await officer.call('auth.signIn', { username: 'duty', password: 'Night-Watch-2026', station: 'desk' });
    const [alarm] = await officer.call('alarms.get', { ids: [`night-flow-${WATER}-20260408`] });
    expect(alarm).toMatchObject({ type: 'meter_anomaly', severity: 'major', source: WATER, raisedAt: T0 + 38 * DAY + 5 * HOUR });
    expect(await officer.call('energy.anomaly', { alarm: alarm!.id })).toMatchObject({ meter: WATER, kind: 'night_flow', period: { unit: 'day', date: '2026-04-08' }, value: 3, baseline: 1 });
    // The month's findings for the building's report; none for another building or month.
    expect(await officer.call('energy.anomalies', { period: { unit: 'month', date: '2026-04-01' }, building: 'C栋' })).toMatchObject([{ alarm: alarm!.id, name: 'C栋 水表', kind: 'night_flow' }]);
    expect(await officer.call('energy.anomalies', { period: { unit: 'month', date: '2026-04-01' }, building: 'B栋' })).toEqual([]);
    expect(await officer.call('energy.anomalies', { period: { unit: 'month', date: '2026-03-01' } })).toEqual([]);
  });

  it('leaves ordinary nights and a dripping tap alone', () => {
    station();
    water(40 * 24, [37], 0.1);
    expect(sweep(T0 + 39 * DAY + 6 * HOUR)).toEqual([]);
  });

  it('judges a night only once the meter has reported past it', () => {
    station();
    // The gateway's buffer stops at 03:00 of the leaking night: not judged yet, nor taken as a quiet night.
    water(38 * 24 + 3, [38]);
    expect(sweep(T0 + 38 * DAY + 6 * HOUR)).toEqual([]);
    // The rest arrives (the earlier readings again, refused as already counted).
    water(39 * 24, [38]);
    expect(sweep(T0 + 38 * DAY + 7 * HOUR)).toEqual([`night-flow-${WATER}-20260408`]);
  });
});
