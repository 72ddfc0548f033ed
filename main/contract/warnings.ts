import { z } from 'zod';
import { DEVICE_EVENT_TYPE_NAMES } from './classes';
import { DEVICE_KINDS, DeviceCode } from './device-code';
import { MetricName, RuleId } from './rules';
import { Timestamp } from './schemas';
import { WarningLevelSchema } from './warning-levels';

/**
 * Early warnings (突发事件预警): rules over what devices report that say an
 * emergency may be starting in a place (a floor filling with smoke and
 * heat), at a level I–IV. Rules are site configuration shared by every
 * station; every station evaluates them on the same messages and holds the
 * same warnings, one per hazard and place, merged by union of their events.
 */

/** The kind of emergency a warning is about. */
export const HAZARDS = ['fire', 'flood', 'gas', 'intrusion', 'power', 'crowd', 'weather', 'other'] as const;
export type Hazard = (typeof HAZARDS)[number];
/** Which place a warning is about: the device itself, or the floor, building or area it is in. */
export const WARNING_GROUPINGS = ['device', 'floor', 'building', 'area'] as const;
export type WarningGrouping = (typeof WARNING_GROUPINGS)[number];

/** The longest window a condition may look back over: what is older says nothing of an emergency now. */
export const MAX_WINDOW_SECONDS = 86_400;
/** More events than this in one place is a report, not a warning. */
export const MAX_COUNT = 10_000;
/** No sensor reads beyond ±1e9: a threshold past it holds for every real value or for none. */
export const MAX_THRESHOLD = 1e9;
export const MAX_COMBINATION_PARTS = 6;
/** How long a warning stays after the last of its rules stopped holding, so a condition flapping does not raise it again and again. */
export const WARNING_HOLD_MS = 120_000;
/** A dry run looks back at most this far (history is kept at most as long as the station's retention anyway). */
export const MAX_DRY_RUN_MS = 31 * 86_400_000;
/** A draft raising more than this many warnings in a dry run would raise them all the time: the run stops there. */
export const MAX_DRY_RUN_WARNINGS = 1_000;

const window = (what: string) =>
  z
    .number()
    .int()
    .min(1, `${what}: at least 1 s`)
    .max(MAX_WINDOW_SECONDS, `${what}: at most 24 h (${MAX_WINDOW_SECONDS} s); what is older says nothing of an emergency now`);

export const ThresholdConditionSchema = z.strictObject({
  kind: z.literal('threshold'),
  metric: MetricName,
  op: z.enum(['above', 'below']),
  value: z
    .number()
    .finite()
    .refine((value) => Math.abs(value) <= MAX_THRESHOLD, `value: beyond ±${MAX_THRESHOLD} every real reading is on one side, so the rule would hold always or never`),
  /** How long every sample must meet it before it holds (0: the first sample). */
  forSeconds: z.number().int().min(0).max(MAX_WINDOW_SECONDS, `forSeconds: at most 24 h (${MAX_WINDOW_SECONDS} s)`),
});

/** A metric rising (or falling) by at least `perMinute` a minute, measured from the oldest sample of the last `windowSeconds`. */
export const RateConditionSchema = z.strictObject({
  kind: z.literal('rate'),
  metric: MetricName,
  direction: z.enum(['rising', 'falling']),
  perMinute: z
    .number()
    .finite()
    .positive('perMinute: a change above 0; every reading changes by at least 0')
    .max(MAX_THRESHOLD, `perMinute: at most ${MAX_THRESHOLD}, no sensor changes faster`),
  windowSeconds: z.number().int().min(10, 'windowSeconds: at least 10 s, to measure a change over').max(MAX_WINDOW_SECONDS, `windowSeconds: at most 24 h (${MAX_WINDOW_SECONDS} s)`),
});

/** At least `atLeast` device events of a type in one place within `windowSeconds` (five forced doors in ten minutes). */
export const CountConditionSchema = z.strictObject({
  kind: z.literal('count'),
  eventType: z.enum(DEVICE_EVENT_TYPE_NAMES as [string, ...string[]]),
  atLeast: z.number().int().min(1).max(MAX_COUNT, `atLeast: at most ${MAX_COUNT}; more is a report, not a warning`),
  windowSeconds: window('windowSeconds'),
});

export const WarningPartSchema = z.discriminatedUnion('kind', [ThresholdConditionSchema, RateConditionSchema, CountConditionSchema]);
export type WarningPart = z.infer<typeof WarningPartSchema>;

/** Nesting is refused by name before the parts are read, so the reason says what is wrong. */
const notNested = z.array(z.unknown()).superRefine((parts, context) => {
  parts.forEach((part, index) => {
    if (part && typeof part === 'object' && (part as { kind?: unknown }).kind === 'combination') {
      context.addIssue({ code: 'custom', path: [index], message: 'a combination cannot hold a combination: list all its parts in one' });
    }
  });
});

/** Every part holding in the same place within `windowSeconds` of each other (smoke and a temperature rise on one floor within 2 minutes). */
export const CombinationConditionSchema = z.strictObject({
  kind: z.literal('combination'),
  parts: notNested.pipe(
    z
      .array(WarningPartSchema)
      .min(2, 'parts: a combination of one part is that part; write it as a rule of its own')
      .max(MAX_COMBINATION_PARTS, `parts: at most ${MAX_COMBINATION_PARTS}`),
  ) as unknown as z.ZodArray<typeof WarningPartSchema>,
  windowSeconds: window('windowSeconds'),
});

