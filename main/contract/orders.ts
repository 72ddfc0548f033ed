import { z } from 'zod';
import { DeviceCode } from './device-code';
import { ImageHash } from './images';
import { Timestamp } from './schemas';

/**
 * Property repair work orders (物业报修): from a resident's app, the front
 * desk or an alarm, to a technician, to the resident's confirmation and
 * rating. An order is the set of everything done to it (its events); every
 * station holds the same set and reads the order from it the same way.
 */

export const ORDER_CATEGORIES = ['plumbing', 'electrical', 'hvac', 'lift', 'doors_locks', 'building', 'cleaning', 'grounds', 'other'] as const;
export type OrderCategory = (typeof ORDER_CATEGORIES)[number];
export const ORDER_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type OrderPriority = (typeof ORDER_PRIORITIES)[number];
/** In the order an order moves through them; cancelled ends it from any open state. */
export const ORDER_STATES = ['new', 'assigned', 'accepted', 'in_progress', 'completed', 'closed', 'cancelled'] as const;
export type OrderState = (typeof ORDER_STATES)[number];
export const OPEN_ORDER_STATES: readonly OrderState[] = ['new', 'assigned', 'accepted', 'in_progress'];
export const ORDER_SOURCES = ['resident', 'officer', 'alarm'] as const;

/**
 * Service levels per priority, in minutes from the report: a technician
 * accepts (responds) within the first, the work is done within the second.
 * Past either, the order escalates to the shift supervisor.
 */
export const ORDER_SLA: Record<OrderPriority, { respondMinutes: number; completeMinutes: number }> = {
  urgent: { respondMinutes: 30, completeMinutes: 4 * 60 },
  high: { respondMinutes: 2 * 60, completeMinutes: 24 * 60 },
  normal: { respondMinutes: 8 * 60, completeMinutes: 72 * 60 },
  low: { respondMinutes: 24 * 60, completeMinutes: 7 * 24 * 60 },
};
export const ESCALATION_STAGES = ['respond', 'complete'] as const;
export type EscalationStage = (typeof ESCALATION_STAGES)[number];

/** At most this many events per order: a long order is still one retained message. */
export const MAX_ORDER_EVENTS = 200;
export const MAX_ORDER_PHOTOS = 6;

export const OrderId = z.string().regex(/^[A-Za-z0-9_-]{8,80}$/, 'order id: 8–80 letters, digits, _ or -');
const Hlc = z.string().regex(/^\d{13}:\d{4}:[A-Za-z0-9_.-]{1,64}$/, 'hlc: millis:counter:node');
/** Who: a user name at a station, `resident:<id>` from a resident's app, or `Vigil` for what the station does itself. */
const Actor = z.string().min(1).max(80);
const Photos = z.array(ImageHash).max(MAX_ORDER_PHOTOS, `at most ${MAX_ORDER_PHOTOS} photos`);
export const OrderPlaceSchema = z.strictObject({
  building: z.string().min(1).max(64),
  floor: z.string().max(64).optional(),
  /** A resident's unit (房号): personal, masked in operator views. */
  unit: z.string().max(32).optional(),
});
export type OrderPlace = z.infer<typeof OrderPlaceSchema>;
export const Rating = z.number().int().min(1).max(5);

const base = { id: z.string().regex(/^[A-Za-z0-9_.:-]{4,100}$/, 'event id'), hlc: Hlc, by: Actor, via: z.enum(['station', 'app', 'system']) };
export const OrderEventSchema = z.discriminatedUnion('action', [
  z.strictObject({
    ...base,
    action: z.literal('create'),
    title: z.string().trim().min(1).max(100),
    description: z.string().max(2000),
    category: z.enum(ORDER_CATEGORIES),
    priority: z.enum(ORDER_PRIORITIES),
    place: OrderPlaceSchema,
    source: z.enum(ORDER_SOURCES),
    /** The resident who reported it (their app's id), when one did. */
    resident: z.string().max(64).optional(),
    alarm: z.string().max(64).optional(),
    device: DeviceCode.optional(),
    photos: Photos,
  }),
  z.strictObject({ ...base, action: z.literal('assign'), technician: z.string().min(1).max(64) }),
  z.strictObject({ ...base, action: z.enum(['accept', 'start']) }),
  z.strictObject({ ...base, action: z.literal('note'), text: z.string().max(500), photos: Photos }),
  z.strictObject({ ...base, action: z.literal('complete'), text: z.string().max(500), photos: Photos }),
  z.strictObject({ ...base, action: z.literal('confirm'), rating: Rating, text: z.string().max(500) }),
  z.strictObject({ ...base, action: z.enum(['reopen', 'close', 'cancel']), text: z.string().max(500) }),
  z.strictObject({ ...base, action: z.literal('priority'), priority: z.enum(ORDER_PRIORITIES) }),
  z.strictObject({ ...base, action: z.literal('escalate'), stage: z.enum(ESCALATION_STAGES), deadline: Timestamp }),
]);
export type OrderEvent = z.infer<typeof OrderEventSchema>;
export type OrderAction = OrderEvent['action'];

