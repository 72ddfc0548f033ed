import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openZip } from '../evidence/zip-reader';
import { openDatabase, type Database } from '../store/database';
import { tempDir } from '../testing/harness';
import { checkedOnCoreThread } from './diagnostics-check';
import { writeDiagnostics } from './diagnostics';

/** Rows of 1 000 random bytes: about 410 MB of store, so the check takes seconds where it would block. */
const FILLER_ROWS = 400_000;

async function bundleOf(db: Database, dir: string) {
  const result = await writeDiagnostics({ db, dataDir: dir, configuration: {}, health: {}, secrets: [] }, path.join(dir, 'out.zip'));
  const zip = await openZip(result.file);
  const integrity = (await zip.read('integrity.txt', 1 << 20)).toString();
  const counters = JSON.parse((await zip.read('counters.json', 1 << 20)).toString()) as { rows: Record<string, number | string> };
  zip.close();
  return { integrity, rows: counters.rows };
}

/** A small store outside the station's schema, closed, so a test can damage its file. */
function smallStore(dir: string): string {
  const file = path.join(dir, 'small.db');
  const db = new BetterSqlite3(file);
  db.exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO notes(body) SELECT 'note ' || i || printf('%.50c', 'x') FROM n;");
  db.close();
  return file;
}

describe('the diagnostics bundle’s database check on a large store', () => {
  let dir: string;
  let db: Database;

  beforeAll(() => {
    dir = tempDir();
    db = openDatabase(path.join(dir, 'vigil.db'));
    db.exec('CREATE TABLE filler(id INTEGER PRIMARY KEY, body BLOB NOT NULL); CREATE TABLE ticks(at REAL NOT NULL)');
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${FILLER_ROWS}) INSERT INTO filler(body) SELECT randomblob(1000) FROM n`);
    db.pragma('wal_checkpoint(TRUNCATE)');
  }, 180_000);

  afterAll(() => {
    db.close();
    // Hundreds of MB: not left behind in the temporary folder.
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs beside the core: its event loop keeps turning and its connection keeps writing, and the bundle still reads ok with the right counts', async () => {
    expect(fs.statSync(path.join(dir, 'vigil.db')).size).toBeGreaterThan(350 * 1024 * 1024);
    // The reference: the same check on the core's thread blocks it for this long.
    const before = performance.now();
    expect(checkedOnCoreThread(db, 'reference').integrity).toContain('PRAGMA integrity_check\nok\n');
    const inThread = performance.now() - before;

    let last = performance.now();
    let longestGap = 0;
    let ticks = 0;
    const tick = db.prepare('INSERT INTO ticks(at) VALUES (?)');
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      tick.run(now);
      ticks += 1;
    }, 10);
    const started = performance.now();
    const bundle = await bundleOf(db, dir).finally(() => clearInterval(timer));
    const took = performance.now() - started;
    console.log(`database check: ${Math.round(inThread)} ms on the core's thread; bundle in ${Math.round(took)} ms beside it, longest event-loop gap ${Math.round(longestGap)} ms over ${ticks} ticks`);

    // Large enough that blocking would show: well over the 10 ms the timer asks for.
    expect(inThread).toBeGreaterThan(200);
    // Half: a check on the core's thread would stop it for about the whole in-thread time; a loaded machine adds its own gaps.
    expect(longestGap).toBeLessThan(inThread / 2);
    expect(ticks).toBeGreaterThan(took / 10 / 4);
    expect(bundle.integrity).not.toContain('core’s thread');
    expect(bundle.integrity).not.toContain("core's thread");
    expect(bundle.integrity).toBe('PRAGMA integrity_check\nok\n\nPRAGMA foreign_key_check\nok\n');
    expect(bundle.rows.filler).toBe(FILLER_ROWS);
  }, 120_000);
});

describe('the diagnostics bundle’s database check', () => {
  it('reports a damaged page as SQLite words it, and still writes the bundle', async () => {
    const dir = tempDir();
    const file = smallStore(dir);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, 4096 * 5 + 8);
    fs.closeSync(fd);
    const db = new BetterSqlite3(file);
    try {
      const bundle = await bundleOf(db, dir);
      // SQLite either lists the damage or gives up on the check; the bundle carries whichever it says.
      expect(bundle.integrity).toMatch(/^PRAGMA integrity_check\n(\*\*\* in database main \*\*\*\nTree \d+ page 6 cell \d+: Offset 65535 out of range|failed: database disk image is malformed \(SQLITE_CORRUPT)/);
      expect(bundle.integrity).not.toContain('\nok\n\nPRAGMA foreign_key_check');
      expect([2000, 'not counted: database disk image is malformed']).toContain(bundle.rows.notes);
    } finally {
      db.close();
    }
  });

  it('writes nothing, with SQLite’s reason, when the file is not a database', async () => {
    const dir = tempDir();
    const file = smallStore(dir);
    fs.writeFileSync(file, Buffer.alloc(8192, 0x41));
    const db = new BetterSqlite3(file);
    try {
      await expect(bundleOf(db, dir)).rejects.toMatchObject({ code: 'unavailable', message: 'the diagnostics bundle was not written: the database check failed: file is not a database' });
      expect(fs.readdirSync(dir)).toEqual(['small.db']);
    } finally {
      db.close();
    }
  });

  it('checks an in-memory store on the core’s thread, and says so', async () => {
    const dir = tempDir();
    const db = openDatabase(':memory:');
    try {
      const bundle = await bundleOf(db, dir);
      expect(bundle.integrity).toBe("Checked on the core's thread: the database is in memory, out of reach of another thread.\n\nPRAGMA integrity_check\nok\n\nPRAGMA foreign_key_check\nok\n");
      expect(bundle.rows.users).toBe(0);
    } finally {
      db.close();
    }
  });

  it('falls back to the core’s thread when no worker can load SQLite, and says why', async () => {
    const dir = tempDir();
    const db = new BetterSqlite3(smallStore(dir));
    const binding = process.env.VIGIL_SQLITE_BINDING;
    // A desktop build whose SQLite binding a worker cannot load: the worker's probe fails before it opens the file.
    process.env.VIGIL_SQLITE_BINDING = path.join(dir, 'missing', 'better_sqlite3.node');
    try {
      const bundle = await bundleOf(db, dir);
      expect(bundle.integrity).toMatch(/^Checked on the core's thread: no worker could check it \(Cannot find module '.*missing\/better_sqlite3\.node'/);
      expect(bundle.integrity).toContain('PRAGMA integrity_check\nok\n\nPRAGMA foreign_key_check\nok\n');
      expect(bundle.rows.notes).toBe(2000);
    } finally {
      if (binding === undefined) delete process.env.VIGIL_SQLITE_BINDING;
      else process.env.VIGIL_SQLITE_BINDING = binding;
      db.close();
    }
  });
});
