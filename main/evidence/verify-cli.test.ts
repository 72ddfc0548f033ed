import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/harness';
import { loadStationKey } from '../signing/station-key';
import { exportEvidence } from './export';
import { incidentInput, rewriteZip } from './testing/fixtures';
import type { MediaPort } from './types';

const CLI = path.resolve(import.meta.dirname, '../host/cli.ts');
const TSX = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');

/** Runs `vigil verify` as a user would, in a process of its own, with nothing but the file. */
function vigil(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...args], { cwd: tempDir(), env: { ...process.env, HOME: tempDir() } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Media that are files made here: the CLI's exit codes do not depend on a recorder. */
const fileMedia: MediaPort = {
  clip: (camera, from, _to, out) => fs.promises.writeFile(out, `clip of ${camera} from ${from}`),
  snapshot: (camera, at, out) => fs.promises.writeFile(out, `picture of ${camera} at ${at}`),
};

let good: string;
let bad: string;
let fingerprint: string;

beforeAll(async () => {
  const dir = tempDir();
  const key = loadStationKey(dir);
  fingerprint = key.fingerprint;
  good = path.join(dir, 'good.zip');
  await exportEvidence(incidentInput([{ camera: 'cam-1', from: 1_000, to: 61_000 }]), good, { key, media: fileMedia });
  bad = path.join(dir, 'bad.zip');
  await rewriteZip(good, bad, (name, bytes) => (name === 'timeline.jsonl' ? Buffer.from(bytes.toString().replace('现场确认明火', '现场未见明火')) : bytes));
});

describe('vigil verify', { timeout: 60_000 }, () => {
  it('exits 0 and says so for a package that verifies', async () => {
    const run = await vigil(['verify', good, '--trust', fingerprint]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('VERIFIED');
    expect(run.stdout).toContain(`Signed by key ${fingerprint}`);
    expect(run.status).toBe(0);
  });

  it('exits 1 and names the entry for a changed one; --json gives the same as data', async () => {
    const [run, json] = await Promise.all([vigil(['verify', bad]), vigil(['verify', '--json', bad])]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('NOT VERIFIED');
    expect(run.stdout).toContain('entry changed: timeline.jsonl entry t3');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, problems: [{ kind: 'changed-file', path: 'timeline.jsonl' }, { kind: 'entry-changed', path: 'timeline.jsonl', id: 't3' }] });
  });

  it('exits 1 for another station’s key when one is trusted, and for a file that is not a package', async () => {
    const [untrusted, missing] = await Promise.all([vigil(['verify', good, '--trust', 'a'.repeat(64)]), vigil(['verify', path.join(tempDir(), 'none.zip')])]);
    expect(untrusted.status).toBe(1);
    expect(untrusted.stdout).toMatch(/untrusted key: station\.pub\.pem: signed by key [0-9a-f]{64}, not the trusted a{64}/);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('corrupt: not a readable zip');
  });

  it('exits 2 for usage errors, saying what is wrong', async () => {
    // In parallel: each run starts a process of its own.
    const [none, two, trust, unknown, help] = await Promise.all([
      vigil(['verify']),
      vigil(['verify', good, bad]),
      vigil(['verify', good, '--trust', 'abc']),
      vigil(['verify', good, '--trusted', fingerprint]),
      vigil(['verify', '--help']),
    ]);
    expect([none.status, none.stderr]).toEqual([2, expect.stringContaining('which file?')]);
    expect([two.status, two.stderr]).toEqual([2, expect.stringContaining('one file at a time')]);
    expect([trust.status, trust.stderr]).toEqual([2, expect.stringContaining('64 hex digits')]);
    expect([unknown.status, unknown.stderr]).toEqual([2, expect.stringContaining("Unknown option '--trusted'")]);
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining('Exit status: 0 verified, 1 not verified, 2 usage error.')]);
  });
});
