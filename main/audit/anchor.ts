import type { ChannelPayload } from '../site-link/interface/topics';
import { verify, type StationKey } from '../signing/station-key';

/**
 * The audit anchor: a station's audit head (newest row id and its chain
 * hash), signed with the station key and published retained to the site.
 * The hash chain alone shows an edited or removed row in the middle; only a
 * head others hold shows that the newest rows were deleted.
 */
export type AuditAnchor = ChannelPayload<'auditAnchor'>;
export type AnchorHead = { seq: number; hash: string; count: number };
export type AnchorLink = { seq: number; hash: string };

/** The chain hash before the first row (trail.ts's GENESIS): the head of an empty trail. */
export const EMPTY_HEAD_HASH = '0'.repeat(64);

/**
 * What is signed: every field but the signature, in a fixed order, with the
 * site, so an anchor of one site (or another protocol's signature) never
 * passes for one of another.
 */
export function signedBytes(site: string, anchor: Omit<AuditAnchor, 'signature'>): Buffer {
  const fields = ['vigil-audit-anchor/v1', site, anchor.station, anchor.seq, anchor.hash, anchor.count, anchor.at, anchor.previous?.seq ?? null, anchor.previous?.hash ?? null, anchor.key];
  return Buffer.from(JSON.stringify(fields), 'utf8');
}

export function signAnchor(site: string, key: StationKey, unsigned: { station: string; head: AnchorHead; at: number; previous: AnchorLink | null }): AuditAnchor {
  const body = { station: unsigned.station, ...unsigned.head, at: unsigned.at, previous: unsigned.previous, key: key.publicKeyPem };
  return { ...body, signature: key.sign(signedBytes(site, body)).toString('base64') };
}

/** Whether the anchor's signature is its own key's over its fields and `site`. */
export function signatureHolds(site: string, anchor: AuditAnchor): boolean {
  const { signature, ...body } = anchor;
  return verify(anchor.key, signedBytes(site, body), Buffer.from(signature, 'base64'));
}
