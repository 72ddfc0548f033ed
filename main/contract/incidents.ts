import { z } from 'zod';
import { Timestamp } from './schemas';
import { WarningLevelSchema } from './warning-levels';

/**
 * Incidents (事件): a fire, a flood, a gas leak … from an alarm, a warning or
 * by hand, with its response plan (应急预案), the people and equipment sent
 * to it (调度) and one timeline of everything done. An incident is the set
 * of its events; every station holds the same set and reads it alike
 * (main/incidents/fold.ts). A drill (演练) is one from its opening to its end.
 */

export const INCIDENT_TYPES = ['fire', 'flood', 'gas', 'intrusion', 'medical', 'power', 'crowd', 'other'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];
/** In the order an incident moves through them; cancelled ends it from any state but closed. */
export const INCIDENT_STATES = ['open', 'responding', 'contained', 'closed', 'cancelled'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];
export const ENDED_INCIDENT_STATES: readonly IncidentState[] = ['closed', 'cancelled'];
/** What an incident can be linked to, across the site's domains; `device` is any other device (a smoke detector). */
export const LINK_KINDS = ['alarm', 'warning', 'camera', 'door', 'zone', 'meter', 'order', 'device'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const RESOURCE_KINDS = ['team', 'vehicle', 'equipment'] as const;
export const REPLY_STATUSES = ['acknowledged', 'arrived', 'released'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];
/** Where a dispatch stands: sent, then acknowledged by the handheld, arrived, and released (by the handheld or a station). */
export const DISPATCH_STATUSES = ['sent', ...REPLY_STATUSES] as const;

/** At most this many events per incident: one incident is still one retained message. */
export const MAX_INCIDENT_EVENTS = 400;

export const IncidentId = z.string().regex(/^[A-Za-z0-9_.-]{4,100}$/, 'incident id: 4–100 letters, digits, _ . or -');
const Hlc = z.string().regex(/^\d{13}:\d{4}:[A-Za-z0-9_.-]{1,64}$/, 'hlc: millis:counter:node');
const Actor = z.string().min(1).max(80);
const Text = z.string().max(1000);
export const IncidentPlaceSchema = z.strictObject({ area: z.string().max(64).optional(), building: z.string().max(64).optional(), floor: z.string().max(64).optional() });
export type IncidentPlace = z.infer<typeof IncidentPlaceSchema>;
export const IncidentLinkSchema = z.strictObject({ kind: z.enum(LINK_KINDS), ref: z.string().min(1).max(100) });
export type IncidentLink = z.infer<typeof IncidentLinkSchema>;
export const IncidentSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hand') }),
  z.strictObject({ kind: z.literal('alarm'), alarm: z.string().min(1).max(100) }),
  z.strictObject({ kind: z.literal('warning'), warning: z.string().min(1).max(100) }),
]);
export type IncidentSource = z.infer<typeof IncidentSourceSchema>;

const StepId = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'step id: 1–40 lower-case letters, digits, _ or -');
/** A step of a response plan: who does it, within how many minutes of its start, and from which level on. */
export const PlanStepSchema = z.strictObject({
  id: StepId,
  title: z.string().trim().min(1).max(100),
  /** A role (duty_officer …) or a named team (消防应急队). */
  owner: z.string().trim().min(1).max(64),
  minutes: z.number().int().min(1).max(24 * 60),
  /** The step starts once the incident is at this level or graver (I is gravest). */
  startLevel: WarningLevelSchema,
});
export type PlanStep = z.infer<typeof PlanStepSchema>;
/** The response plan of one incident type (its id is the type): site configuration shared by every station. */
export const PlanDraftSchema = z.strictObject({
  id: z.enum(INCIDENT_TYPES),
  name: z.string().trim().min(1).max(100),
  steps: z.array(PlanStepSchema).max(40).refine((steps) => new Set(steps.map((step) => step.id)).size === steps.length, 'steps: each step id once'),
});
export type PlanDraft = z.infer<typeof PlanDraftSchema>;
export const PlanSchema = PlanDraftSchema.extend({ updatedBy: z.string(), updatedAt: Timestamp });