/** An order as stations share it: all its events. */
export const OrderRecordSchema = z.strictObject({
  id: OrderId,
  events: z.array(OrderEventSchema).min(1).max(MAX_ORDER_EVENTS),
});
export type OrderRecord = z.infer<typeof OrderRecordSchema>;

/** One line of an order's timeline; `applied` is false for an action the order had moved past when it arrived (two stations, one order). */
export const OrderStepSchema = z.object({
  id: z.string(),
  at: Timestamp,
  by: z.string(),
  via: z.enum(['station', 'app', 'system']),
  action: z.string(),
  applied: z.boolean(),
  text: z.string().optional(),
  technician: z.string().optional(),
  priority: z.enum(ORDER_PRIORITIES).optional(),
  rating: Rating.optional(),
  stage: z.enum(ESCALATION_STAGES).optional(),
  photos: z.array(ImageHash).optional(),
});
export type OrderStep = z.infer<typeof OrderStepSchema>;

/** What the list and the board show of an order. */
export const OrderSummarySchema = z.object({
  id: OrderId,
  title: z.string(),
  category: z.enum(ORDER_CATEGORIES),
  priority: z.enum(ORDER_PRIORITIES),
  state: z.enum(ORDER_STATES),
  source: z.enum(ORDER_SOURCES),
  building: z.string(),
  assignee: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  respondBy: Timestamp,
  completeBy: Timestamp,
  completedAt: Timestamp.nullable(),
  /** Stages whose deadline passed before it was met: the supervisor has been told. */
  escalated: z.array(z.enum(ESCALATION_STAGES)),
  rating: Rating.nullable(),
  alarm: z.string().nullable(),
});
export type OrderSummary = z.infer<typeof OrderSummarySchema>;

export const OrderDetailSchema = OrderSummarySchema.extend({
  description: z.string(),
  place: OrderPlaceSchema,
  resident: z.string().nullable(),
  /** Who reported it, as the resident registry knows them: masked but for the technician sent there (orders.contact reveals it). */
  reporter: z.object({ name: z.string(), phone: z.string() }).nullable(),
  device: z.string().nullable(),
  createdBy: z.string(),
  acceptedAt: Timestamp.nullable(),
  startedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  ratingText: z.string().nullable(),
  photosBefore: z.array(ImageHash),
  photosAfter: z.array(ImageHash),
  timeline: z.array(OrderStepSchema),
});
export type OrderDetail = z.infer<typeof OrderDetailSchema>;

export const OrderDraftSchema = z.strictObject({
  title: z.string().trim().min(1, 'title: say what is broken').max(100),
  description: z.string().max(2000).default(''),
  category: z.enum(ORDER_CATEGORIES),
  priority: z.enum(ORDER_PRIORITIES).default('normal'),
  place: OrderPlaceSchema,
  resident: z.string().max(64).optional(),
  device: DeviceCode.optional(),
  photos: Photos.default([]),
});
export type OrderDraft = z.infer<typeof OrderDraftSchema>;

/** An order's month in figures (for the property manager's monthly report). */
export const OrderFiguresSchema = z.object({
  month: z.string(),
  opened: z.number().int(),
  completed: z.number().int(),
  /** Share of the orders completed this month that were completed by their deadline; null when none was. */
  onTimeRate: z.number().nullable(),
  /** Mean minutes from report to completion, of those completed this month. */
  meanMinutesToComplete: z.number().nullable(),
  meanRating: z.number().nullable(),
  rated: z.number().int(),
  escalated: z.number().int(),
  byCategory: z.array(z.object({ category: z.enum(ORDER_CATEGORIES), opened: z.number().int() })),
});
export type OrderFigures = z.infer<typeof OrderFiguresSchema>;
