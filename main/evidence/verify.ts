import { z } from 'zod';
import { hashOf, type AuditRow } from '../audit/trail';
import { fingerprintOf, verify as verifySignature } from '../signing/station-key';
import { hashStream, sha256 } from './hashing';
import { PACKAGE_FILES, type Manifest } from './types';
import { openZip, type ZipReader } from './zip-reader';

export type ProblemKind =
  | 'corrupt'
  | 'manifest'
  | 'signature'
  | 'untrusted'
  | 'missing-file'
  | 'changed-file'
  | 'entry-changed'
  | 'entry-removed'
  | 'entry-added'
  | 'audit-chain'
  | 'extra-file';
/** What does not hold, by name: the file, and for the timeline and the audit entries, the entry id. */
export type Problem = { kind: ProblemKind; path?: string; id?: string; detail: string };
export type Warning = { kind: 'missing-media' | 'not-pinned'; path?: string; detail: string };

export type EvidenceVerification = {
  ok: boolean;
  file: string;
  problems: Problem[];
  warnings: Warning[];
  /** What the package says of itself, when its manifest could be read. */
  summary: { incident: string; site: string; station: string; exportedAt: number; vigilVersion: string; files: number } | null;
  /** Fingerprint of the key in the package (station.pub.pem), when there is one. */
  fingerprint: string | null;
};

const SMALL_LIMIT = 16 * 1024 * 1024;
const ENTRIES_LIMIT = 512 * 1024 * 1024;
const Sha = z.string().regex(/^[0-9a-f]{64}$/);
const ManifestSchema = z.object({
  format: z.literal('vigil-evidence/1'),
  incident: z.string(),
  site: z.object({ id: z.string(), name: z.string() }),
  station: z.string(),
  exportedAt: z.number(),
  vigilVersion: z.string(),
  keyFingerprint: Sha,
  files: z.array(z.object({ path: z.string(), sha256: Sha, size: z.number().int().nonnegative() })),
  entries: z.object({ timeline: z.record(z.string(), Sha), audit: z.record(z.string(), Sha) }),
  missing: z.array(z.object({ path: z.string(), kind: z.enum(['clip', 'snapshot']), camera: z.string(), from: z.number(), to: z.number().optional(), reason: z.string() })),
}) satisfies z.ZodType<Manifest>;

/**
 * Checks an evidence package with nothing but the file: the station's
 * signature over the manifest, every file against the manifest's SHA-256,
 * each timeline and audit entry by id, the audit entries' own chain hashes,
 * and nothing in the zip the manifest does not list. Every problem found is
 * reported, not only the first.
 */
export async function verifyEvidence(file: string, options: { trust?: string } = {}): Promise<EvidenceVerification> {
  const result: EvidenceVerification = { ok: false, file, problems: [], warnings: [], summary: null, fingerprint: null };
  const problem = (kind: ProblemKind, detail: string, where: { path?: string; id?: string } = {}) => result.problems.push({ kind, ...where, detail });
  let zip: ZipReader;
  try {
    zip = await openZip(file);
  } catch (error) {
    problem('corrupt', `not a readable zip: ${error instanceof Error ? error.message : String(error)}`);
    return result;
  }
  try {
    const manifest = await checkSignedManifest(zip, result, options.trust, problem);
    if (!manifest) return finish(result);
    result.summary = { incident: manifest.incident, site: manifest.site.name, station: manifest.station, exportedAt: manifest.exportedAt, vigilVersion: manifest.vigilVersion, files: manifest.files.length };
    for (const entry of manifest.files) {
      if (!zip.has(entry.path)) {
        problem('missing-file', 'listed in the manifest but not in the package', { path: entry.path });
        continue;
      }
      let actual: { sha256: string; size: number };
      try {
        actual = await hashStream(await zip.stream(entry.path));
      } catch (error) {
        problem('corrupt', `cannot be read: ${error instanceof Error ? error.message : String(error)}`, { path: entry.path });
        continue;
      }
      if (actual.sha256 === entry.sha256 && actual.size === entry.size) continue;
      problem('changed-file', `SHA-256 ${actual.sha256.slice(0, 16)}…, ${actual.size} bytes; the manifest says ${entry.sha256.slice(0, 16)}…, ${entry.size} bytes`, { path: entry.path });
      if (entry.path === PACKAGE_FILES.timeline) await diffEntries(zip, entry.path, manifest.entries.timeline, problem);
      if (entry.path === PACKAGE_FILES.audit) await diffEntries(zip, entry.path, manifest.entries.audit, problem);
    }
    if (zip.has(PACKAGE_FILES.audit)) await checkAuditChain(zip, problem);
    const known = new Set([...manifest.files.map((entry) => entry.path), PACKAGE_FILES.manifest, PACKAGE_FILES.signature, PACKAGE_FILES.publicKey]);
    for (const name of zip.names) if (!known.has(name)) problem('extra-file', 'in the package but not in the manifest', { path: name });
    for (const gone of manifest.missing) {
      result.warnings.push({ kind: 'missing-media', path: gone.path, detail: `the recorder could not give this ${gone.kind} at export: ${gone.reason}` });
    }
    return finish(result);
  } finally {
    zip.close();
  }
}

