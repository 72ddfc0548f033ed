import BetterSqlite3, { type Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './migrations';

export type { Database };

export type OpenOptions = {
  /**
   * Path of a better_sqlite3.node built for the running ABI. Electron's core
   * passes its own build here so the Node build in node_modules stays usable
   * by tests and `vigil serve` without a rebuild.
   */
  nativeBinding?: string;
};

/** Opens (creating if needed) the station database and brings its schema up to date. */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const nativeBinding = options.nativeBinding ?? process.env.VIGIL_SQLITE_BINDING;
  const db = new BetterSqlite3(file, nativeBinding ? { nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  // NORMAL under WAL keeps every committed transaction across a process crash;
  // only an OS crash or power loss can lose the last few.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * Opens a station's database only to read it, as the offline commands do (`vigil diag`, `vigil audit verify`):
 * beside a running station, and on a copy that must not change, nothing is written and no migration runs.
 */
export function openDatabaseReadOnly(file: string): Database {
  return new BetterSqlite3(file, readOnlyOptions());
}

/** How a read-only connection is opened, with the desktop app's own SQLite build; the diagnostics worker opens its connection with these too. */
export function readOnlyOptions(): BetterSqlite3.Options {
  const nativeBinding = process.env.VIGIL_SQLITE_BINDING;
  return { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) };
}
