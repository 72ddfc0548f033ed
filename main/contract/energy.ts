import { z } from 'zod';
import { DeviceCode } from './device-code';
import { Timestamp } from './schemas';

/**
 * Energy management (能源管理): what the site's water, electricity and gas
 * meters used, from their cumulative registers, rolled up by 15 minutes,
 * hour, day and month in the site's time zone.
 */

export const ENERGY_KINDS = ['electricity', 'water', 'gas'] as const;
export type EnergyKind = (typeof ENERGY_KINDS)[number];
export const EnergyKindSchema = z.enum(ENERGY_KINDS);

/** The meter kind of the registry for each energy kind, and the unit its register counts in. */
export const METER_OF = { electricity: 'electricity_meter', water: 'water_meter', gas: 'gas_meter' } as const;
export const ENERGY_UNITS = { electricity: 'kWh', water: 'm3', gas: 'm3' } as const satisfies Record<EnergyKind, string>;
const ENERGY_OF_METER = new Map(Object.entries(METER_OF).map(([energy, meter]) => [meter as string, energy as EnergyKind]));
/** The energy a registry kind of device meters, or null for a device that is no meter (asked for every readings message). */
export const energyKindOf = (deviceKind: string): EnergyKind | null => ENERGY_OF_METER.get(deviceKind) ?? null;

/** Rollup steps: 15 minutes, hour, day, month (local calendar months). */
export const ENERGY_STEPS = ['15m', '1h', '1d', '1mo'] as const;
export type EnergyStep = (typeof ENERGY_STEPS)[number];
export const EnergyStepSchema = z.enum(ENERGY_STEPS);

/** Why a reading was not counted; the meter is flagged for the ones that point to a fault. */
export const READING_REFUSALS = ['invalid', 'duplicate', 'out_of_order', 'backwards', 'jump'] as const;
export type ReadingRefusal = (typeof READING_REFUSALS)[number];

/** What the charts are about: the whole site, a building, a floor of it, or one meter. */
export const EnergyScopeSchema = z.union([
  z.strictObject({ site: z.literal(true) }),
  z.strictObject({ building: z.string().min(1).max(64), floor: z.string().min(1).max(64).optional() }),
  z.strictObject({ meter: DeviceCode }),
]);
export type EnergyScope = z.infer<typeof EnergyScopeSchema>;

/** A calendar period in the site's time zone: the day, ISO week (from Monday), month or year holding `date`. */
export const ENERGY_PERIODS = ['day', 'week', 'month', 'year'] as const;
export type EnergyPeriodUnit = (typeof ENERGY_PERIODS)[number];
export const EnergyPeriodSchema = z.strictObject({
  unit: z.enum(ENERGY_PERIODS),
  date: z.iso.date().describe('YYYY-MM-DD, a day of the period'),
});
export type EnergyPeriod = z.infer<typeof EnergyPeriodSchema>;

/** The steps a period may be shown in: a day by 15 minutes or hours, a year by days or months. */
export const PERIOD_STEPS: Record<EnergyPeriodUnit, readonly EnergyStep[]> = {
  day: ['15m', '1h'],
  week: ['1h', '1d'],
  month: ['1d'],
  year: ['1d', '1mo'],
};

export const EnergySeriesInput = z
  .strictObject({
    scope: EnergyScopeSchema,
    kind: EnergyKindSchema,
    period: EnergyPeriodSchema,
    step: EnergyStepSchema,
    /** Add the period before (环比) and the same period a year before (同比), point by point. */
    compare: z.boolean().default(false),
  })
  .refine((input) => PERIOD_STEPS[input.period.unit].includes(input.step), { message: 'this step does not suit the period', path: ['step'] });

export const EnergyPointSchema = z.object({ start: Timestamp, amount: z.number() });
export type EnergyPoint = z.infer<typeof EnergyPointSchema>;

export const EnergySeriesSchema = z.object({
  unit: z.string(),
  /** The period's bounds, and the site's time zone its steps are counted in (labels are the site's local times). */
  from: Timestamp,
  to: Timestamp,
  timeZone: z.string(),
  /** Every step in the range, in order, with 0 where nothing was used; missing where no meter had reported yet. */
  points: z.array(EnergyPointSchema),
  total: z.number(),
  /** 环比: the period just before (the day, week, month or year before). */
  previous: z.object({ points: z.array(EnergyPointSchema), total: z.number() }).optional(),
  /** 同比: the same period a year before. */
  lastYear: z.object({ points: z.array(EnergyPointSchema), total: z.number() }).optional(),
});
export type EnergySeries = z.infer<typeof EnergySeriesSchema>;

export const EnergyBreakdownInput = z
  .strictObject({ kind: EnergyKindSchema, by: z.enum(['building', 'floor', 'meter']), building: z.string().min(1).max(64).optional(), period: EnergyPeriodSchema })
  .refine((input) => input.by === 'building' || input.building, { message: 'by floor or meter needs a building', path: ['building'] });

export const EnergyShareSchema = z.object({ key: z.string(), label: z.string(), amount: z.number() });
export const EnergyBreakdownSchema = z.object({ unit: z.string(), shares: z.array(EnergyShareSchema) });

export const MeterSchema = z.object({
  code: DeviceCode,
  name: z.string(),
  kind: EnergyKindSchema,
  unit: z.string(),
  building: z.string(),
  floor: z.string(),
  status: z.string(),
  /** The register as last accepted, and when. */
  register: z.number().nullable(),
  readAt: Timestamp.nullable(),
  /** Present values the meter sent with its last reading (kW, voltage, current, power factor, flow). */
  instant: z.record(z.string(), z.number()),
  /** Readings refused as faults (backwards, jumps, invalid), the last of them, and when. */
  flag: z.object({ reason: z.enum(READING_REFUSALS), at: Timestamp, count: z.number().int() }).nullable(),
});
export type Meter = z.infer<typeof MeterSchema>;

export const MeterQuarantineEntrySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  at: z.number(),
  value: z.number().nullable(),
  reason: z.enum(READING_REFUSALS),
  receivedAt: Timestamp,
});
export type MeterQuarantineEntry = z.infer<typeof MeterQuarantineEntrySchema>;
