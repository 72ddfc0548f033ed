import { z } from 'zod';
import { DeviceCode } from './device-code';
import { EnergyKindSchema, EnergyPeriodSchema, EnergyStepSchema } from './energy';

/**
 * Energy anomalies (能耗异常): what the station judges from the meters'
 * rollups and raises as meter_anomaly alarms, each with its reason and the
 * chart that shows it.
 */
export const ANOMALY_KINDS = [
  /** Water flowing in the quiet of the night well above the meter's usual night: a leak. */
  'night_flow',
  /** A day's use well above the meter's learned weekly profile. */
  'over_profile',
  /** The register did not move for hours while the site is occupied and the meter usually counts. */
  'stuck',
  /** The register was reset, rolled back or the meter exchanged. */
  'reset',
  /** Gas flowing in hours nothing is scheduled to use it. */
  'gas_idle',
  /** No reading for longer than the site allows while the site link is up. */
  'silent',
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

const LocalHour = z.number().int().min(0).max(24);
/** Hours of the day on the site's clock, [fromHour, toHour); fromHour > toHour wraps past midnight. */
export const LocalHoursSchema = z.strictObject({ fromHour: LocalHour, toHour: LocalHour }).refine((hours) => hours.fromHour !== hours.toHour, 'the hours are empty');
export type LocalHours = z.infer<typeof LocalHoursSchema>;

/** Whether a local hour of the day (0–23) lies in the hours. */
export const inHours = (hour: number, { fromHour, toHour }: LocalHours) => (fromHour < toHour ? hour >= fromHour && hour < toHour : hour >= fromHour || hour < toHour);

/** What the site counts as an anomaly; every station of a site judges with the same. */
export const AnomalyThresholdsSchema = z.strictObject({
  /** A water meter's smallest hourly flow in the night hours above ratio × its usual night and margin m³/h more. */
  nightFlow: z.strictObject({
    hours: LocalHoursSchema.refine((hours) => hours.fromHour < hours.toHour, 'the night hours lie within one day (from 00:00), such as 1 to 5'),
    ratio: z.number().min(1).max(10),
    margin: z.number().min(0).max(100),
  }),
  /** A day above ratio × its weekly profile and robustZ robust standard deviations of the day's total. */
  profile: z.strictObject({ weeks: z.number().int().min(3).max(12), ratio: z.number().min(1).max(5), robustZ: z.number().min(1).max(20) }),
  /** Hours the site is occupied: a meter that usually counts then and does not for stuckHours is stuck. */
  occupied: LocalHoursSchema,
  stuckHours: z.number().int().min(2).max(24),
  /** A meter silent for this long while the site link is up. */
  silentMinutes: z.number().int().min(15).max(10_080),
  /** Buildings whose gas is used on a schedule (a canteen, boilers), with the hours it may flow, and the flow per hour that counts as use. */
  gas: z.strictObject({ scheduled: z.record(z.string().min(1).max(64), z.array(LocalHoursSchema).max(8)), idlePerHour: z.number().min(0).max(100) }),
});
export type AnomalyThresholds = z.infer<typeof AnomalyThresholdsSchema>;

export const DEFAULT_ANOMALY_THRESHOLDS: AnomalyThresholds = {
  nightFlow: { hours: { fromHour: 1, toHour: 5 }, ratio: 1.8, margin: 0.3 },
  profile: { weeks: 8, ratio: 1.25, robustZ: 4 },
  occupied: { fromHour: 7, toHour: 22 },
  stuckHours: 6,
  silentMinutes: 120,
  gas: { scheduled: {}, idlePerHour: 0.3 },
};

/** What an energy anomaly alarm found, for its detail: the chart to show and the figures that set it off. */
export const AnomalySchema = z.object({
  alarm: z.string(),
  meter: DeviceCode,
  kind: z.enum(ANOMALY_KINDS),
  energy: EnergyKindSchema,
  unit: z.string(),
  /** The day the chart shows, by hours. */
  period: EnergyPeriodSchema,
  step: EnergyStepSchema,
  /**
   * The finding's figures, by kind: night_flow the night's smallest flow per
   * hour and the usual one; over_profile the day's use and the profile's;
   * stuck the hours without a count and the use the profile expected in them;
   * reset the register before and after; gas_idle the unscheduled flow and
   * the flow that counts as use; silent the minutes without a reading and
   * the minutes allowed.
   */
  value: z.number(),
  baseline: z.number(),
  /** The hours of the day the anomaly is about, on the site's clock. */
  window: z.object({ fromHour: z.number().int(), toHour: z.number().int() }),
  /** What the meter's weekly profile expects in each step of the period, where one was learnt. */
  expected: z.array(z.number()).optional(),
});
export type Anomaly = z.infer<typeof AnomalySchema>;
