import { createPrivateKey, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fingerprintOf, KEY_FILE } from '../signing/station-key';
import { openDatabaseReadOnly } from '../store/database';
import { signatureHolds, type AuditAnchor } from './anchor';
import { checkOwnAnchor } from './anchor-checks';
import { AuditTrail } from './trail';

export const AUDIT_VERIFY_USAGE = `vigil audit verify [--data DIR] [--json]

Checks a station's audit trail (审计日志) offline, from its data folder alone:
walks the hash chain and names the first row that does not hold (id, action,
why), then compares the newest row with the last audit anchor the station
published (its database's copy): rows deleted from the end of the trail leave
a valid, shorter chain, and show only as an anchored row that is gone.

  --data DIR   the station's data folder (default ~/.vigil)
  --json       the result as JSON

Exit status: 0 verified, 1 not verified, 2 usage error.
`;

type Output = { stdout: (text: string) => void; stderr: (text: string) => void };

export type AuditCheck = {
  ok: boolean;
  database: string;
  /** Rows that hold, from the first. */
  checked: number;
  head: { id: number; hash: string } | null;
  firstBad: { id: number; action: string | null; reason: string } | null;
  anchors: { station: string; seq: number; hash: string; at: number; fingerprint: string; problems: string[] }[];
  warnings: string[];
};

/** `vigil audit verify`: returns the exit status. */
export function runAuditVerify(argv: string[], out: Output): number {
  let values: { data?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { data: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } } }));
  } catch (error) {
    out.stderr(`vigil audit verify: ${error instanceof Error ? error.message : String(error)}\n\n${AUDIT_VERIFY_USAGE}`);
    return 2;
  }
  if (values.help) {
    out.stdout(AUDIT_VERIFY_USAGE);
    return 0;
  }
  const dataDir = path.resolve(values.data ?? path.join(os.homedir(), '.vigil'));
  const database = path.join(dataDir, 'vigil.db');
  if (!fs.existsSync(database)) {
    out.stderr(`vigil audit verify: no station database at ${database} (--data DIR names the station's data folder)\n`);
    return 2;
  }
  const result = checkAuditTrail(dataDir);
  out.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : describeAuditCheck(result));
  return result.ok ? 0 : 1;
}

/** Reads the station's database without writing to it (no migration, no key made). */
export function checkAuditTrail(dataDir: string): AuditCheck {
  const database = path.join(dataDir, 'vigil.db');
  const db = openDatabaseReadOnly(database);
  try {
    const chain = new AuditTrail(db).verify();
    const action = (id: number) => db.prepare<[number], { action: string }>('SELECT action FROM audit WHERE id = ?').get(id)?.action ?? null;
    const head = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() ?? null;
    const rowAt = db.prepare<[number], { id: number; hash: string }>('SELECT id, hash FROM audit WHERE id = ?');
    const warnings: string[] = [];
    const hasAnchors = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_anchor_own'`).get();
    const stored = hasAnchors ? db.prepare<[], { site: string; anchor: string }>('SELECT site, anchor FROM audit_anchor_own').all() : [];
    if (!stored.length) warnings.push('no audit anchor stored: the newest rows cannot be checked here (this station has not published one)');
    const ownKey = publicKeyIn(dataDir, warnings);
    const anchors = stored.map(({ site, anchor: text }) => {
      const anchor = JSON.parse(text) as AuditAnchor;
      const problems: string[] = [];
      if (!signatureHolds(site, anchor)) problems.push('the anchor\'s signature does not hold: the stored anchor was altered');
      if (ownKey && fingerprintOf(anchor.key) !== fingerprintOf(ownKey)) problems.push(`the anchor is signed by another key than ${KEY_FILE} in the data folder`);
      const finding = checkOwnAnchor(anchor, rowAt.get(anchor.seq), head?.id ?? 0);
      if (finding) problems.push(finding.reason);
      return { station: anchor.station, seq: anchor.seq, hash: anchor.hash, at: anchor.at, fingerprint: fingerprintOf(anchor.key), problems };
    });
    const firstBad = chain.firstBadId === null ? null : { id: chain.firstBadId, action: action(chain.firstBadId), reason: chain.reason ?? '' };
    return { ok: chain.ok && anchors.every((anchor) => !anchor.problems.length), database, checked: chain.checked, head, firstBad, anchors, warnings };
  } finally {
    db.close();
  }
}

/** The station's public key, from its key file when this user may read it; else null with a warning. */
function publicKeyIn(dataDir: string, warnings: string[]): string | null {
  try {
    return createPublicKey(createPrivateKey(fs.readFileSync(path.join(dataDir, KEY_FILE), 'utf8'))).export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    warnings.push(`${KEY_FILE} could not be read: the anchor's key is not compared with the station's`);
    return null;
  }
}

/** The result as an auditor reads it: the chain, then each anchor against it. */
export function describeAuditCheck(result: AuditCheck): string {
  const lines = [`Audit trail in ${result.database}: ${result.head ? `${result.head.id} rows, newest ${result.head.hash.slice(0, 16)}…` : 'empty'}`];
  if (result.firstBad) lines.push(`  ✗ row ${result.firstBad.id}${result.firstBad.action ? ` (${result.firstBad.action})` : ''}: ${result.firstBad.reason}; rows 1–${result.checked} hold`);
  else lines.push(`  ✓ the hash chain holds over all ${result.checked} rows`);
  for (const anchor of result.anchors) {
    lines.push(`Anchor of ${anchor.station}: row ${anchor.seq} (${anchor.hash.slice(0, 16)}…) at ${new Date(anchor.at).toISOString()}, key ${anchor.fingerprint.slice(0, 16)}…`);
    if (!anchor.problems.length) lines.push('  ✓ the anchored row is in the trail with the anchored hash');
    for (const problem of anchor.problems) lines.push(`  ✗ ${problem}`);
  }
  for (const warning of result.warnings) lines.push(`  ! ${warning}`);
  lines.push(result.ok ? 'VERIFIED' : 'NOT VERIFIED');
  return `${lines.join('\n')}\n`;
}
