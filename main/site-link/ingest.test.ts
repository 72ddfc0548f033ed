import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeviceRegistry } from '../devices/registry';
import { openDatabase } from '../store/database';
import { tempDir } from '../testing/harness';
import { Ingest, type Committed } from './ingest';
import { Quarantine } from './quarantine';

const SITE = 'park';
const CAMERA = '32061201011320000001';
const STRANGER = '32061201011320000999';
const message = (rest: string, payload: unknown, receivedAt = 1000) => ({
  topic: `vigil/v1/${SITE}/${rest}`,
  payload: Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)),
  receivedAt,
});
const info = { name: 'Cam', area: 'N', building: 'A', floor: '1F', ts: 1 };

function setup() {
  const file = path.join(tempDir(), 'vigil.db');
  const db = openDatabase(file);
  const registry = new DeviceRegistry(db);
  const quarantine = new Quarantine(db);
  const ingest = new Ingest(db, registry, quarantine, SITE);
  return { file, db, registry, quarantine, ingest };
}

describe('ingest', () => {
  it('stores an event once, and puts its replay in quarantine with the reason', () => {
    const { db, ingest, quarantine } = setup();
    ingest.push(message(`devices/${CAMERA}/info`, info));
    const event = { id: 'evt-00000001', type: 'intrusion', ts: 5, zone: 'Z1' };
    ingest.push(message(`devices/${CAMERA}/events`, event));
    ingest.push(message(`devices/${CAMERA}/events`, event));
    ingest.flush();
    expect(db.prepare('SELECT id, type, severity, zone FROM device_events').all()).toEqual([{ id: 'evt-00000001', type: 'intrusion', severity: 'critical', zone: 'Z1' }]);
    expect(quarantine.list({ limit: 10 }).map((entry) => entry.reason)).toEqual(['replay: event evt-00000001 is already stored']);
    expect(ingest.stats().totals).toMatchObject({ received: 3, events: 1, quarantined: 1 });
  });

  it('quarantines events and telemetry from devices the site never registered', () => {
    const { ingest, quarantine } = setup();
    ingest.push(message(`devices/${STRANGER}/events`, { id: 'evt-00000002', type: 'smoke', ts: 5 }));
    ingest.push(message(`devices/${STRANGER}/telemetry`, { ts: 5, values: { t: 20 } }));
    ingest.push(message('devices/garbage/state', '\u0000\u0001'));
    ingest.flush();
    expect(quarantine.list({ limit: 10 }).map((entry) => entry.reason)).toEqual([
      'device code: must be exactly 20 digits',
      `unknown device: ${STRANGER} is not registered`,
      `unknown device: ${STRANGER} is not registered`,
    ]);
    expect(quarantine.counts()).toEqual([
      { kind: 'unknown-device', count: 2 },
      { kind: 'device-code', count: 1 },
    ]);
  });

  it('keeps the newest telemetry value whatever the order of arrival', () => {
    const { db, ingest } = setup();
    ingest.push(message(`devices/${CAMERA}/info`, info));
    ingest.push(message(`devices/${CAMERA}/telemetry`, { ts: 20, values: { kwh: 2 } }));
    ingest.push(message(`devices/${CAMERA}/telemetry`, { ts: 10, values: { kwh: 1 } }));
    ingest.flush();
    expect(db.prepare('SELECT value, at FROM telemetry_latest').get()).toEqual({ value: 2, at: 20 });
  });

  it('tells listeners only after the batch is committed, with what changed', async () => {
    const { file, ingest } = setup();
    const reader = new BetterSqlite3(file, { readonly: true });
    const seen: { batch: Committed; storedEvents: number }[] = [];
    ingest.onCommit((batch) => seen.push({ batch, storedEvents: (reader.prepare('SELECT count(*) AS n FROM device_events').get() as { n: number }).n }));
    ingest.push(message(`devices/${CAMERA}/info`, info));
    ingest.push(message(`devices/${CAMERA}/state`, { status: 'online', ts: 2 }));
    for (let i = 0; i < 10; i++) ingest.push(message(`devices/${CAMERA}/events`, { id: `evt-1000000${i}`, type: 'tamper', ts: 10 + i }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.storedEvents).toBe(10);
    expect([...seen[0]!.batch.devices]).toEqual([CAMERA]);
    expect(seen[0]!.batch.events).toHaveLength(10);
  });

  it('keeps the quarantine bounded under a flood of garbage', () => {
    const { db, ingest } = setup();
    for (let i = 0; i < 12_500; i++) ingest.push(message(`devices/${STRANGER}/state`, 'not json'));
    ingest.flush();
    const { n } = db.prepare('SELECT count(*) AS n FROM quarantine').get() as { n: number };
    expect(n).toBeLessThanOrEqual(11_000);
    expect(ingest.stats().totals.quarantined).toBe(12_500);
  });

  it('weighs what waits by its bytes, so a slice of buffered meter readings is cut as early as one of events', () => {
    const { ingest } = setup();
    ingest.push(message(`devices/${CAMERA}/info`, info));
    ingest.push(message(`devices/${CAMERA}/telemetry`, { ts: 5, values: { t: 20 } }));
    expect(ingest.pending).toBe(2);
    expect(ingest.pendingBytes).toBe(JSON.stringify(info).length + JSON.stringify({ ts: 5, values: { t: 20 } }).length);
    ingest.flush();
    expect(ingest.pendingBytes).toBe(0);
  });
});
