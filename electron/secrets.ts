import { app, safeStorage } from 'electron';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Site secrets, encrypted with the OS keystore (DPAPI, Keychain, libsecret /
 * kwallet) into userData. They are decrypted only here, in the main process,
 * and reach the core as a parentPort message: never env, argv or a window.
 */
export type SiteSecrets = { brokerPassword?: string; dataKey?: string };

const KEYS = ['brokerPassword', 'dataKey'] as const;

function secretsFile(): string {
  return path.join(app.getPath('userData'), 'secrets.bin');
}

function pick(value: unknown): SiteSecrets {
  const secrets: SiteSecrets = {};
  if (!value || typeof value !== 'object') return secrets;
  for (const key of KEYS) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field === 'string' && field) secrets[key] = field;
  }
  return secrets;
}

/** Why this machine cannot keep secrets safely, or null when it can. Call after app ready. */
function keystoreProblem(): string | null {
  if (!safeStorage.isEncryptionAvailable()) return 'the OS keystore is not available';
  // Without a keyring Chromium on Linux falls back to a hard-coded key: that is obfuscation, not encryption.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return 'no Secret Service or KWallet is running (only the basic_text backend is available)';
  }
  return null;
}

/** The stored secrets; empty when none are stored or they cannot be decrypted here (logged, not thrown). */
export function readSecrets(): SiteSecrets {
  const file = secretsFile();
  if (!fs.existsSync(file)) return {};
  const problem = keystoreProblem();
  if (problem) {
    console.warn(`Vigil: site secrets not read: ${problem}`);
    return {};
  }
  try {
    return pick(JSON.parse(safeStorage.decryptString(fs.readFileSync(file))));
  } catch (error) {
    // Typically a profile copied from another user or machine: the keystore key differs.
    console.warn(`Vigil: site secrets in ${file} could not be decrypted: ${(error as Error).message}`);
    return {};
  }
}

/**
 * The stored secrets with the core's data key (32 random bytes sealing
 * camera credentials in the database), made and stored on first run. No
 * keystore: no data key, and the core keeps an owner-only key file instead.
 */
export function readSecretsWithDataKey(): SiteSecrets {
  const secrets = readSecrets();
  if (secrets.dataKey || keystoreProblem()) return secrets;
  const withKey = { ...secrets, dataKey: randomBytes(32).toString('base64') };
  writeSecrets(withKey);
  return withKey;
}

/** Encrypts and stores the secrets, replacing the file atomically. */
export function writeSecrets(secrets: SiteSecrets): void {
  const problem = keystoreProblem();
  if (problem) throw new Error(`cannot store site secrets: ${problem}`);
  const file = secretsFile();
  const temporary = `${file}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(temporary, safeStorage.encryptString(JSON.stringify(pick(secrets))), { mode: 0o600 });
  fs.renameSync(temporary, file);
}

/**
 * IT provisioning (`Vigil --import-secrets=<file.json>`): reads
 * `{"brokerPassword": "…"}` from a plain file and stores it encrypted. The
 * plain file is left for the administrator to shred.
 */
export function importSecrets(plainFile: string): SiteSecrets {
  // The data key is never imported nor replaced: the camera credentials sealed with it would be lost.
  const { dataKey: _ignored, ...secrets } = pick(JSON.parse(fs.readFileSync(plainFile, 'utf8')));
  if (Object.keys(secrets).length === 0) throw new Error(`${plainFile} holds none of: brokerPassword`);
  writeSecrets({ ...readSecrets(), ...secrets });
  return secrets;
}
