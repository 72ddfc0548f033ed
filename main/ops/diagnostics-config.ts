import { isSealed, type SecretBox } from '../secrets/secret-box';
import { X509Certificate } from 'node:crypto';
import type { Database } from '../store/database';

/** What stands where a secret was: the field is named so IT sees it is set, its value is gone (not masked, not its length). */
export const REMOVED = '[removed]';

/** Fields whose values are secrets wherever they sit: broker and camera passwords, TLS keys and passphrases, tokens. */
const SECRET_FIELDS = new Set(['password', 'passphrase', 'key', 'privateKey', 'pfx', 'token', 'secret', 'passwordHash']);
/** PEM certificates: described by their public facts, never copied (a certificate file may carry its key too). */
const CERTIFICATE_FIELDS = new Set(['ca', 'cert']);

/**
 * A copy of a configuration with every secret field's value replaced by
 * "[removed]", certificates reduced to subject, issuer, expiry and
 * fingerprint, and user info taken out of URLs (a broker URL may carry
 * `user:password@`).
 */
export function withoutSecrets(value: unknown, field?: string): unknown {
  if (value === undefined || value === null) return value;
  if (field && SECRET_FIELDS.has(field)) return REMOVED;
  if (field && CERTIFICATE_FIELDS.has(field) && typeof value === 'string') return certificateFacts(value);
  if (typeof value === 'string') return value.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, `$1${REMOVED}@`);
  if (Array.isArray(value)) return value.map((item) => withoutSecrets(item, field));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutSecrets(inner, key)]));
  return value;
}

function certificateFacts(pem: string): unknown {
  try {
    const certificate = new X509Certificate(pem);
    return { subject: certificate.subject, issuer: certificate.issuer, validFrom: certificate.validFrom, validTo: certificate.validTo, sha256: certificate.fingerprint256 };
  } catch {
    return 'not a readable PEM certificate';
  }
}

/** Which cameras have credentials set, and when: user name and password removed. */
export function cameraCredentialScopes(db: Database): { scope: string; username: string; password: string; updatedAt: number }[] {
  const rows = db.prepare('SELECT scope, updated_at AS updatedAt FROM camera_credentials ORDER BY scope').all() as { scope: string; updatedAt: number }[];
  return rows.map((row) => ({ scope: row.scope, username: REMOVED, password: REMOVED, updatedAt: row.updatedAt }));
}

/**
 * The secret values this station holds, in the forms a bundle could carry
 * them (as they are, JSON-escaped, base64, URL-encoded, and each line of a
 * PEM key): the logs are scrubbed of them and the finished bundle checked.
 */
export function secretForms(secrets: (string | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    // Shorter values would match ordinary text in the logs; no credential the station takes is this short.
    if (!secret || secret.length < 6) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(Buffer.from(secret).toString('base64'));
    forms.add(encodeURIComponent(secret));
    for (const line of secret.split(/\r?\n/)) if (line.length >= 16 && !line.startsWith('-----')) forms.add(line);
  }
  return [...forms];
}

/**
 * The camera passwords stored at this station, opened, for secretForms
 * (user names are removed from the configuration, not hunted in logs:
 * "admin" is everywhere). Without the data key (an offline tool beside the
 * desktop app, whose key is in the OS keystore) only values an earlier
 * version left in the clear.
 */
export function cameraPasswords(db: Database, box: SecretBox | null): string[] {
  const stored = (db.prepare('SELECT password FROM camera_credentials').all() as { password: string }[]).map((row) => row.password);
  return stored.flatMap((value) => (!isSealed(value) ? [value] : box ? [box.open(value)] : []));
}
