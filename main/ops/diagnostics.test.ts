import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../demo/accounts';
import { openZip } from '../evidence/zip-reader';
import { LOG_FOLDER } from '../logging/log-files';
import { connectClient, rejection, tempDir, testCore } from '../testing/harness';
import { runDiag } from './diag-cli';
import { secretForms } from './diagnostics-config';
import { writeDiagnostics } from './diagnostics';
import { logTails } from './diagnostics-logs';

let core: Core;
let dataDir: string;

async function signedIn(role: string) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role)!;
  const client = connectClient(core);
  await client.call('auth.signIn', { username: account.username, password: account.password, station: 'desk' });
  return client;
}

async function entries(file: string): Promise<Map<string, string>> {
  const zip = await openZip(file);
  const read = new Map<string, string>();
  for (const name of zip.names) read.set(name, (await zip.read(name, 64 * 1024 * 1024)).toString());
  zip.close();
  return read;
}

beforeAll(() => {
  dataDir = tempDir();
  core = testCore({ dataDir });
  seedDemoAccounts(core.auth);
});

afterAll(async () => {
  await core.close();
});

describe('ops.diagnostics', () => {
  it('is refused to every role but IT, with forbidden', async () => {
    for (const role of ['duty_officer', 'shift_supervisor', 'auditor', 'property_manager']) {
      expect((await rejection((await signedIn(role)).call('ops.diagnostics', {}))).code, role).toBe('forbidden');
    }
  });

  it('is IT’s, audited, and writes the zip into the data folder', async () => {
    const admin = await signedIn('it_admin');
    const bundle = await admin.call('ops.diagnostics', {});
    expect(bundle.file).toMatch(/^diagnostics\/vigil-diagnostics-.*\.zip$/);
    expect(fs.statSync(path.join(dataDir, bundle.file)).size).toBe(bundle.size);
    // No web host serves links here (as in the desktop app): the zip is in the data folder.
    expect(bundle.download).toBeNull();
    const [entry] = await admin.call('audit.list', { action: 'ops.diagnostics', limit: 1 });
    expect(entry).toMatchObject({ action: 'ops.diagnostics', outcome: 'ok' });
  });
});

describe('writeDiagnostics', () => {
  it('scrubs a known secret from the logs, wherever the logger let it through', async () => {
    const dir = tempDir();
    const secret = 'Leaked-Under-Odd-Key-99';
    fs.mkdirSync(path.join(dir, LOG_FOLDER));
    fs.writeFileSync(path.join(dir, LOG_FOLDER, 'vigil.1.log'), `${JSON.stringify({ msg: 'connect', oddField: secret, encoded: encodeURIComponent(secret) })}\n`);
    const db = core.db;
    const result = await writeDiagnostics({ db, dataDir: dir, configuration: {}, health: {}, secrets: secretForms([secret]) }, path.join(dir, 'out.zip'));
    const read = await entries(result.file);
    expect(read.get('logs/vigil.1.log')).toContain('"oddField":"[removed]"');
    for (const text of read.values()) expect(text).not.toContain(secret);
  });

  it('writes no bundle at all when a secret would be in it, naming the file and not the secret', async () => {
    const dir = tempDir();
    const secret = 'Broker-Secret-In-Config';
    const failure = await writeDiagnostics({ db: core.db, dataDir: dir, configuration: { note: secret }, health: {}, secrets: secretForms([secret]) }, path.join(dir, 'out.zip')).catch((error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/configuration\.json would hold a secret/);
    expect((failure as Error).message).not.toContain(secret);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('takes the newest lines of the logs within its budget, from a line start', () => {
    const folder = path.join(tempDir(), LOG_FOLDER);
    fs.mkdirSync(folder);
    const lines = (from: number) => Array.from({ length: 10 }, (_, n) => `{"n":${from + n}}\n`).join('');
    fs.writeFileSync(path.join(folder, 'vigil.1.log'), lines(0));
    fs.utimesSync(path.join(folder, 'vigil.1.log'), new Date(1_000_000), new Date(1_000_000));
    fs.writeFileSync(path.join(folder, 'vigil.2.log'), lines(10));
    const taken = logTails(folder, 90 + 30);
    expect(taken.map((file) => file.name)).toEqual(['vigil.2.log', 'vigil.1.log']);
    expect(taken[0]!.bytes.toString()).toBe(lines(10));
    // 30 bytes from the older file's end, cut to whole lines: its last three.
    expect(taken[1]!.bytes.toString()).toBe('{"n":7}\n{"n":8}\n{"n":9}\n');
    // A budget ending exactly at a line start keeps that line.
    expect(logTails(folder, 90 + 32)[1]!.bytes.toString()).toBe('{"n":6}\n{"n":7}\n{"n":8}\n{"n":9}\n');
  });
});

describe('vigil diag', () => {
  it('writes the bundle from a data folder, beside a running station', async () => {
    const out: string[] = [];
    const file = path.join(tempDir(), 'bundle.zip');
    const status = await runDiag(['--data', dataDir, '--out', file], { stdout: (text) => out.push(text), stderr: (text) => out.push(text) });
    expect(status, out.join('')).toBe(0);
    expect(out.join('')).toMatch(/6 files, \d+ bytes, in \d+ ms/);
    const read = await entries(file);
    expect([...read.keys()].sort()).toEqual(['configuration.json', 'counters.json', 'health.json', 'integrity.txt', 'manifest.json', 'versions.json']);
    expect(JSON.parse(read.get('counters.json')!)).toMatchObject({ rows: { users: DEMO_ACCOUNTS.length } });
  });

  it('says which folder it could not use, with status 1, and usage errors with 2', async () => {
    const out: string[] = [];
    const output = { stdout: (text: string) => out.push(text), stderr: (text: string) => out.push(text) };
    expect(await runDiag(['--data', tempDir()], output)).toBe(1);
    expect(out.join('')).toMatch(/holds no station database/);
    expect(await runDiag(['--bogus'], output)).toBe(2);
  });
});
