import { z } from 'zod';
import { DEVICE_EVENT_TYPE_NAMES, DOOR_STATES, SEVERITIES } from './classes';
import { DEVICE_KINDS, DeviceCode } from './device-code';

/**
 * Alarm rules (报警规则): conditions on what devices report that raise an
 * alarm of their own, beyond the alarms devices raise themselves. Rules are
 * site configuration: shared with every station, evaluated by each on the
 * same messages, so every station raises the same alarm.
 */

/** A telemetry key, as devices name them (TelemetryPayload). */
export const MetricName = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'a metric: lower-case letters, digits and _');
const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');

/** What must happen. Thresholds and device statuses hold for a while; events and door states count at once. */
export const RuleConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('threshold'),
    metric: MetricName,
    op: z.enum(['above', 'below']),
    value: z.number().finite(),
    /** How long every sample must meet it before the alarm (0: the first sample). */
    forSeconds: z.number().int().min(0).max(86_400),
  }),
  z.strictObject({
    kind: z.literal('event'),
    eventType: z.enum(DEVICE_EVENT_TYPE_NAMES as [string, ...string[]]),
  }),
  z.strictObject({ kind: z.literal('door'), states: z.array(z.enum(DOOR_STATES)).min(1).max(DOOR_STATES.length) }),
  z.strictObject({
    kind: z.literal('status'),
    /** A device off line or faulty for longer than `forSeconds` (a camera down for 5 minutes). */
    statuses: z.array(z.enum(['offline', 'fault'])).min(1).max(2),
    forSeconds: z.number().int().min(0).max(86_400),
  }),
]);
export type RuleCondition = z.infer<typeof RuleConditionSchema>;
export const RULE_KINDS = ['threshold', 'event', 'door', 'status'] as const satisfies readonly RuleCondition['kind'][];

/** Which devices: all that match every part given (an empty part matches all). */
export const RuleScopeSchema = z.strictObject({
  kinds: z.array(z.enum(DEVICE_KINDS as [string, ...string[]])).max(DEVICE_KINDS.length).default([]),
  area: z.string().trim().max(64).default(''),
  devices: z.array(DeviceCode).max(200).default([]),
});

/**
 * When the rule counts: days of the week (1 = Monday … 7 = Sunday) and a
 * time of day in the site's time zone; `from` after `to` spans midnight
 * (22:00–06:00 is the night, and belongs to the day it starts on).
 */
export const RuleScheduleSchema = z.strictObject({
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  from: HourMinute,
  to: HourMinute,
  timeZone: z
    .string()
    .max(64)
    .default('Asia/Shanghai')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'not a time zone this station knows (e.g. Asia/Shanghai)'),
});
export type RuleSchedule = z.infer<typeof RuleScheduleSchema>;

export const RuleId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a rule id: lower-case letters, digits and -');

/** A rule as an administrator writes it. */
export const RuleDraftSchema = z.strictObject({
  id: RuleId,
  name: z.string().trim().min(1).max(64),
  enabled: z.boolean(),
  severity: z.enum(SEVERITIES.filter((severity) => severity !== 'info') as [string, ...string[]]),
  condition: RuleConditionSchema,
  scope: RuleScopeSchema,
  schedule: RuleScheduleSchema.nullable().default(null),
});
export type RuleDraft = z.infer<typeof RuleDraftSchema>;

/** A rule as stored and shared: who changed it last, and when. */
export const RuleSchema = RuleDraftSchema.extend({ updatedBy: z.string(), updatedAt: z.number().int() });
export type Rule = z.infer<typeof RuleSchema>;

/** What a rule alarm carries: which rule, and the reading that set it off. */
export const RuleTriggerSchema = z.strictObject({
  id: RuleId,
  name: z.string().max(64),
  metric: MetricName.optional(),
  value: z.number().finite().optional(),
});
export type RuleTrigger = z.infer<typeof RuleTriggerSchema>;