export const ResourceId = z.string().regex(/^[a-z0-9_-]{2,40}$/, 'resource id: 2–40 lower-case letters, digits, _ or -');
/** A team, vehicle or piece of equipment that can be sent to an incident, and the people whose handhelds answer for it. */
export const ResourceDraftSchema = z.strictObject({
  id: ResourceId,
  name: z.string().trim().min(1).max(64),
  kind: z.enum(RESOURCE_KINDS),
  members: z.array(z.string().min(1).max(64)).min(1, 'members: someone must answer for it').max(50),
});
export type ResourceDraft = z.infer<typeof ResourceDraftSchema>;
export const ResourceSchema = ResourceDraftSchema.extend({ updatedBy: z.string(), updatedAt: Timestamp });

const base = { id: z.string().regex(/^[A-Za-z0-9_.:-]{4,120}$/, 'event id'), hlc: Hlc, by: Actor, via: z.enum(['station', 'handheld', 'system']) };
export const IncidentEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...base,
    kind: z.literal('open'),
    type: z.enum(INCIDENT_TYPES),
    title: z.string().trim().min(1).max(100),
    level: WarningLevelSchema,
    drill: z.boolean(),
    place: IncidentPlaceSchema,
    source: IncidentSourceSchema,
    links: z.array(IncidentLinkSchema).max(50),
    /** The plan of its type as it stood at the opening: later edits of the plan do not rewrite a running incident. */
    plan: z.array(PlanStepSchema).max(40),
  }),
  z.strictObject({ ...base, kind: z.literal('level'), level: WarningLevelSchema, text: Text }),
  z.strictObject({ ...base, kind: z.literal('state'), state: z.enum(INCIDENT_STATES), text: Text }),
  z.strictObject({ ...base, kind: z.literal('note'), text: z.string().trim().min(1).max(1000) }),
  z.strictObject({ ...base, kind: z.enum(['link', 'unlink']), link: IncidentLinkSchema }),
  z.strictObject({ ...base, kind: z.literal('step'), step: StepId, outcome: z.enum(['done', 'skipped']), text: Text }),
  z.strictObject({ ...base, kind: z.literal('commander'), commander: Actor }),
  z.strictObject({
    ...base,
    kind: z.literal('dispatch'),
    dispatch: z.string().regex(/^[A-Za-z0-9_.-]{4,100}$/),
    resource: ResourceId,
    /** The resource as it stood when sent: who may answer for it (its members) is fixed with the dispatch. */
    name: z.string().max(64),
    members: z.array(z.string().min(1).max(64)).max(50),
    task: z.string().trim().min(1).max(500),
  }),
  /** A handheld's answer (via handheld), or a station releasing a resource (status released, via station). */
  z.strictObject({ ...base, kind: z.literal('reply'), dispatch: z.string().max(100), status: z.enum(REPLY_STATUSES), ts: Timestamp.optional() }),
  /**
   * A plan step still active at its deadline, escalated by the station (via
   * system, by Vigil). Every station derives the same event from the step and
   * its deadline (id overdue-{step}-{dueAt}, clock at dueAt), so copies are one.
   */
  z.strictObject({ ...base, kind: z.literal('overdue'), step: StepId, dueAt: Timestamp }),
]);
export type IncidentEvent = z.infer<typeof IncidentEventSchema>;
export type IncidentEventKind = IncidentEvent['kind'];

/** An incident as stations share it: all its events. */
export const IncidentRecordSchema = z.strictObject({ id: IncidentId, events: z.array(IncidentEventSchema).min(1).max(MAX_INCIDENT_EVENTS) });
export type IncidentRecord = z.infer<typeof IncidentRecordSchema>;

/** One line of the timeline: what the event said (data) and whether it counted where the incident stood. */
export const TimelineEntrySchema = z.object({ id: z.string(), at: Timestamp, by: z.string(), via: z.string(), kind: z.string(), applied: z.boolean(), data: z.record(z.string(), z.unknown()) });
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const StepStateSchema = PlanStepSchema.extend({
  status: z.enum(['waiting', 'active', 'done', 'skipped']),
  startedAt: Timestamp.nullable(),
  /** startedAt + minutes; past it and still active, the step is overdue. */
  dueAt: Timestamp.nullable(),
  endedAt: Timestamp.nullable(),
  endedBy: z.string().nullable(),
  /** When the step was escalated for passing its deadline still active; null if it was not. */
  escalatedAt: Timestamp.nullable(),
});
export type StepState = z.infer<typeof StepStateSchema>;

