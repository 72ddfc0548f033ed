import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { testCore } from '../testing/harness';
import { DEMO_ANOMALY_THRESHOLDS, demoMeters, DemoRegister, historyMessages } from './meters';
import { demoDevices } from './park';

const SITE = 'demo-park';
const DAY = 86_400_000;
/** Ten weeks: the weekly profile's eight and the nights before them. */
const HISTORY = 70 * DAY;

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
  });
});
