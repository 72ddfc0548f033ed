import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANOMALY_THRESHOLDS } from '../../contract';
import type { Core } from '../../core';
import { pushSite, testCore } from '../../testing/harness';
import { EnergyCalendar } from '../calendar';
import { EnergyWatch } from './watch';

const SITE = 'test-site';
const POWER = '32061201011500000001';
const GAS = '32061201011520000001';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Midnight of Sunday 1 March 2026 in Shanghai, the site's zone. */
const T0 = Date.parse('2026-02-28T16:00:00Z');
const THRESHOLDS = { ...DEFAULT_ANOMALY_THRESHOLDS, gas: { scheduled: { 'D栋': [{ fromHour: 5, toHour: 21 }] }, idlePerHour: 0.3 } };

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

function station(): Core {
  core = testCore({ site: { id: SITE, name: SITE, brokers: [], demo: false, anomalyThresholds: THRESHOLDS } });
  send(`devices/${POWER}/info`, { name: 'B栋 电表', area: '北区', building: 'B栋', floor: '1F', ts: 1 });
  send(`devices/${GAS}/info`, { name: 'D栋 燃气表', area: '南区', building: 'D栋', floor: '1F', ts: 1 });
  core.ingest.flush();
  return core;
}

/** A fresh station with an empty store. */
async function restart(): Promise<void> {
  await core?.close();
  station();
}

const send = (rest: string, payload: unknown) => pushSite(core!, rest, payload, SITE);

/** An office's electricity per hour: 10 kWh from 08:00 to 18:00 on weekdays, 3 otherwise, with ±5 % of fixed wobble. */
const office = (hour: number) => {
  const weekday = Math.floor(hour / 24) % 7 !== 0 && Math.floor(hour / 24) % 7 !== 6;
  const wobble = 1 + 0.05 * Math.sin(hour * 1.7);
  return (weekday && hour % 24 >= 8 && hour % 24 < 18 ? 10 : 3) * wobble;
};

/** Hourly register readings of `code` for `hours` hours from T0, using `perHour(hour)` in each; the register starts at `start`. */
function meter(code: string, unit: 'kWh' | 'm3', hours: number, perHour: (hour: number) => number, start = 1000): void {
  let value = start;
  const readings = [{ ts: T0, value }];
  for (let hour = 0; hour < hours; hour++) readings.push({ ts: T0 + (hour + 1) * HOUR, value: (value += perHour(hour)) });
  for (let i = 0; i < readings.length; i += 96) send(`devices/${code}/readings`, { unit, readings: readings.slice(i, i + 96) });
  core!.ingest.flush();
}

const sweep = (at: number) => core!.db.transaction(() => core!.energyWatch.sweep(at, (raising) => core!.alarms.raise(raising)))();
const anomaly = (id: string) => core!.energyWatch.findings.anomalyOf(id);