export const DispatchSchema = z.object({
  id: z.string(),
  resource: z.string(),
  name: z.string(),
  members: z.array(z.string()),
  task: z.string(),
  sentAt: Timestamp,
  sentBy: z.string(),
  status: z.enum(DISPATCH_STATUSES),
  acknowledgedAt: Timestamp.nullable(),
  acknowledgedBy: z.string().nullable(),
  arrivedAt: Timestamp.nullable(),
  arrivedBy: z.string().nullable(),
  releasedAt: Timestamp.nullable(),
  releasedBy: z.string().nullable(),
});
export type Dispatch = z.infer<typeof DispatchSchema>;

export const IncidentSummarySchema = z.object({
  id: IncidentId,
  type: z.enum(INCIDENT_TYPES),
  title: z.string(),
  level: WarningLevelSchema,
  state: z.enum(INCIDENT_STATES),
  drill: z.boolean(),
  place: IncidentPlaceSchema,
  commander: z.string().nullable(),
  openedAt: Timestamp,
  openedBy: z.string(),
  closedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  /** Dispatches not released yet. */
  active: z.number().int(),
});
export type IncidentSummary = z.infer<typeof IncidentSummarySchema>;

export const IncidentDetailSchema = IncidentSummarySchema.extend({
  source: IncidentSourceSchema,
  links: z.array(IncidentLinkSchema),
  steps: z.array(StepStateSchema),
  dispatches: z.array(DispatchSchema),
  timeline: z.array(TimelineEntrySchema),
});
export type IncidentDetail = z.infer<typeof IncidentDetailSchema>;

export const IncidentDraftSchema = z.strictObject({
  type: z.enum(INCIDENT_TYPES),
  title: z.string().trim().min(1, 'title: say what is happening').max(100),
  level: WarningLevelSchema,
  drill: z.boolean().default(false),
  place: IncidentPlaceSchema.default({}),
  links: z.array(IncidentLinkSchema).max(50).default([]),
  /** Opened from an alarm (the incident is a-{alarm}, the same at every station) or a warning (w-{warning}). */
  from: z.union([z.strictObject({ alarm: z.string().min(1).max(100) }), z.strictObject({ warning: z.string().min(1).max(100) })]).optional(),
});
export type IncidentDraft = z.infer<typeof IncidentDraftSchema>;

/** What can be done to an incident at a station, one event each. */
export const IncidentActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ id: IncidentId, action: z.literal('level'), level: WarningLevelSchema, text: Text.default('') }),
  z.strictObject({ id: IncidentId, action: z.literal('state'), state: z.enum(INCIDENT_STATES), text: Text.default('') }),
  z.strictObject({ id: IncidentId, action: z.literal('note'), text: z.string().trim().min(1, 'a note needs text').max(1000) }),
  z.strictObject({ id: IncidentId, action: z.enum(['link', 'unlink']), link: IncidentLinkSchema }),
  z.strictObject({ id: IncidentId, action: z.literal('step'), step: StepId, outcome: z.enum(['done', 'skipped']), text: Text.default('') }),
  z.strictObject({ id: IncidentId, action: z.literal('commander'), commander: Actor }),
]);
export type IncidentAction = z.infer<typeof IncidentActionSchema>;

const FigureRow = z.object({ count: z.number().int(), closed: z.number().int(), meanMinutesToClose: z.number().nullable() });
const FigureSet = FigureRow.extend({
  byType: z.array(FigureRow.extend({ type: z.enum(INCIDENT_TYPES) })),
  byLevel: z.array(FigureRow.extend({ level: WarningLevelSchema })),
});
/** Incidents opened in a period, in figures; drills are counted apart and never in the real ones. */
export const IncidentFiguresSchema = z.object({ from: Timestamp, to: Timestamp, real: FigureSet, drills: FigureSet });
export type IncidentFigures = z.infer<typeof IncidentFiguresSchema>;

/** An incident whole, as the evidence export reads it. */
export type IncidentEvidence = { incident: IncidentDetail; record: IncidentRecord; timeline: TimelineEntry[]; links: IncidentLink[]; openedAt: number; closedAt: number | null };
