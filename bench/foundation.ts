import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openDatabase } from '../main/store/database';
import { BatchWriter } from '../main/store/batch-writer';
import { tempDir } from '../main/testing/harness';
import { median, type Report } from './report';
import { freePort } from '../main/testing/processes';

const CLI = 'out/core/cli.js';
const RENDERER = 'out/renderer';

/** Milliseconds from spawning `vigil serve` to the sign-in page being served. */
async function coldStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', '--demo', '--port', String(port), '--data', dataDir], { stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        if (response.ok && (await response.text()).includes('<div id="root">')) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 20_000) throw new Error('vigil serve did not serve the sign-in page within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** The JS the sign-in page loads before it can paint: entry script and its preloaded chunks. */
function firstJsGzipKb(): number {
  const html = fs.readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((match) => match[1]!);
  if (!scripts.length) throw new Error('no script found in out/renderer/index.html');
  const bytes = scripts.reduce((sum, file) => sum + gzipSync(fs.readFileSync(path.join(RENDERER, file)), { level: 9 }).length, 0);
  return bytes / 1024;
}

const ROWS = 300_000;
const BATCH = 5000;

function storeInsertRates(): { batched: number; bare: number } {
  const statuses = ['online', 'offline', 'fault'];
  const rows = Array.from({ length: ROWS }, (_, i) => ({ code: `3206120101132000${String(i % 1000).padStart(4, '0')}`, at: i, status: statuses[i % 3]! }));

  // Reference: a bare better-sqlite3 loop, prepared statement, one transaction per batch.
  const bareDb = new BetterSqlite3(path.join(tempDir(), 'bare.db'));
  bareDb.pragma('journal_mode = WAL');
  bareDb.pragma('synchronous = NORMAL');
  bareDb.exec('CREATE TABLE device_history (id INTEGER PRIMARY KEY, code TEXT NOT NULL, at INTEGER NOT NULL, status TEXT NOT NULL); CREATE INDEX h_at ON device_history(at); CREATE INDEX h_code ON device_history(code, at);');
  const bareInsert = bareDb.prepare('INSERT INTO device_history (code, at, status) VALUES (?, ?, ?)');
  const bareBatch = bareDb.transaction((slice: typeof rows) => {
    for (const row of slice) bareInsert.run(row.code, row.at, row.status);
  });
  let started = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) bareBatch(rows.slice(i, i + BATCH));
  const bare = ROWS / ((performance.now() - started) / 1000);
  bareDb.close();

  // Vigil's store: the same rows through the batched writer into the migrated schema.
  const db = openDatabase(path.join(tempDir(), 'vigil.db'));
  const insert = db.prepare('INSERT INTO device_history (code, at, status) VALUES (?, ?, ?)');
  const writer = new BatchWriter<(typeof rows)[number]>(db, (row) => insert.run(row.code, row.at, row.status), { maxBatch: BATCH });
  started = performance.now();
  for (const row of rows) writer.push(row);
  writer.flush();
  const batched = ROWS / ((performance.now() - started) / 1000);
  db.close();
  return { batched, bare };
}

export async function foundation(report: Report): Promise<void> {
  if (!fs.existsSync(CLI) || !fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('build first: npm run build');
  const dataDir = tempDir('vigil-bench-');
  await coldStart(dataDir); // first run creates the database and the demo accounts
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) starts.push(await coldStart(dataDir));
  report.add('serve_cold_start_ms', median(starts), 'ms', 'lower', 1500);
  report.add('first_js_gzip_kb', firstJsGzipKb(), 'KB', 'lower', 500);

  // Best of three for each, interleaved, so neither side gets a warmer machine.
  const runs = [storeInsertRates(), storeInsertRates(), storeInsertRates()];
  const batched = Math.max(...runs.map((run) => run.batched));
  const bare = Math.max(...runs.map((run) => run.bare));
  report.add('store_insert_rows_per_s', batched, 'rows/s', 'higher');
  report.add('store_bare_insert_rows_per_s', bare, 'rows/s', 'higher');
  report.add('store_insert_ratio', batched / bare, 'ratio', 'higher', 0.8);
}
