import { z } from 'zod';
import { DeviceCode } from './device-code';
import { EnergyKindSchema, EnergyPeriodSchema, EnergyScopeSchema } from './energy';

/**
 * What energy costs (能源费用): the site's tariffs, time-of-use bands for
 * electricity (峰谷平) and one price for water and gas, and what a scope's
 * use cost, who used most, and how much per m² and per resident.
 */

/** 峰 peak, 平 flat, 谷 valley: China's time-of-use bands for electricity. */
export const TARIFF_BANDS = ['peak', 'flat', 'valley'] as const;
export type TariffBand = (typeof TARIFF_BANDS)[number];
export const TariffBandSchema = z.enum(TARIFF_BANDS);

const Price = z.number().finite().min(0).max(1000);

/** Hours of the day on the site's clock, `from` inclusive, `to` exclusive; `from` after `to` spans midnight (22–6 is the night). */
export const BandHoursSchema = z
  .strictObject({ band: TariffBandSchema, from: z.number().int().min(0).max(23), to: z.number().int().min(1).max(24) })
  .refine((span) => span.from !== span.to, { message: 'a span needs at least one hour', path: ['to'] });
export type BandHours = z.infer<typeof BandHoursSchema>;

/** The hours a span holds, 0–23, in order from its start. */
export function hoursOf({ from, to }: Pick<BandHours, 'from' | 'to'>): number[] {
  const length = ((to - from + 23) % 24) + 1;
  return Array.from({ length }, (_, index) => (from + index) % 24);
}

const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** Why spans do not make a day: an hour in none of them, or in two (windows say it in their language from `hour` and `between`). */
export type SpanProblem = { problem: string; hour: number; between: [TariffBand, TariffBand] | null };

/**
 * The band of each hour of the day, or why the spans do not make one: every
 * hour must fall in exactly one span, or the cost of some hour is unknown or
 * counted twice.
 */
export function bandTable(spans: readonly BandHours[]): { bands: TariffBand[] } | SpanProblem {
  const bands: (TariffBand | undefined)[] = Array(24).fill(undefined);
  for (const span of spans) {
    for (const hour of hoursOf(span)) {
      const held = bands[hour];
      if (held) return { problem: `${hh(hour)}–${hh(hour + 1)} is in two spans (${held} and ${span.band})`, hour, between: [held, span.band] };
      bands[hour] = span.band;
    }
  }
  const hour = bands.findIndex((band) => !band);
  if (hour >= 0) return { problem: `${hh(hour)}–${hh(hour + 1)} is in no span: the spans must cover the 24 hours`, hour, between: null };
  return { bands: bands as TariffBand[] };
}

/** The site's tariffs (CNY): electricity by time-of-use band per kWh, water and gas per m³. */
export const TariffSchema = z.strictObject({
  currency: z.literal('CNY'),
  electricity: z
    .strictObject({
      spans: z.array(BandHoursSchema).min(1).max(24),
      prices: z.strictObject({ peak: Price, flat: Price, valley: Price }).describe('CNY per kWh'),
    })
    .superRefine(({ spans }, context) => {
      const table = bandTable(spans);
      if ('problem' in table) context.addIssue({ code: 'custom', message: table.problem, path: ['spans'] });
    }),
  water: z.strictObject({ price: Price.describe('CNY per m³') }),
  gas: z.strictObject({ price: Price.describe('CNY per m³') }),
});
export type Tariff = z.infer<typeof TariffSchema>;

/** The tariffs as stored and shared: who changed them last, and when. */
export const TariffRecordSchema = TariffSchema.extend({ updatedBy: z.string(), updatedAt: z.number().int() });

export const EnergyCostInput = z.strictObject({ scope: EnergyScopeSchema, kind: EnergyKindSchema, period: EnergyPeriodSchema });
export const BandCostSchema = z.object({ band: TariffBandSchema, amount: z.number(), price: z.number(), cost: z.number() });
/** What a scope's use cost in a period; electricity split by band (empty for water and gas); null cost where the site has no tariff. */
export const EnergyCostSchema = z.object({
  unit: z.string(),
  currency: z.literal('CNY'),
  amount: z.number(),
  cost: z.number().nullable(),
  /** Water and gas: their one price. */
  price: z.number().nullable(),
  bands: z.array(BandCostSchema),
});
export type EnergyCost = z.infer<typeof EnergyCostSchema>;

export const EnergyTopInput = z.strictObject({
  kind: EnergyKindSchema,
  period: EnergyPeriodSchema,
  building: z.string().min(1).max(64).optional(),
  limit: z.number().int().min(1).max(50).default(10),
});
/** A meter among those that used most: its share of the scope's total, and its change against the period before (null where it used nothing then). */
export const TopConsumerSchema = z.object({
  code: DeviceCode,
  name: z.string(),
  building: z.string(),
  amount: z.number(),
  share: z.number(),
  previous: z.number(),
  change: z.number().nullable(),
});
export const EnergyTopSchema = z.object({ unit: z.string(), total: z.number(), meters: z.array(TopConsumerSchema) });
export type TopConsumer = z.infer<typeof TopConsumerSchema>;

export const EnergyIntensityInput = z.strictObject({ kind: EnergyKindSchema, period: EnergyPeriodSchema });
/** A building's use per m² of floor area and per resident, where the site's registry knows them (null otherwise). */
export const BuildingIntensitySchema = z.object({
  building: z.string(),
  amount: z.number(),
  floorArea: z.number().nullable(),
  residents: z.number().int().nullable(),
  perArea: z.number().nullable(),
  perResident: z.number().nullable(),
});
export type BuildingIntensity = z.infer<typeof BuildingIntensitySchema>;
