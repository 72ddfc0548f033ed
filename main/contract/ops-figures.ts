import { z } from 'zod';
import { SEVERITIES } from './classes';
import { Timestamp } from './schemas';

/**
 * Service figures (运维监控指标): what the station saw of the site's service
 * in a calendar period of the site's time zone, and the targets IT holds it
 * to (the SLA report). Availabilities are percentages (0–100), times are
 * milliseconds.
 */

/** The languages the SLA report is written in. */
export const SLA_LANGUAGES = ['zh-CN', 'en'] as const;
export type SlaLanguage = (typeof SLA_LANGUAGES)[number];

export const FIGURE_PERIODS = ['day', 'week', 'month'] as const;
export type FigurePeriod = (typeof FIGURE_PERIODS)[number];
/** Severities an alarm is raised at (info never raises one). */
export const ALARM_SEVERITIES = SEVERITIES.filter((severity) => severity !== 'info') as Exclude<(typeof SEVERITIES)[number], 'info'>[];

export const FiguresInput = z.strictObject({
  period: z.enum(FIGURE_PERIODS, { error: 'period: day, week or month' }),
  at: z.iso.date({ error: 'at: a date as YYYY-MM-DD' }).describe('a day of the period, in the site time zone'),
});
export type FiguresInput = z.infer<typeof FiguresInput>;

const Percent = z.number().min(0, 'a percentage is 0–100').max(100, 'a percentage is 0–100');
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a shift starts at HH:MM (00:00–23:59)');

export const ShiftSchema = z.strictObject({ name: z.string().trim().min(1).max(32), start: Clock });
export type Shift = z.infer<typeof ShiftSchema>;

/** What IT holds the station to. Each shift runs from its start to the next shift's start, in the site's time. */
export const TargetsSchema = z.strictObject({
  linkAvailabilityPct: Percent,
  cameraAvailabilityPct: Percent,
  deviceOnlinePct: Percent,
  /** 90 % of a severity's alarms acknowledged within this many seconds. */
  ackP90Seconds: z.strictObject(Object.fromEntries(ALARM_SEVERITIES.map((severity) => [severity, z.number().int().min(1, 'at least 1 s').max(86_400, 'at most a day')])) as Record<(typeof ALARM_SEVERITIES)[number], z.ZodNumber>),
  /** 90 % of repair orders done within this many hours of their report. */
  orderDoneP90Hours: z.number().min(0.1).max(24 * 31),
  shifts: z
    .array(ShiftSchema)
    .min(1, 'at least one shift')
    .max(6)
    .refine((shifts) => new Set(shifts.map((shift) => shift.start)).size === shifts.length, 'two shifts cannot start at the same time'),
});
export type Targets = z.infer<typeof TargetsSchema>;

export const DEFAULT_TARGETS: Targets = {
  linkAvailabilityPct: 99.9,
  cameraAvailabilityPct: 98,
  deviceOnlinePct: 98,
  ackP90Seconds: { critical: 60, major: 300, minor: 900 },
  orderDoneP90Hours: 72,
  shifts: [
    { name: 'day', start: '08:00' },
    { name: 'night', start: '20:00' },
  ],
};

/** Up time over the time the state was known (a station that was off knew nothing). */
export const AvailabilitySchema = z.object({
  pct: z.number().nullable(),
  upMs: z.number(),
  knownMs: z.number(),
  /** One per day of the period (null where nothing was known). */
  perDay: z.array(z.number().nullable()),
});
export type Availability = z.infer<typeof AvailabilitySchema>;

/** Durations from a start to an end; count: how many started, done: how many ended (the percentiles are over those). */
export const DurationsSchema = z.object({
  count: z.number().int(),
  done: z.number().int(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  max: z.number().nullable(),
  mean: z.number().nullable(),
});
export type Durations = z.infer<typeof DurationsSchema>;

/** counts[i]: values ≤ bounds[i] (and above the bound before); the last count is above every bound. */
export const HistogramSchema = z.object({ bounds: z.array(z.number()), counts: z.array(z.number().int()), count: z.number().int(), p50: z.number().nullable(), p90: z.number().nullable() });
export type Histogram = z.infer<typeof HistogramSchema>;

export const UnitAvailabilitySchema = z.object({ code: z.string(), name: z.string(), kind: z.string(), area: z.string(), pct: z.number().nullable(), upMs: z.number(), knownMs: z.number(), outages: z.number().int() });

export const VerdictSchema = z.object({
  key: z.enum(['linkAvailability', 'cameraAvailability', 'deviceOnline', 'ackP90.critical', 'ackP90.major', 'ackP90.minor', 'orderDoneP90']),
  target: z.number(),
  actual: z.number().nullable(),
  /** null: nothing to judge in the period. */
  met: z.boolean().nullable(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

export const FiguresSchema = z.object({
  period: z.object({ unit: z.enum(FIGURE_PERIODS), date: z.string(), from: Timestamp, to: Timestamp, until: Timestamp, timeZone: z.string() }),
  /** The local dates of the period's days, in order: the per-day series' labels. */
  days: z.array(z.string()),
  link: AvailabilitySchema.extend({ outages: z.number().int() }),
  cameras: AvailabilitySchema.extend({ units: z.number().int() }),
  devices: AvailabilitySchema.extend({ units: z.number().int() }),
  /** The cameras and devices with the lowest availability, worst first (at most 10 each). */
  worstUnits: z.array(UnitAvailabilitySchema),
  alarms: z.object({
    response: DurationsSchema,
    handling: DurationsSchema,
    bySeverity: z.array(z.object({ severity: z.enum(ALARM_SEVERITIES as [string, ...string[]]), response: DurationsSchema, handling: DurationsSchema })),
    byShift: z.array(z.object({ shift: z.string(), response: DurationsSchema, handling: DurationsSchema })),
    perDay: z.array(z.object({ count: z.number().int(), p50: z.number().nullable(), p90: z.number().nullable() })),
    /** Alarm types by area with the slowest acknowledgement (p90), slowest first (at most 10). */
    slowest: z.array(z.object({ type: z.string(), area: z.string(), count: z.number().int(), p50: z.number().nullable(), p90: z.number().nullable() })),
  }),
  latency: z.object({ message: HistogramSchema, alarm: HistogramSchema }),
  orders: DurationsSchema,
  incidents: DurationsSchema,
  targets: TargetsSchema,
  verdicts: z.array(VerdictSchema),
});
export type Figures = z.infer<typeof FiguresSchema>;

export const TargetsViewSchema = z.object({ targets: TargetsSchema, updatedBy: z.string().nullable(), updatedAt: Timestamp.nullable() });
export const SlaReportSchema = z.object({ file: z.string(), csv: z.string() });