describe('energy anomalies', () => {
  it('raises a day well above the weekly profile once for the run of days, with the profile it was judged against', () => {
    station();
    // Nine weeks as usual, then Tuesday 5 and Wednesday 6 May at 1.5 times.
    const overFrom = 65 * 24;
    meter(POWER, 'kWh', 67 * 24, (hour) => office(hour) * (hour >= overFrom ? 1.5 : 1));
    expect(sweep(T0 + 67 * DAY + HOUR)).toEqual([`over-profile-${POWER}-20260505`]);
    const found = anomaly(`over-profile-${POWER}-20260505`)!;
    expect(found).toMatchObject({ kind: 'over_profile', energy: 'electricity', period: { unit: 'day', date: '2026-05-05' } });
    expect(found.value / found.baseline).toBeCloseTo(1.5, 1);
    expect(found.expected).toHaveLength(24);
    expect(found.window).toEqual({ fromHour: 8, toHour: 18 });
    expect(found.expected![10]).toBeCloseTo(10, 0);
  });

  it('leaves a usual week, a holiday week among the weeks learnt and a day 10 % up alone', () => {
    station();
    // Week 5 is a holiday (a third of the use); the last day is 10 % up.
    meter(POWER, 'kWh', 67 * 24, (hour) => office(hour) * (Math.floor(hour / (7 * 24)) === 5 ? 0.3 : 1) * (hour >= 66 * 24 ? 1.1 : 1));
    expect(sweep(T0 + 67 * DAY + HOUR)).toEqual([]);
  });

  it('raises a meter whose register stops moving in occupied hours, not one quiet at night', async () => {
    station();
    // From 08:00 of the last day the register stands still; the meter keeps reporting.
    const stopped = 63 * 24 + 8;
    meter(POWER, 'kWh', stopped + 7, (hour) => (hour >= stopped ? 0 : office(hour)));
    const at = T0 + (stopped + 7) * HOUR;
    expect(sweep(at)).toEqual([`stuck-${POWER}-20260503`]);
    expect(anomaly(`stuck-${POWER}-20260503`)).toMatchObject({ kind: 'stuck', value: 6, window: { fromHour: 9, toHour: 15 } });
    // The same meter stopping at night (00:00–07:00) would not be judged: outside the occupied hours.
    await restart();
    meter(POWER, 'kWh', 63 * 24 + 7, (hour) => (hour >= 63 * 24 ? 0 : office(hour)));
    expect(sweep(T0 + (63 * 24 + 7) * HOUR)).toEqual([]);
  });

  it('raises a register reset with what it read before and after, and counts the use since', () => {
    station();
    meter(POWER, 'kWh', 48, office, 52_000);
    send(`devices/${POWER}/readings`, { unit: 'kWh', readings: [{ ts: T0 + 48 * HOUR + 1_800_000, value: 2 }] });
    core!.ingest.flush();
    expect(sweep(T0 + 49 * HOUR)).toEqual([`reset-${POWER}-${T0 + 48 * HOUR + 1_800_000}`]);
    expect(anomaly(`reset-${POWER}-${T0 + 48 * HOUR + 1_800_000}`)).toMatchObject({ kind: 'reset', baseline: 2 });
    expect(anomaly(`reset-${POWER}-${T0 + 48 * HOUR + 1_800_000}`)!.value).toBeGreaterThan(52_000);
  });

  it('raises gas flowing for hours outside its building’s schedule, not within it', async () => {
    station();
    // The kitchen cooks 06:00–20:00; on 3 March its burner stays on from 22:00 at 1.2 m³/h.
    const burner = (hour: number) => (hour % 24 >= 6 && hour % 24 < 20 ? 4 : hour >= 2 * 24 + 22 ? 1.2 : 0);
    meter(GAS, 'm3', 3 * 24, burner);
    expect(sweep(T0 + 3 * DAY + HOUR)).toEqual([`gas-idle-${GAS}-20260303`]);
    expect(anomaly(`gas-idle-${GAS}-20260303`)).toMatchObject({ kind: 'gas_idle', energy: 'gas', baseline: 0.3, window: { fromHour: 22, toHour: 24 } });
    expect(anomaly(`gas-idle-${GAS}-20260303`)!.value).toBeCloseTo(1.2, 6);
    await restart();
    meter(GAS, 'm3', 3 * 24, (hour) => (hour % 24 >= 6 && hour % 24 < 20 ? 4 : 0.1));
    expect(sweep(T0 + 3 * DAY + HOUR)).toEqual([]);
  });

  it('raises a meter silent for longer than allowed only while the site link has been up that long', () => {
    station();
    meter(POWER, 'kWh', 24, office);
    const lastAt = T0 + DAY;
    let onlineSince: number | null = null;
    const watch = new EnergyWatch(core!.db, new EnergyCalendar('Asia/Shanghai'), () => THRESHOLDS, () => onlineSince);
    const judge = (at: number) => core!.db.transaction(() => watch.sweep(at, (raising) => core!.alarms.raise(raising)))();
    // The link is down: every meter is silent, none of them is at fault.
    expect(judge(lastAt + 3 * HOUR)).toEqual([]);
    // Up for an hour: too soon to blame the meter.
    onlineSince = lastAt + 2 * HOUR;
    expect(judge(lastAt + 3 * HOUR + 60_000)).toEqual([]);
    expect(judge(lastAt + 5 * HOUR)).toEqual([`silent-${POWER}-${lastAt}`]);
    expect(watch.findings.anomalyOf(`silent-${POWER}-${lastAt}`)).toMatchObject({ kind: 'silent', value: 300, baseline: 120, period: { date: '2026-03-02' } });
    expect(judge(lastAt + 6 * HOUR)).toEqual([]);
  });
});
