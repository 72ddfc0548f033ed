import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ContractError } from '../contract';
import { readOnlyOptions, type Database } from '../store/database';

/** What the bundle reports of the database: integrity.txt and the row count of every table. */
export type DatabaseCheck = { integrity: string; rows: Record<string, number | string> };

/**
 * The checks themselves, as plain JS so the same text runs in the worker and on the core's thread.
 * A check or a table count SQLite gives up on (a damaged page) is reported with SQLite's words
 * instead of stopping the bundle: a damaged store is exactly when IT needs the bundle.
 */
const CHECKS = String.raw`
function check(db) {
  // A file SQLite cannot read at all (not a database, gone) fails here, and the bundle with it.
  db.pragma('schema_version');
  // Past that, damage is what the bundle is for: a check SQLite gives up on is reported in its words.
  const attempt = (run) => { try { return run(); } catch (error) { return ['failed: ' + error.message + (error.code ? ' (' + error.code + ')' : '')]; } };
  const checked = attempt(() => db.pragma('integrity_check').map((row) => row.integrity_check));
  const broken = attempt(() => {
    const rows = db.pragma('foreign_key_check');
    return rows.length ? rows.map((row) => row.table + ' row ' + (row.rowid ?? '?') + ' → ' + row.parent + ' (foreign key ' + row.fkid + ')') : ['ok'];
  });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
  const rows = {};
  for (const table of tables) {
    try {
      rows[table] = db.prepare('SELECT count(*) FROM "' + table.replace(/"/g, '""') + '"').pluck().get();
    } catch (error) {
      rows[table] = 'not counted: ' + error.message;
    }
  }
  const integrity = [
    'PRAGMA integrity_check',
    ...checked,
    '',
    'PRAGMA foreign_key_check',
    ...broken,
    '',
  ].join('\n');
  return { integrity, rows };
}
`;

/**
 * The worker's body: plain CommonJS given as text (eval), so it loads the same way under tsx, vitest
 * and the esbuild bundle of the core, with no worker file to ship beside it. better-sqlite3 comes by
 * the path the core resolved. An in-memory probe first tells "this thread cannot run SQLite" (the
 * caller falls back to its own thread) from "this file cannot be read" (a clear error).
 */
const WORKER_BODY = `${CHECKS}
const { parentPort, workerData } = require('node:worker_threads');
function run() {
  let Sqlite;
  try {
    Sqlite = require(workerData.module);
    new Sqlite(':memory:', workerData.options.nativeBinding ? { nativeBinding: workerData.options.nativeBinding } : {}).close();
  } catch (error) {
    parentPort.postMessage({ kind: 'unavailable', reason: String(error && error.message || error) });
    return;
  }
  let db;
  try {
    db = new Sqlite(workerData.file, workerData.options);
    parentPort.postMessage({ kind: 'checked', check: check(db) });
  } catch (error) {
    parentPort.postMessage({ kind: 'failed', reason: String(error && error.message || error) });
  } finally {
    if (db) db.close();
  }
}
run();
`;

// The same text as the worker runs, so the fallback checks exactly what the worker would.
const checkHere = new Function(`${CHECKS}\nreturn check;`)() as (db: Database) => DatabaseCheck;

/**
 * Checks the database the core writes to without blocking the core: `PRAGMA integrity_check` reads
 * every page (2 ms per MB on a fast disk, several on a slow one), which on the core's thread would stall every officer's window, the
 * site link's ingest and alarms for seconds. The worker reads the same file over its own read-only
 * connection; WAL lets it read beside the core's writer. An in-memory database, or a thread that
 * cannot load SQLite, is checked here instead, and integrity.txt says so.
 */
export async function checkDatabase(db: Database): Promise<DatabaseCheck> {
  if (db.memory) return checkedOnCoreThread(db, 'the database is in memory, out of reach of another thread');
  // A Worker that cannot be made at all (the constructor throws) is one that cannot start.
  const outcome = await inWorker(db.name).catch((error: unknown): Outcome => ({ kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) }));
  // A ContractError, so IT's window shows SQLite's reason rather than "internal error".
  if (outcome.kind === 'failed') throw new ContractError('unavailable', `the diagnostics bundle was not written: the database check failed: ${outcome.reason}`);
  if (outcome.kind === 'unavailable') return checkedOnCoreThread(db, `no worker could check it (${outcome.reason})`);
  return outcome.check;
}

/** The check on the core's thread, for the fallback (and as the reference a test measures the worker against). */
export function checkedOnCoreThread(db: Database, why: string): DatabaseCheck {
  const check = checkHere(db);
  return { ...check, integrity: `Checked on the core's thread: ${why}.\n\n${check.integrity}` };
}

type Outcome = { kind: 'checked'; check: DatabaseCheck } | { kind: 'failed'; reason: string } | { kind: 'unavailable'; reason: string };

function inWorker(file: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const workerData = { module: createRequire(import.meta.url).resolve('better-sqlite3'), file, options: readOnlyOptions() };
    const worker = new Worker(WORKER_BODY, { eval: true, workerData });
    let outcome: Outcome | undefined;
    worker.once('message', (message: Outcome) => (outcome = message));
    // A worker that dies in the check (out of memory, a crash in the addon) is a failure, not a fallback.
    worker.once('error', (error) => (outcome ??= { kind: 'failed', reason: error.message }));
    worker.once('exit', (code) => resolve(outcome ?? { kind: 'failed', reason: `the worker stopped with code ${code} before it answered` }));
  });
}
