import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { EnergyCalendar } from '../energy/calendar';
import { estimateSaving } from '../energy/saving/estimate';
import { planRuns } from '../energy/saving/plan';
import { pushSite, testCore } from '../testing/harness';
import { DEMO_ANOMALY_THRESHOLDS, demoMeters, DemoRegister, historyMessages } from './meters';
import { demoDevices } from './park';
import { DEMO_POSITION, DEMO_SAVING_SCHEDULES, SCHEDULES_SET_UP_BEFORE_MS } from './saving';

const SITE = 'demo-park';
const DAY = 86_400_000;
/** Thirteen weeks: the weekly profile's eight before the schedules were set up three weeks ago, and the nights before them. */
const HISTORY = 91 * DAY;

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('the demo park’s meters', () => {
  it('raise the story’s anomalies and nothing else: C栋’s leak, the canteen’s burner left on, B栋’s overuse', () => {
    const anchor = Date.parse('2026-12-06T02:00:00Z');
    const story = { anchor };
    core = testCore({ site: { id: SITE, name: SITE, brokers: [], demo: false, anomalyThresholds: DEMO_ANOMALY_THRESHOLDS } });
    const send = (rest: string, payload: unknown) => core!.ingest.push({ topic: `vigil/v1/${SITE}/${rest}`, payload: Buffer.from(JSON.stringify(payload)), receivedAt: anchor });
    const meters = demoMeters(demoDevices());
    for (const { device } of meters) send(`devices/${device.code}/info`, { ...device.info, ts: 1 });
    for (const meter of meters) for (const message of historyMessages(new DemoRegister(meter, story), anchor - HISTORY, anchor)) send(`devices/${meter.device.code}/readings`, message);
    core.ingest.flush();
    const raised: string[] = [];
    // A first start judges ten meters over three days in a few sweeps.
    for (let sweep = 0; sweep < 4; sweep++) raised.push(...core.db.transaction(() => core!.energyWatch.sweep(anchor + sweep, (raising) => core!.alarms.raise(raising)))());
    const code = (kind: string, building: string) => meters.find((meter) => meter.kind === kind && meter.device.info.building.startsWith(building))!.device.code;
    expect(raised.sort()).toEqual(
      [`night-flow-${code('water', 'C栋')}-20261204`, `gas-idle-${code('gas', 'D栋')}-20261205`, `over-profile-${code('electricity', 'B栋')}-20261204`].sort(),
    );
    // The leak is a repair as well: one plumbing order, linked to its alarm; the burner and the overuse are not plumbing.
    expect(core.orders.list().map(({ id, category, priority, alarm, building }) => ({ id, category, priority, alarm, building }))).toEqual([
      { id: `a-night-flow-${code('water', 'C栋')}-20261204`, category: 'plumbing', priority: 'high', alarm: `night-flow-${code('water', 'C栋')}-20261204`, building: 'C栋 人才公寓' },
    ]);
  });

  it("estimate a saving for A栋's HVAC schedule since it was set up, against the weeks before", () => {
    const anchor = Date.parse('2026-12-06T02:00:00Z');
    const story = { anchor };
    core = testCore({ site: { id: SITE, name: SITE, brokers: [], demo: false } });
    const meter = demoMeters(demoDevices()).find((entry) => entry.kind === 'electricity' && entry.device.info.building.startsWith('A栋'))!;
    pushSite(core, `devices/${meter.device.code}/info`, { ...meter.device.info, ts: 1 }, SITE);
    for (const message of historyMessages(new DemoRegister(meter, story), anchor - HISTORY, anchor)) pushSite(core, `devices/${meter.device.code}/readings`, message, SITE);
    core.ingest.flush();
    const calendar = new EnergyCalendar('Asia/Shanghai');
    const schedule = { ...DEMO_SAVING_SCHEDULES.find((entry) => entry.id === 'office-hvac-night')!, updatedBy: 'Vigil', updatedAt: anchor - SCHEDULES_SET_UP_BEFORE_MS };
    const to = calendar.start('1d', anchor);
    const window = { from: to - 7 * DAY, to };
    const estimate = estimateSaving(core.db, schedule, planRuns([schedule], window.from - 7 * DAY, to, calendar, DEMO_POSITION), window, calendar)!;
    // The week but its weekdays' 07:30–19:00, in whole hours (108); 30 % of A栋's use then saved, less the winter's rise since the weeks learnt from.
    expect(estimate).toMatchObject({ basis: 'before_change', hours: 108 });
    expect(estimate.saved / estimate.baseline).toBeGreaterThan(0.15);
    expect(estimate.saved / estimate.baseline).toBeLessThan(0.3);
  });
});
