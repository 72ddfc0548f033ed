import { z } from 'zod';

/**
 * An incident's evidence package (证据包): one zip the station signs, which
 * anyone checks offline with `vigil verify FILE`.
 */
export const EvidenceExportInput = z.strictObject({ id: z.string().min(1).max(64) });

export const EvidenceExportSchema = z.object({
  incident: z.string(),
  /** The package's name in the station's data folder (evidence/…). */
  file: z.string(),
  size: z.number().int().nonnegative(),
  /** What an officer reads out to whoever receives the package, to check it arrived whole. */
  manifestSha256: z.string(),
  /** The station's key fingerprint, for `vigil verify --trust`. */
  fingerprint: z.string(),
  /** Clips and snapshots the recorder could not give: listed in the package as missing, with the reason. */
  missing: z.array(z.object({ path: z.string(), reason: z.string() })),
  /** Where the window downloads the package once, in this session, before `downloadExpiresAt`; null in the Electron shell, which serves no links (the file is in the data folder). */
  download: z.string().nullable(),
  downloadExpiresAt: z.number().int().nullable(),
});
export type EvidenceExport = z.infer<typeof EvidenceExportSchema>;

/** How far an export has come: clips are pulled from the recorder in real time. */
export const EvidenceProgressSchema = z.object({ incident: z.string(), done: z.number().int(), total: z.number().int() });
