import path from 'node:path';
import { topicOf } from '../main/site-link/interface/topics';
import { openDatabase } from '../main/store/database';
import { tempDir, testCore } from '../main/testing/harness';

const SITE = 'bench';
const EVENTS = 200_000;
/** The ingest's own batch: one transaction per 2 000 messages (main/site-link/ingest.ts). */
const BATCH = 2000;
const ROUNDS = 3;
const DOORS = Array.from({ length: 100 }, (_, n) => `3206120101140${String(n + 1).padStart(7, '0')}`);

type Row = { id: string; code: string; type: string; severity: string; at: number; receivedAt: number; person: string };

function siteEvents(round: number): Row[] {
  const at = 1_795_000_000_000;
  return Array.from({ length: EVENTS }, (_, n) => ({
    id: `r${round}-${String(n).padStart(8, '0')}`,
    code: DOORS[n % DOORS.length]!,
    type: 'access_granted',
    severity: 'info',
    at: at + n,
    receivedAt: at + n,
    person: `card ${String(n % 5000).padStart(4, '0')}`,
  }));
}

/**
 * What a QoS 1 event costs the station: the bytes as they come off the
 * link, through the real ingest (decode and validation, INSERT OR IGNORE,
 * the alarm and rule hooks, the commit listeners), in its own batches.
 */
function storePath(rows: Row[]): number {
  const core = testCore({ site: { id: SITE, name: SITE, brokers: [], demo: false }, checkOutputs: false });
  const encoder = new TextEncoder();
  for (const code of DOORS) {
    const info = { name: `门 ${code.slice(-3)}`, area: '北区', building: 'A', floor: '1F', ts: 1 };
    core.ingest.push({ topic: topicOf('deviceInfo', { site: SITE, code }), payload: encoder.encode(JSON.stringify(info)), receivedAt: 1 });
  }
  core.ingest.flush();
  const messages = rows.map((row) => ({
    topic: topicOf('deviceEvent', { site: SITE, code: row.code }),
    payload: encoder.encode(JSON.stringify({ id: row.id, type: row.type, ts: row.at, person: row.person })),
    receivedAt: row.receivedAt,
  }));
  const started = performance.now();
  for (const message of messages) core.ingest.push(message);
  core.ingest.flush();
  const perSecond = rows.length / ((performance.now() - started) / 1000);
  const stored = core.db.prepare('SELECT count(*) FROM device_events').pluck().get() as number;
  void core.close();
  if (stored !== rows.length) throw new Error(`the store kept ${stored} of ${rows.length} events`);
  return perSecond;
}

/** The reference: the same rows into the same schema with a bare better-sqlite3 loop, a prepared statement and a transaction per batch. */
function bareLoop(rows: Row[]): number {
  const db = openDatabase(path.join(tempDir('vigil-bench-bare-'), 'bare.db'));
  const insert = db.prepare('INSERT INTO device_events (id, code, type, severity, at, received_at, person) VALUES (@id, @code, @type, @severity, @at, @receivedAt, @person)');
  const batch = db.transaction((slice: Row[]) => {
    for (const row of slice) insert.run(row);
  });
  const started = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) batch(rows.slice(i, i + BATCH));
  const perSecond = rows.length / ((performance.now() - started) / 1000);
  db.close();
  return perSecond;
}

/** Both sides, three rounds, the order alternating so that neither always runs on a warmer machine. */
export function storeInsertRates(): { store: number; bare: number }[] {
  const runs: { store: number; bare: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const rows = siteEvents(round);
    const run = { store: 0, bare: 0 };
    if (round % 2) {
      run.bare = bareLoop(rows);
      run.store = storePath(rows);
    } else {
      run.store = storePath(rows);
      run.bare = bareLoop(rows);
    }
    console.error(`foundation: store round ${round + 1}: store path ${Math.round(run.store)} rows/s, bare loop ${Math.round(run.bare)} rows/s`);
    runs.push(run);
  }
  return runs;
}
