import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/harness';
import { fingerprintOf, KEY_FILE, loadStationKey, verify } from './station-key';

const posix = process.platform !== 'win32';

describe("the station's signing key", () => {
  it('is made on first use, owner-only, and the same key afterwards', () => {
    const dir = path.join(tempDir(), 'data');
    const key = loadStationKey(dir);
    if (posix) expect(fs.statSync(path.join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(key.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(key.fingerprint).toBe(fingerprintOf(key.publicKeyPem));
    expect(loadStationKey(dir).fingerprint).toBe(key.fingerprint);
    expect(loadStationKey(tempDir()).fingerprint).not.toBe(key.fingerprint);
  });

  it('signs what verify accepts, and nothing else', () => {
    const key = loadStationKey(tempDir());
    const bytes = Buffer.from('manifest');
    const signature = key.sign(bytes);
    expect(verify(key.publicKeyPem, bytes, signature)).toBe(true);
    expect(verify(key.publicKeyPem, Buffer.from('manifesT'), signature)).toBe(false);
    expect(verify(loadStationKey(tempDir()).publicKeyPem, bytes, signature)).toBe(false);
    expect(verify('not a key', bytes, signature)).toBe(false);
    expect(verify(key.publicKeyPem, bytes, Buffer.from('short'))).toBe(false);
  });

  it.runIf(posix)('refuses a key file others can read, saying how to fix it', () => {
    const dir = tempDir();
    loadStationKey(dir);
    const file = path.join(dir, KEY_FILE);
    fs.chmodSync(file, 0o644);
    expect(() => loadStationKey(dir)).toThrow(/can be read by others \(mode 644\).*chmod 600/);
    fs.chmodSync(file, 0o640);
    expect(() => loadStationKey(dir)).toThrow(/mode 640/);
    fs.chmodSync(file, 0o600);
    expect(() => loadStationKey(dir)).not.toThrow();
  });

  it('refuses a file that is not an Ed25519 private key', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, KEY_FILE), 'garbage', { mode: 0o600 });
    expect(() => loadStationKey(dir)).toThrow(/is not a private key in PEM/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    fs.writeFileSync(path.join(dir, KEY_FILE), rsa, { mode: 0o600 });
    expect(() => loadStationKey(dir)).toThrow(/holds a rsa key; the station signs with Ed25519/);
  });
});
