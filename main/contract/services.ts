import { z } from 'zod';
import { Timestamp } from './schemas';

/**
 * Life-service recommendations (生活服务推荐): the site's own catalogue of
 * services kept by property staff, residents as their apps describe
 * themselves, and what the station recommends to each, with its reasons.
 */

export const SERVICE_CATEGORIES = ['shop', 'food', 'clinic', 'pharmacy', 'housekeeping', 'elderly_care', 'childcare', 'repair', 'laundry', 'fitness'] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** Who lives in a household, as coarse as a recommendation needs: never how many, never who. */
export const HOUSEHOLD_TYPES = ['elderly', 'children', 'family', 'couple', 'single'] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];

const Clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'time: HH:MM, 00:00–24:00');
/** A tag or an interest: a category name or a catalogue tag. */
export const ServiceTag = z.string().trim().min(1).max(16);

/** Open on these ISO weekdays (1 = Monday) from–to on the site's clock; `to` before `from` runs past midnight. */
export const OpeningSpanSchema = z.strictObject({
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  from: Clock,
  to: Clock,
});
export type OpeningSpan = z.infer<typeof OpeningSpanSchema>;

export const ServiceId = z.string().regex(/^[a-z0-9-]{3,64}$/, 'id: 3–64 lower-case letters, digits or -');

export const ServiceDraftSchema = z.strictObject({
  id: ServiceId,
  name: z.strictObject({ zh: z.string().trim().min(1).max(64), en: z.string().trim().max(64).optional() }),
  category: z.enum(SERVICE_CATEGORIES),
  tags: z.array(ServiceTag).max(10).default([]),
  description: z.string().trim().max(500).default(''),
  /** The business's public number, not a person's. */
  phone: z.string().regex(/^[0-9+\- ]{3,20}$/, 'phone: 3–20 digits, +, - or spaces'),
  /** Where: in a building of the site, and how far from the site's gate on foot. */
  where: z.strictObject({ building: z.string().trim().max(64).optional(), distance: z.number().int().min(0).max(50_000) }),
  /** Empty: by appointment. */
  hours: z.array(OpeningSpanSchema).max(14).default([]),
  /** Households it suits particularly. */
  suits: z.array(z.enum(HOUSEHOLD_TYPES)).max(HOUSEHOLD_TYPES.length).default([]),
  active: z.boolean().default(true),
});
export type ServiceDraft = z.output<typeof ServiceDraftSchema>;

export const ServiceSchema = z.object({ ...ServiceDraftSchema.shape, updatedBy: z.string(), updatedAt: Timestamp });
export type Service = z.infer<typeof ServiceSchema>;

/**
 * Why a service is recommended, as a code with its parameters: the station,
 * the UI and the resident's app each say it in their own language.
 */
export const ReasonSchema = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('interest'), category: z.enum(SERVICE_CATEGORIES) }),
  z.strictObject({ code: z.literal('interest_tag'), tag: ServiceTag }),
  z.strictObject({ code: z.literal('household'), household: z.enum(HOUSEHOLD_TYPES) }),
  z.strictObject({ code: z.literal('same_building'), building: z.string().max(64) }),
  z.strictObject({ code: z.literal('nearby'), distance: z.number().int().nonnegative() }),
  z.strictObject({ code: z.literal('open_now'), until: Clock }),
]);
export type Reason = z.infer<typeof ReasonSchema>;

export const RecommendationSchema = z.strictObject({
  service: ServiceId,
  name: ServiceDraftSchema.shape.name,
  category: z.enum(SERVICE_CATEGORIES),
  phone: z.string(),
  score: z.number().int(),
  reasons: z.array(ReasonSchema).min(1),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** A resident as operators see them: name and phone masked, the unit left out (each is revealed, audited, on request). */
export const ResidentViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  building: z.string(),
  household: z.enum(HOUSEHOLD_TYPES),
  interests: z.array(z.string()),
  consent: z.boolean(),
  updatedAt: Timestamp,
});
export type ResidentView = z.infer<typeof ResidentViewSchema>;

export const ResidentContactSchema = z.object({ name: z.string(), phone: z.string(), unit: z.string().nullable() });
export type ResidentContact = z.infer<typeof ResidentContactSchema>;

export const ResidentId = z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, 'resident id: 4–64 letters, digits, _ or -');
