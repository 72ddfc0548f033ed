import type { AnchorFindingKind } from '../contract/audit-anchors';
import { fingerprintOf } from '../signing/station-key';
import { signatureHolds, type AuditAnchor } from './anchor';

/**
 * What an anchor can reveal. Of another station's: a forged anchor
 * (bad-signature), a station whose key changed (key-changed), an older anchor
 * sent again (replay), a head that went back (rollback), another hash for a row
 * already anchored (fork), a `previous` that is not the last anchor held (gap).
 * Of this station's own: rows deleted from the end of its trail (deleted-rows)
 * or the anchored row replaced (rewritten).
 */
export type AnchorFinding = { kind: AnchorFindingKind; seq: number; hash: string; reason: string };

/** The last anchor a station holds for another, with the fingerprint of the key first seen for it. */
export type HeldAnchor = { fingerprint: string; last: AuditAnchor };

export type AnchorVerdict =
  /** Becomes the last anchor held; findings (if any) are what it reveals about the station's trail. */
  | { outcome: 'accept'; findings: AnchorFinding[] }
  /** The anchor held, delivered again (a retained message at reconnect): nothing to do. */
  | { outcome: 'duplicate' }
  /** Not the station's word or not its newest: quarantined with the finding's reason, never held. */
  | { outcome: 'refuse'; quarantine: 'refused' | 'replay'; finding: AnchorFinding };

const when = (at: number) => new Date(at).toISOString();
const short = (hash: string) => hash.slice(0, 12);

/** Checks another station's anchor against the last one held for it (null: the first seen, trusted on first use). */
export function checkAnchor(site: string, held: HeldAnchor | null, anchor: AuditAnchor): AnchorVerdict {
  const finding = (kind: AnchorFindingKind, reason: string): AnchorFinding => ({ kind, seq: anchor.seq, hash: anchor.hash, reason });
  if (!signatureHolds(site, anchor)) {
    return { outcome: 'refuse', quarantine: 'refused', finding: finding('bad-signature', `audit anchor of ${anchor.station} (row ${anchor.seq}): the signature does not hold for its key and fields: forged or altered`) };
  }
  if (held && fingerprintOf(anchor.key) !== held.fingerprint) {
    return { outcome: 'refuse', quarantine: 'refused', finding: finding('key-changed', `audit anchor of ${anchor.station} (row ${anchor.seq}) is signed by key ${short(fingerprintOf(anchor.key))}…, not by ${short(held.fingerprint)}… first seen for this station`) };
  }
  const findings: AnchorFinding[] = [];
  // The station's own word that its head went back: it holds whichever anchors others missed.
  if (anchor.previous && anchor.previous.seq > anchor.seq) {
    findings.push(finding('rollback', `${anchor.station}'s audit head went back from row ${anchor.previous.seq} to row ${anchor.seq} (its own previous anchor): its newest rows were deleted`));
  }
  if (!held) return { outcome: 'accept', findings };
  const { last } = held;
  if (anchor.seq === last.seq && anchor.hash === last.hash && anchor.at === last.at) return { outcome: 'duplicate' };
  // A signed anchor not newer than the one held can only be an old one sent again.
  if (anchor.at <= last.at) {
    return { outcome: 'refuse', quarantine: 'replay', finding: finding('replay', `replay: audit anchor of ${anchor.station} for row ${anchor.seq} made ${when(anchor.at)}, older than the one held (row ${last.seq}, ${when(last.at)})`) };
  }
  if (anchor.seq < last.seq && !findings.length) {
    findings.push(finding('rollback', `${anchor.station}'s audit head went back from row ${last.seq} (anchored ${when(last.at)}) to row ${anchor.seq}: its newest rows were deleted`));
  }
  if (anchor.seq === last.seq && anchor.hash !== last.hash) {
    findings.push(finding('fork', `${anchor.station}'s audit row ${anchor.seq} now has hash ${short(anchor.hash)}…, anchored before as ${short(last.hash)}…: rows were replaced`));
  }
  if (!anchor.previous) {
    findings.push(finding('gap', `${anchor.station}'s anchor chain starts again (no previous head) after row ${last.seq}: the station could not vouch for its trail since`));
  } else if (anchor.previous.seq !== last.seq || anchor.previous.hash !== last.hash) {
    findings.push(finding('gap', `${anchor.station}'s anchor follows row ${anchor.previous.seq} (${short(anchor.previous.hash)}…), but the last held is row ${last.seq} (${short(last.hash)}…): anchors were missed or the chain was cut`));
  }
  return { outcome: 'accept', findings };
}

/** A row of this station's own trail, by id. */
export type OwnRow = { id: number; hash: string };

/**
 * Checks an anchor this station made (its database's copy, or the retained
 * one the broker gives back) against its own trail: the anchored row must
 * still be there with the anchored hash.
 */
export function checkOwnAnchor(anchor: AuditAnchor, row: OwnRow | undefined, newestId: number): AnchorFinding | null {
  if (anchor.seq === 0) return null;
  if (!row) {
    return { kind: 'deleted-rows', seq: anchor.seq, hash: anchor.hash, reason: `this station anchored audit row ${anchor.seq} at ${when(anchor.at)}, but its trail ends at row ${newestId}: its newest rows were deleted` };
  }
  if (row.hash !== anchor.hash) {
    return { kind: 'rewritten', seq: anchor.seq, hash: anchor.hash, reason: `audit row ${anchor.seq} has hash ${short(row.hash)}…, anchored at ${when(anchor.at)} as ${short(anchor.hash)}…: rows were replaced` };
  }
  return null;
}
