import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/harness';
import { DATA_KEY_FILE, isSealed, loadDataKeyFile, newDataKey, SecretBox } from './secret-box';

describe('a secret box', () => {
  it('opens what it sealed, each seal different, and nothing of the value readable in it', () => {
    const box = new SecretBox(newDataKey());
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200, unit: 'binary' }), (secret) => {
        const [once, twice] = [box.seal(secret), box.seal(secret)];
        expect(isSealed(once) && once !== twice).toBe(true);
        expect(box.open(once)).toBe(secret);
        if (secret.length >= 6) expect(once.includes(secret) || once.includes(Buffer.from(secret).toString('base64'))).toBe(false);
      }),
    );
  });

  it('refuses a value sealed under another key, or changed, saying why', () => {
    const sealed = new SecretBox(newDataKey()).seal('Camera-Pass-2026');
    expect(() => new SecretBox(newDataKey()).open(sealed)).toThrow(/does not open with this station’s data key/);
    const box = new SecretBox(newDataKey());
    const good = box.seal('Camera-Pass-2026');
    const changed = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => box.open(changed)).toThrow(/does not open/);
    expect(() => box.open('Camera-Pass-2026')).toThrow('not a sealed value');
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow('a data key is 32 bytes, not 16');
  });
});

describe('the data key file of vigil serve', () => {
  it('is made owner-only on first use and read back the same', () => {
    const dir = tempDir();
    expect(loadDataKeyFile(dir, { create: false })).toBeNull();
    const key = loadDataKeyFile(dir)!;
    expect(fs.statSync(path.join(dir, DATA_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadDataKeyFile(dir)!.equals(key)).toBe(true);
  });

  it('is refused when others may read it, or when it is not a key', () => {
    const dir = tempDir();
    const file = path.join(dir, DATA_KEY_FILE);
    loadDataKeyFile(dir);
    fs.chmodSync(file, 0o644);
    expect(() => loadDataKeyFile(dir)).toThrow(`can be read by others (mode 644); the station will not keep secrets with it. Run: chmod 600 ${file}`);
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, 'short\n');
    expect(() => loadDataKeyFile(dir)).toThrow('does not hold a 32-byte key in base64');
  });
});
