import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The station's signing key (Ed25519): what the station vouches for — an
 * evidence package's manifest, the audit trail's anchor — it signs with this,
 * and anyone holding the public key checks it without the station. The
 * fingerprint (SHA-256 of the public key's DER) is the station's identity an
 * auditor pins with `vigil verify --trust`.
 */
export type StationKey = {
  sign(bytes: Uint8Array): Buffer;
  readonly publicKeyPem: string;
  /** Hex SHA-256 of the public key (SubjectPublicKeyInfo DER). */
  readonly fingerprint: string;
};

export const KEY_FILE = 'station-key.pem';

/** The key in `dataDir`, made on first use; a key file others may read is refused, not used. */
export function loadStationKey(dataDir: string): StationKey {
  const file = path.join(dataDir, KEY_FILE);
  if (!fs.existsSync(file)) createKeyFile(file);
  checkOwnerOnly(file);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not a private key in PEM: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} holds a ${privateKey.asymmetricKeyType} key; the station signs with Ed25519`);
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return {
    sign: (bytes) => edSign(null, bytes, privateKey),
    publicKeyPem,
    fingerprint: fingerprintOf(publicKeyPem),
  };
}

/** Whether `signature` is `publicKeyPem`'s over `bytes`; false (never a throw) for a key or signature that is not one. */
export function verify(publicKeyPem: string, bytes: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    return key.asymmetricKeyType === 'ed25519' && edVerify(null, bytes, key, signature);
  } catch {
    return false;
  }
}

/** The fingerprint of a public key in PEM; throws when it is not one. */
export function fingerprintOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

function createKeyFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // 'wx': two processes starting at once never overwrite each other's key; the loser reads the winner's.
  try {
    fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** POSIX only: Windows has no mode bits (the data folder's ACL is the user's). */
/** A key file others may read is refused, saying how to mend it. */
export function checkOwnerOnly(file: string, use = 'sign with it'): void {
  if (process.platform === 'win32') return;
  const { mode } = fs.statSync(file);
  if (mode & 0o077) {
    throw new Error(`${file} can be read by others (mode ${(mode & 0o777).toString(8)}); the station will not ${use}. Run: chmod 600 ${file}`);
  }
}
