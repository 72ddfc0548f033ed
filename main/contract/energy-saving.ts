import { z } from 'zod';
import { DeviceCode } from './device-code';
import { Timestamp } from './schemas';

/**
 * Energy-saving control (节能控制): schedules that switch the site's public
 * lighting, set HVAC back in empty hours and rest pumps, sent to the devices
 * as commands through the outbox at the times they name.
 */

/** The loads a schedule can drive, and the controller device kind of each. */
export const SAVING_LOADS = ['lighting', 'hvac', 'pump'] as const;
export type SavingLoad = (typeof SAVING_LOADS)[number];
export const CONTROLLER_OF = { lighting: 'lighting_controller', hvac: 'hvac_controller', pump: 'pump_controller' } as const satisfies Record<SavingLoad, string>;

/**
 * What a step does to every device of its schedule. Each sets a state (on,
 * off, a set-point), never toggles one, so a command that arrives twice — from
 * two stations of the site running the same schedule — does no harm.
 */
export const SavingActionSchema = z.discriminatedUnion('command', [
  z.strictObject({ command: z.literal('lighting.switch'), params: z.strictObject({ on: z.boolean() }) }),
  z.strictObject({ command: z.literal('hvac.setpoint'), params: z.strictObject({ celsius: z.number().min(16).max(30) }) }),
  z.strictObject({ command: z.literal('pump.switch'), params: z.strictObject({ on: z.boolean() }) }),
]);
export type SavingAction = z.infer<typeof SavingActionSchema>;
/** The command each load takes. */
export const COMMAND_OF: Record<SavingLoad, SavingAction['command']> = { lighting: 'lighting.switch', hvac: 'hvac.setpoint', pump: 'pump.switch' };

/** When a step runs, on the site's clock: at a time of day, or at sunrise or sunset at the site's position, moved by an offset. */
export const SavingTriggerSchema = z.discriminatedUnion('at', [
  z.strictObject({ at: z.literal('time'), time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time: HH:MM, 00:00–23:59') }),
  z.strictObject({ at: z.enum(['sunrise', 'sunset']), offsetMinutes: z.number().int().min(-180).max(180).default(0) }),
]);
export type SavingTrigger = z.infer<typeof SavingTriggerSchema>;

export const SavingStepSchema = z.strictObject({ trigger: SavingTriggerSchema, action: SavingActionSchema });
export type SavingStep = z.infer<typeof SavingStepSchema>;

export const SavingScheduleDraftSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{4,64}$/, 'id: 4–64 lower-case letters, digits or -'),
    name: z.string().trim().min(1).max(64),
    load: z.enum(SAVING_LOADS),
    /** The controllers it drives. */
    devices: z.array(DeviceCode).min(1).max(200),
    /** ISO weekdays it runs on, 1 = Monday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    steps: z.array(SavingStepSchema).min(1).max(8),
    enabled: z.boolean(),
    /** The building whose electricity the saving is estimated on, if any. */
    building: z.string().max(64).optional(),
  })
  .refine((draft) => draft.steps.every((step) => step.action.command === COMMAND_OF[draft.load]), { message: 'every step must command the schedule’s load', path: ['steps'] });
export type SavingScheduleDraft = z.infer<typeof SavingScheduleDraftSchema>;

export const SavingScheduleSchema = z.object({
  ...SavingScheduleDraftSchema.shape,
  updatedBy: z.string(),
  updatedAt: Timestamp,
});
export type SavingSchedule = z.infer<typeof SavingScheduleSchema>;

/** A step as it will run (the calendar) or ran: when, what, to how many devices. */
export const PlannedRunSchema = z.object({
  schedule: z.string(),
  name: z.string(),
  load: z.enum(SAVING_LOADS),
  step: z.number().int(),
  at: Timestamp,
  trigger: SavingTriggerSchema,
  action: SavingActionSchema,
  devices: z.number().int(),
});
export type PlannedRun = z.infer<typeof PlannedRunSchema>;

/** What became of one device's command of a run. */
export const SavingRunSchema = z.object({
  id: z.string(),
  schedule: z.string(),
  step: z.number().int(),
  dueAt: Timestamp,
  device: z.string(),
  /** The command sent, or null when the run was refused before sending (the device offline). */
  command: z.string().nullable(),
  status: z.enum(['pending', 'sent', 'accepted', 'done', 'rejected', 'expired', 'failed', 'refused']),
  reason: z.string().nullable(),
});
export type SavingRun = z.infer<typeof SavingRunSchema>;

/** The site's position, for sunrise and sunset. */
export const SitePositionSchema = z.strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) });
export type SitePosition = z.infer<typeof SitePositionSchema>;

/**
 * What a schedule saved, estimated against the building's learned baseline
 * (the median of the same hour of the week over 8 weeks): in the hours it
 * held its loads low. `basis` says which weeks: before the schedule was last
 * changed, or (when the meters began later) before the period.
 */
export const SavingEstimateSchema = z.object({
  schedule: z.string(),
  building: z.string(),
  from: Timestamp,
  to: Timestamp,
  hours: z.number().int(),
  unit: z.literal('kWh'),
  baseline: z.number(),
  actual: z.number(),
  saved: z.number(),
  learnedFrom: Timestamp,
  learnedTo: Timestamp,
  basis: z.enum(['before_change', 'before_period']),
});
export type SavingEstimate = z.infer<typeof SavingEstimateSchema>;