export const WarningConditionSchema = z.discriminatedUnion('kind', [ThresholdConditionSchema, RateConditionSchema, CountConditionSchema, CombinationConditionSchema]);
export type WarningCondition = z.infer<typeof WarningConditionSchema>;
export const WARNING_CONDITION_KINDS = ['threshold', 'rate', 'count', 'combination'] as const satisfies readonly WarningCondition['kind'][];

/** Which devices count: all that match every part given (an empty part matches all). */
export const WarningScopeSchema = z.strictObject({
  kinds: z.array(z.enum(DEVICE_KINDS as [string, ...string[]])).max(DEVICE_KINDS.length).default([]),
  area: z.string().trim().max(64).default(''),
  building: z.string().trim().max(64).default(''),
  floor: z.string().trim().max(64).default(''),
  devices: z.array(DeviceCode).max(200).default([]),
});
export type WarningScope = z.infer<typeof WarningScopeSchema>;

export const WarningRuleDraftSchema = z.strictObject({
  id: RuleId,
  name: z.string().trim().min(1).max(64),
  enabled: z.boolean(),
  hazard: z.enum(HAZARDS),
  /** The level of the warning while this rule holds (the warning takes the gravest of its hazard's rules holding in the place). */
  level: WarningLevelSchema,
  scope: WarningScopeSchema,
  groupBy: z.enum(WARNING_GROUPINGS),
  condition: WarningConditionSchema,
});
export type WarningRuleDraft = z.infer<typeof WarningRuleDraftSchema>;

/** How a rule fares at this station: in how many places it keeps state, and why it stopped taking new ones if it did. */
export const WarningRuleStatusSchema = z.object({ places: z.number().int(), capped: z.string().nullable() });
export const WarningRuleSchema = WarningRuleDraftSchema.extend({ updatedBy: z.string(), updatedAt: Timestamp, status: WarningRuleStatusSchema });
export type WarningRule = z.infer<typeof WarningRuleSchema>;

export const WarningPlaceSchema = z.strictObject({
  groupBy: z.enum(WARNING_GROUPINGS),
  /** The device code, or the area, the building, or building/floor. */
  key: z.string().min(1).max(200),
  /** In words, for people: "A栋 研发楼 3F". */
  label: z.string().max(200),
});
export type WarningPlace = z.infer<typeof WarningPlaceSchema>;

export const WarningId = z.string().regex(/^wn-[0-9a-f]{24}$/, 'warning id: wn- and 24 hex digits');
const EventId = z.string().regex(/^[A-Za-z0-9_.:-]{4,100}$/, 'event id');
const Rules = z.array(RuleId).max(200);
const base = { id: EventId, at: Timestamp };
export const WarningEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('raised'), hazard: z.enum(HAZARDS), place: WarningPlaceSchema, level: WarningLevelSchema, rules: Rules }),
  z.strictObject({ ...base, type: z.literal('level'), level: WarningLevelSchema, rules: Rules }),
  z.strictObject({ ...base, type: z.literal('cleared') }),
  z.strictObject({ ...base, type: z.literal('acknowledged'), by: z.string().min(1).max(80), note: z.string().max(500) }),
]);
export type WarningEvent = z.infer<typeof WarningEventSchema>;

/** At most this many events a warning: a flapping condition records its level changes up to a margin below, then only its clearing and acknowledgements. */
export const MAX_WARNING_EVENTS = 500;
export const WarningRecordSchema = z.strictObject({ id: WarningId, events: z.array(WarningEventSchema).min(1).max(MAX_WARNING_EVENTS) });
export type WarningRecord = z.infer<typeof WarningRecordSchema>;

export const WarningViewSchema = z.object({
  id: WarningId,
  hazard: z.enum(HAZARDS),
  place: WarningPlaceSchema,
  level: WarningLevelSchema,
  /** The rules holding at the last change. */
  rules: z.array(z.string()),
  active: z.boolean(),
  raisedAt: Timestamp,
  changedAt: Timestamp,
  clearedAt: Timestamp.nullable(),
  acknowledged: z.array(z.object({ by: z.string(), at: Timestamp, note: z.string() })),
  /** Every event, oldest first. */
  history: z.array(WarningEventSchema),
});
export type WarningView = z.infer<typeof WarningViewSchema>;

export const WarningDryRunInput = z
  .strictObject({ rule: WarningRuleDraftSchema, from: Timestamp, to: Timestamp })
  .refine(({ from, to }) => to > from, { message: 'to: after from', path: ['to'] })
  .refine(({ from, to }) => to - from <= MAX_DRY_RUN_MS, { message: 'to: a dry run looks back at most 31 days', path: ['to'] });

/**
 * One change of a dry run. `holding`: the warning was already up when the
 * range starts (its rule held in the history read before it), at the level
 * given; it comes first, at `from`, and is not counted as raised.
 */
export const DryRunStepSchema = z.object({ type: z.enum(['holding', 'raised', 'level', 'cleared']), at: Timestamp, level: WarningLevelSchema.nullable() });
export type DryRunStep = z.infer<typeof DryRunStepSchema>;
export const WarningDryRunSchema = z.object({
  /** What the rule would have done, per place, in time order. */
  places: z.array(z.object({ place: WarningPlaceSchema, steps: z.array(DryRunStepSchema) })),
  /** Warnings raised within the range (those already up at its start are `holding`, not counted). */
  raised: z.number().int(),
  /** Samples and events read, those of the look-back included. */
  evaluated: z.number().int(),
  /** How long before `from` the history was read, so the rule starts the range in the state it would have had running all along. */
  lookBackMs: z.number().int().nonnegative(),
  /** Why the run stopped before `to`, or null. */
  stopped: z.string().nullable(),
});
export type WarningDryRun = z.infer<typeof WarningDryRunSchema>;
