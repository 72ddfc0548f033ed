import { z } from 'zod';
import { DATA_CLASSES } from './classes';

/** Kinds of record an export or the outbound feed carries; the same list as main/site-link/interface/open-data.ts. */
export const OPEN_DATA_KINDS = ['events', 'alarms', 'readings', 'orders'] as const;
/** What the outbound feed carries: records with an arrival time to follow (readings and orders are export only). */
export const FEED_KINDS = ['events', 'alarms'] as const;
export const OPEN_DATA_FORMATS = ['csv', 'jsonl'] as const;
/** A year and a day: a year's open data in one file; a longer span is several exports, each audited. */
export const MAX_EXPORT_SPAN_MS = 366 * 86_400_000;

const Classes = z
  .array(z.enum(DATA_CLASSES))
  .min(1, 'choose at least one data class')
  .max(3)
  .transform((classes) => DATA_CLASSES.filter((dataClass) => classes.includes(dataClass)));

/** An export (数据开放导出): a kind, a range, its classes, and personal data masked unless asked for in full. */
export const OpenDataExportInput = z
  .strictObject({
    /** The window's name for this export: progress events and openData.cancel name it. */
    job: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'job: 6–64 letters, digits, _ or -'),
    kind: z.enum(OPEN_DATA_KINDS),
    format: z.enum(OPEN_DATA_FORMATS),
    from: z.number().int().nonnegative(),
    to: z.number().int().nonnegative(),
    area: z.string().min(1).max(64).optional(),
    /** Event or alarm types, or order categories. */
    types: z.array(z.string().min(1).max(32)).max(32).optional(),
    classes: Classes,
    /** Personal fields in full: only for roles that hold openData.personal, and only when asked for here. */
    personal: z.enum(['masked', 'full']).default('masked'),
  })
  .superRefine((input, ctx) => {
    if (input.to <= input.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'the range ends before it starts: "to" must be after "from"' });
    else if (input.to - input.from > MAX_EXPORT_SPAN_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'the range is longer than 366 days: export a year at a time' });
    if (input.kind === 'readings' && input.types?.length) ctx.addIssue({ code: 'custom', path: ['types'], message: 'readings have no types: filter them by area' });
    if (input.personal === 'full' && !input.classes.includes('personal')) ctx.addIssue({ code: 'custom', path: ['personal'], message: 'full personal data asked for without the personal class' });
  });

export const OpenDataExportSchema = z.object({
  job: z.string(),
  /** The zip's name in the station's data folder (open-data/…). */
  file: z.string(),
  size: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  classes: z.array(z.enum(DATA_CLASSES)),
  /** Personal fields as written: masked, full, or absent (not among the classes). */
  personal: z.enum(['masked', 'full', 'absent']),
  /** SHA-256 of manifest.json, which holds the SHA-256 of the data and schema files. */
  manifestSha256: z.string(),
  download: z.string().nullable(),
  downloadExpiresAt: z.number().int().nullable(),
});
export type OpenDataExport = z.infer<typeof OpenDataExportSchema>;

export const OpenDataProgressSchema = z.object({ job: z.string(), done: z.number().int(), total: z.number().int() });

/**
 * The station's outbound feed for a district platform: off until IT turns
 * it on, and scoped to kinds and classes. Personal fields, when in scope, go
 * out masked, never in full.
 */
export const OpenDataFeedSchema = z.strictObject({
  enabled: z.boolean(),
  kinds: z.array(z.enum(FEED_KINDS)).max(2),
  classes: Classes,
});
export type OpenDataFeed = z.infer<typeof OpenDataFeedSchema>;
