import type { DeviceKind, DoorState, EventType, Rule, RuleDraft } from '../core/contract';

/**
 * The rule dialog's fields, flat: every kind of condition keeps its own
 * fields while the officer switches between kinds, and the draft takes
 * only the chosen kind's.
 */
export type RuleFormValues = {
  name: string;
  enabled: boolean;
  severity: 'critical' | 'major' | 'minor';
  kind: RuleDraft['condition']['kind'];
  metric: string;
  op: 'above' | 'below';
  value: number;
  forMinutes: number;
  eventType: EventType;
  doorStates: DoorState[];
  statuses: ('offline' | 'fault')[];
  kinds: DeviceKind[];
  area: string;
  devices: string[];
  scheduled: boolean;
  days: number[];
  from: string;
  to: string;
};

export const NEW_RULE: RuleFormValues = {
  name: '',
  enabled: true,
  severity: 'major',
  kind: 'threshold',
  metric: '',
  op: 'above',
  value: 0,
  forMinutes: 5,
  eventType: 'access_granted',
  doorStates: ['open', 'held_open'],
  statuses: ['offline', 'fault'],
  kinds: [],
  area: '',
  devices: [],
  scheduled: false,
  days: [1, 2, 3, 4, 5, 6, 7],
  from: '22:00',
  to: '06:00',
};

export function toFormValues(rule: Rule): RuleFormValues {
  const { condition, scope, schedule } = rule;
  return {
    ...NEW_RULE,
    name: rule.name,
    enabled: rule.enabled,
    severity: rule.severity as RuleFormValues['severity'],
    kind: condition.kind,
    ...(condition.kind === 'threshold' ? { metric: condition.metric, op: condition.op, value: condition.value, forMinutes: condition.forSeconds / 60 } : {}),
    ...(condition.kind === 'event' ? { eventType: condition.eventType as EventType } : {}),
    ...(condition.kind === 'door' ? { doorStates: condition.states } : {}),
    ...(condition.kind === 'status' ? { statuses: condition.statuses, forMinutes: condition.forSeconds / 60 } : {}),
    kinds: scope.kinds as DeviceKind[],
    area: scope.area,
    devices: scope.devices,
    ...(schedule ? { scheduled: true, days: schedule.days, from: schedule.from, to: schedule.to } : { scheduled: false }),
  };
}

const CONDITIONS: { [K in RuleFormValues['kind']]: (values: RuleFormValues) => Extract<RuleDraft['condition'], { kind: K }> } = {
  // Minutes in the dialog, seconds on the wire: officers think of "10 minutes", devices report by the second.
  threshold: (v) => ({ kind: 'threshold', metric: v.metric.trim(), op: v.op, value: v.value, forSeconds: Math.round(v.forMinutes * 60) }),
  event: (v) => ({ kind: 'event', eventType: v.eventType }),
  door: (v) => ({ kind: 'door', states: v.doorStates }),
  status: (v) => ({ kind: 'status', statuses: v.statuses, forSeconds: Math.round(v.forMinutes * 60) }),
};

/** The draft the core is asked to save; `id` is the rule's own or a new one. */
export function toDraft(values: RuleFormValues, id: string, timeZone: string): RuleDraft {
  return {
    id,
    name: values.name.trim(),
    enabled: values.enabled,
    severity: values.severity,
    condition: CONDITIONS[values.kind](values),
    scope: { kinds: values.kinds, area: values.area.trim(), devices: values.devices },
    schedule: values.scheduled ? { days: [...values.days].sort(), from: values.from, to: values.to, timeZone } : null,
  };
}

/** A new rule's id: short, unique enough for one site's few hundred rules, and a valid topic level. */
export const newRuleId = (now = Date.now(), random = Math.random()) => `r-${now.toString(36)}-${Math.floor(random * 36 ** 4).toString(36).padStart(4, '0')}`;
