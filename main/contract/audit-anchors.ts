import { z } from 'zod';

/** What a station's audit anchor revealed; see main/audit/anchor-checks.ts for each. */
export const ANCHOR_FINDING_KINDS = ['bad-signature', 'key-changed', 'replay', 'rollback', 'fork', 'gap', 'deleted-rows', 'rewritten'] as const;
export type AnchorFindingKind = (typeof ANCHOR_FINDING_KINDS)[number];

export const AnchorFindingSchema = z.object({
  id: z.number().int(),
  kind: z.enum(ANCHOR_FINDING_KINDS),
  /** The audit row the anchor named. */
  seq: z.number().int(),
  reason: z.string(),
  at: z.number().int(),
});

/** Each station's last audit anchor held here (this station's: the last it published) and what its anchors revealed. */
export const StationAnchorSchema = z.object({
  station: z.string(),
  own: z.boolean(),
  /** SHA-256 of the key first seen for the station (trusted on first use). */
  fingerprint: z.string().nullable(),
  last: z.object({ seq: z.number().int(), hash: z.string(), count: z.number().int(), at: z.number().int(), previous: z.object({ seq: z.number().int(), hash: z.string() }).nullable() }).nullable(),
  findings: z.array(AnchorFindingSchema),
});
export type StationAnchor = z.infer<typeof StationAnchorSchema>;
