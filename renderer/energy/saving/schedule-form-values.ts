import { COMMAND_OF, type SavingAction, type SavingLoad, type SavingSchedule, type SavingScheduleDraft, type SavingStep } from '../../core/contract';

/** One step as the editor holds it: the trigger's fields side by side, the action as a switch or a set-point. */
export type StepFormValues = {
  at: 'time' | 'sunrise' | 'sunset';
  time: string;
  offsetMinutes: number;
  on: boolean;
  celsius: number;
};

export type ScheduleFormValues = {
  id: string;
  name: string;
  load: SavingLoad;
  devices: string[];
  days: number[];
  steps: StepFormValues[];
  enabled: boolean;
  building: string;
};

export const NEW_STEP: StepFormValues = { at: 'time', time: '22:00', offsetMinutes: 0, on: false, celsius: 26 };

export const NEW_SCHEDULE: ScheduleFormValues = {
  id: '',
  name: '',
  load: 'lighting',
  devices: [],
  days: [1, 2, 3, 4, 5, 6, 7],
  steps: [{ ...NEW_STEP, at: 'sunset', on: true }, { ...NEW_STEP }],
  enabled: true,
  building: '',
};

function stepValues(step: SavingStep): StepFormValues {
  const { trigger, action } = step;
  return {
    at: trigger.at,
    time: trigger.at === 'time' ? trigger.time : NEW_STEP.time,
    offsetMinutes: trigger.at === 'time' ? 0 : trigger.offsetMinutes,
    on: action.command === 'hvac.setpoint' ? NEW_STEP.on : action.params.on,
    celsius: action.command === 'hvac.setpoint' ? action.params.celsius : NEW_STEP.celsius,
  };
}

export function toFormValues(schedule: SavingSchedule): ScheduleFormValues {
  return {
    id: schedule.id,
    name: schedule.name,
    load: schedule.load,
    devices: schedule.devices,
    days: schedule.days,
    steps: schedule.steps.map(stepValues),
    enabled: schedule.enabled,
    building: schedule.building ?? '',
  };
}

/** The action a step's fields mean for the schedule's load. */
export function actionOf(load: SavingLoad, step: StepFormValues): SavingAction {
  const command = COMMAND_OF[load];
  return command === 'hvac.setpoint' ? { command, params: { celsius: step.celsius } } : { command, params: { on: step.on } };
}

export function toDraft(values: ScheduleFormValues): SavingScheduleDraft {
  const building = values.building.trim();
  return {
    id: values.id,
    name: values.name.trim(),
    load: values.load,
    devices: values.devices,
    days: [...values.days].sort((a, b) => a - b),
    steps: values.steps.map((step) => ({
      trigger: step.at === 'time' ? { at: 'time', time: step.time } : { at: step.at, offsetMinutes: step.offsetMinutes },
      action: actionOf(values.load, step),
    })),
    enabled: values.enabled,
    ...(building ? { building } : {}),
  };
}

/**
 * A new schedule's id from its name: the ASCII words of it when there are
 * some ("Street lights 2" → street-lights-2), else `sched-` and the time in
 * base 36 — Chinese names have no letters to keep. Ids are 4–64 of [a-z0-9-].
 */
export function newScheduleId(name: string, taken: ReadonlySet<string>, now = Date.now()): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  // A number alone ("路灯 2" → 2) says nothing of the schedule.
  const base = slug.length >= 4 && /[a-z]/.test(slug) ? slug : `sched-${now.toString(36)}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