function finish(result: EvidenceVerification): EvidenceVerification {
  result.ok = result.problems.length === 0;
  return result;
}

/** The manifest, if it can be read; the signature and key problems are recorded either way. */
async function checkSignedManifest(
  zip: ZipReader,
  result: EvidenceVerification,
  trust: string | undefined,
  problem: (kind: ProblemKind, detail: string, where?: { path?: string }) => void,
): Promise<Manifest | null> {
  const read = async (name: string) => {
    if (!zip.has(name)) return null;
    try {
      return await zip.read(name, SMALL_LIMIT);
    } catch (error) {
      problem('corrupt', `cannot be read: ${error instanceof Error ? error.message : String(error)}`, { path: name });
      return null;
    }
  };
  const [manifestBytes, signature, publicKey] = [await read(PACKAGE_FILES.manifest), await read(PACKAGE_FILES.signature), await read(PACKAGE_FILES.publicKey)];
  if (!manifestBytes) {
    problem('manifest', 'the package has no manifest: nothing in it can be checked', { path: PACKAGE_FILES.manifest });
    return null;
  }
  let fingerprint: string | null = null;
  if (publicKey) {
    try {
      fingerprint = fingerprintOf(publicKey.toString('utf8'));
    } catch {
      problem('signature', 'is not a public key', { path: PACKAGE_FILES.publicKey });
    }
  } else {
    problem('signature', "the station's public key is missing", { path: PACKAGE_FILES.publicKey });
  }
  result.fingerprint = fingerprint;
  if (!signature) problem('signature', 'the signature is missing', { path: PACKAGE_FILES.signature });
  else if (fingerprint && !verifySignature(publicKey!.toString('utf8'), manifestBytes, signature)) {
    problem('signature', 'does not match manifest.json: the manifest was changed after it was signed, or another key signed it', { path: PACKAGE_FILES.signature });
  }
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
  } catch (error) {
    const reason = error instanceof z.ZodError ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') : String(error);
    problem('manifest', `cannot be read: ${reason}`, { path: PACKAGE_FILES.manifest });
    return null;
  }
  if (fingerprint && manifest.keyFingerprint !== fingerprint) {
    problem('signature', `the manifest names key ${manifest.keyFingerprint}, the package holds ${fingerprint}`, { path: PACKAGE_FILES.publicKey });
  }
  if (trust !== undefined) {
    if (fingerprint !== trust.toLowerCase()) problem('untrusted', `signed by key ${fingerprint ?? '(none)'}, not the trusted ${trust}`, { path: PACKAGE_FILES.publicKey });
  } else if (fingerprint) {
    result.warnings.push({ kind: 'not-pinned', detail: `signed by key ${fingerprint}; pass --trust with the station's fingerprint to check who signed it` });
  }
  return manifest;
}

/** Names the entries of timeline.jsonl or audit.jsonl that changed, were removed or were added, against the manifest's hashes by id. */
async function diffEntries(zip: ZipReader, name: string, expected: Record<string, string>, problem: (kind: ProblemKind, detail: string, where: { path: string; id: string }) => void): Promise<void> {
  const seen = new Set<string>();
  const lines = (await zip.read(name, ENTRIES_LIMIT)).toString('utf8').split('\n');
  lines.forEach((line, index) => {
    if (!line) return;
    let id: string;
    try {
      id = String((JSON.parse(line) as { id: unknown }).id);
    } catch {
      problem('entry-changed', 'is not JSON', { path: name, id: `line ${index + 1}` });
      return;
    }
    seen.add(id);
    if (!(id in expected)) problem('entry-added', 'is not in the manifest', { path: name, id });
    else if (expected[id] !== sha256(line)) problem('entry-changed', 'differs from the entry exported', { path: name, id });
  });
  for (const id of Object.keys(expected)) if (!seen.has(id)) problem('entry-removed', 'was exported and is gone', { path: name, id });
}

/** Each audit row still hashes to its chain hash, and follows the row before it where their ids are consecutive. */
async function checkAuditChain(zip: ZipReader, problem: (kind: ProblemKind, detail: string, where: { path: string; id: string }) => void): Promise<void> {
  let previous: AuditRow | null = null;
  for (const line of (await zip.read(PACKAGE_FILES.audit, ENTRIES_LIMIT)).toString('utf8').split('\n')) {
    if (!line) continue;
    let row: AuditRow;
    try {
      row = JSON.parse(line) as AuditRow;
    } catch {
      continue; // diffEntries names it
    }
    const { hash, ...rest } = row;
    if (hashOf(rest) !== hash) problem('audit-chain', 'its content no longer matches its chain hash', { path: PACKAGE_FILES.audit, id: String(row.id) });
    else if (previous && row.id === previous.id + 1 && row.prev_hash !== previous.hash) problem('audit-chain', 'does not follow the entry before it', { path: PACKAGE_FILES.audit, id: String(row.id) });
    previous = row;
  }
}
