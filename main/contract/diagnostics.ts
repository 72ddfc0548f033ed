import { z } from 'zod';

/**
 * The station's diagnostics bundle (诊断包): one zip IT sends to whoever
 * supports the station — versions, configuration with every secret removed,
 * health, counters, the database's integrity check and the recent logs.
 */
export const DiagnosticsBundleSchema = z.object({
  /** The zip's name in the station's data folder (diagnostics/…). */
  file: z.string(),
  size: z.number().int().nonnegative(),
  /** The files in the zip, as its manifest.json lists them. */
  files: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256: z.string() })),
  /** SHA-256 of manifest.json, to check the bundle arrived whole. */
  manifestSha256: z.string(),
  /** A one-time link for this session, as evidence packages have; null in the desktop app (the zip is in the data folder). */
  download: z.string().nullable(),
  downloadExpiresAt: z.number().int().nullable(),
});
export type DiagnosticsBundle = z.infer<typeof DiagnosticsBundleSchema>;
