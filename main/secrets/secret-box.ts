import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkOwnerOnly } from '../signing/station-key';

/** What a sealed value starts with: the scheme, so a later one can sit beside it. */
const PREFIX = 'sealed:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_FILE = 'secrets.key';

/**
 * Secrets the station keeps in its database (camera credentials), sealed
 * with AES-256-GCM under the station's data key: a copied database, a
 * backup or a diagnostics bundle holds nothing usable without the key. The
 * key lives apart — in the OS keystore in the desktop app (Electron's
 * safeStorage, handed to the core as a message), in an owner-only key file
 * under `vigil serve`.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) throw new RangeError(`a data key is ${KEY_BYTES} bytes, not ${key.length}`);
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** The plain value; throws, saying so, for a value sealed under another key or changed. */
  open(sealed: string): string {
    if (!isSealed(sealed)) throw new Error('not a sealed value');
    const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('a sealed secret does not open with this station’s data key (another station’s database, or a changed value)');
    }
  }
}

export const isSealed = (value: string): boolean => value.startsWith(PREFIX);

/** A new random data key (the desktop app keeps it in the OS keystore). */
export const newDataKey = (): Buffer => randomBytes(KEY_BYTES);

/**
 * The data key of `vigil serve`: `DATA/secrets.key`, made on first use with
 * owner-only permissions; one others may read is refused. With `create`
 * false (an offline tool), null when there is none.
 */
export function loadDataKeyFile(dataDir: string, options: { create?: boolean } = {}): Buffer | null {
  const file = path.join(dataDir, DATA_KEY_FILE);
  if (!fs.existsSync(file)) {
    if (options.create === false) return null;
    fs.mkdirSync(dataDir, { recursive: true });
    // wx: two stations starting on one folder never overwrite each other's key.
    fs.writeFileSync(file, newDataKey().toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  checkOwnerOnly(file, 'keep secrets with it');
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${file} does not hold a ${KEY_BYTES}-byte key in base64`);
  return key;
}
