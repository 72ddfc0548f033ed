import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { sha256 } from '../evidence/hashing';
import { stamp } from '../evidence/export';
import { LOG_FOLDER } from '../logging/log-files';
import type { Database } from '../store/database';
import { VERSION } from '../version';
import { checkDatabase, type DatabaseCheck } from './diagnostics-check';
import { logTails, scrub } from './diagnostics-logs';

export const DIAGNOSTICS_FOLDER = 'diagnostics';
/** Bundles kept in DATA/diagnostics; older ones are removed as new ones are made. */
const BUNDLES_KEPT = 5;

export type DiagnosticsInput = {
  db: Database;
  dataDir: string;
  /** The station's settings and site configuration, already without secrets (withoutSecrets). */
  configuration: unknown;
  /** What ops.status returns, or why there is none. */
  health: unknown;
  /** Every form of every secret the station holds (secretForms): scrubbed from the logs, and refused anywhere in the bundle. */
  secrets: string[];
  now?: () => number;
};

export type DiagnosticsFile = { path: string; size: number; sha256: string };
export type DiagnosticsResult = { file: string; size: number; files: DiagnosticsFile[]; manifestSha256: string };

/** `vigil-diagnostics-2026-05-07T08-15-00-000Z.zip` in DATA/diagnostics. */
export function bundlePath(dataDir: string, at: number): string {
  return path.join(dataDir, DIAGNOSTICS_FOLDER, `vigil-diagnostics-${stamp(at)}.zip`);
}

/**
 * Writes the diagnostics bundle (诊断包) to `file`: versions, configuration,
 * health, counters, the database's integrity check, the recent logs and a
 * manifest of every file's SHA-256. Written aside and renamed, so a failure
 * leaves no half bundle; a bundle that would hold a known secret is not
 * written at all.
 */
export async function writeDiagnostics(input: DiagnosticsInput, file: string): Promise<DiagnosticsResult> {
  const now = input.now ?? Date.now;
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  // First, and off the core's thread: a file SQLite cannot read stops here with SQLite's reason.
  const check = await checkDatabase(input.db);
  const entries: [string, Buffer][] = [
    ['versions.json', json(versions(input.db))],
    ['configuration.json', json(input.configuration)],
    ['health.json', json(input.health)],
    ['counters.json', json(counters(check.rows, input.dataDir))],
    ['integrity.txt', Buffer.from(check.integrity)],
    ...logTails(path.join(input.dataDir, LOG_FOLDER)).map(({ name, bytes }): [string, Buffer] => [`logs/${name}`, scrub(bytes, input.secrets)]),
  ];
  const files = entries.map(([name, bytes]) => ({ path: name, size: bytes.length, sha256: sha256(bytes) }));
  const manifest = json({ format: 'vigil-diagnostics/1', madeAt: new Date(now()).toISOString(), vigilVersion: VERSION, files });
  entries.push(['manifest.json', manifest]);
  refuseSecrets(entries, input.secrets);

  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  try {
    const zip = new yazl.ZipFile();
    for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
    zip.end();
    await pipeline(zip.outputStream, fs.createWriteStream(partial, { mode: 0o600 }));
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  pruneBundles(path.dirname(file));
  return { file, size: fs.statSync(file).size, files, manifestSha256: sha256(manifest) };
}

function versions(db: Database) {
  const { sqlite } = db.prepare('SELECT sqlite_version() AS sqlite').get() as { sqlite: string };
  return {
    vigil: VERSION,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    sqlite,
    schemaVersion: db.pragma('user_version', { simple: true }),
    os: { type: os.type(), platform: os.platform(), release: os.release(), version: os.version(), arch: os.arch() },
  };
}

/** Rows in every table and the sizes on disk: what grows, and how fast, between two bundles. */
function counters(rows: DatabaseCheck['rows'], dataDir: string) {
  const sizeOf = (name: string) => (fs.existsSync(path.join(dataDir, name)) ? fs.statSync(path.join(dataDir, name)).size : null);
  const logFolder = path.join(dataDir, LOG_FOLDER);
  const logBytes = fs.existsSync(logFolder) ? fs.readdirSync(logFolder).reduce((sum, name) => sum + fs.statSync(path.join(logFolder, name)).size, 0) : 0;
  const memory = process.memoryUsage();
  return {
    rows,
    bytes: { database: sizeOf('vigil.db'), wal: sizeOf('vigil.db-wal'), logs: logBytes },
    process: { uptimeSeconds: Math.round(process.uptime()), rss: memory.rss, heapUsed: memory.heapUsed },
  };
}

/** The last line of defence: a file holding a known secret in any of its forms stops the bundle, naming the file, never the secret. */
function refuseSecrets(entries: [string, Buffer][], secrets: string[]): void {
  for (const [name, bytes] of entries) {
    if (secrets.some((secret) => bytes.includes(secret))) throw new Error(`the diagnostics bundle was not written: ${name} would hold a secret of this station`);
  }
}

function pruneBundles(folder: string): void {
  const bundles = fs.readdirSync(folder).filter((name) => /^vigil-diagnostics-.*\.zip$/.test(name)).sort();
  for (const name of bundles.slice(0, Math.max(0, bundles.length - BUNDLES_KEPT))) fs.rmSync(path.join(folder, name), { force: true });
}
