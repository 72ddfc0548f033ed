import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/harness';

const TSX = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
const CLI = path.resolve(import.meta.dirname, 'cli.ts');

describe('vigil serve with the site’s secrets in files', () => {
  it('refuses a password file or client key others may read, saying how to mend it, and never echoes the secret', () => {
    const dir = tempDir();
    const passwordFile = path.join(dir, 'broker-password');
    fs.writeFileSync(passwordFile, 'Broker-Pass-2026\n', { mode: 0o644 });
    fs.chmodSync(passwordFile, 0o644);
    const run = spawnSync(TSX, [CLI, 'serve', '--broker', 'mqtt://127.0.0.1:1', '--site', 'park', '--password-file', passwordFile, '--data', path.join(dir, 'data'), '--port', '0'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`${passwordFile} can be read by others (mode 644); the station will not take --password-file from it. Run: chmod 600 ${passwordFile}`);
    expect(run.stderr + run.stdout).not.toContain('Broker-Pass-2026');
  });
});
