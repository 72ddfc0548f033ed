import type { TFunction } from 'i18next';
import type { Rule, RuleCondition } from '../core/contract';

const WORKDAYS = [1, 2, 3, 4, 5];
const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A day of the week, 1 = Monday as in schedules. */
export const dayName = (t: TFunction, day: number): string => t(`rules.days.${DAY_KEYS[(day - 1) % 7]!}`);

/** "m3h above 2 for 10 min", "access granted", "door enters open or held open". */
export function conditionText(t: TFunction, condition: RuleCondition): string {
  switch (condition.kind) {
    case 'threshold':
      return t(`rules.text.${condition.op}`, { metric: condition.metric, value: condition.value }) + (condition.forSeconds ? t('rules.text.for', { duration: durationText(t, condition.forSeconds) }) : '');
    case 'event':
      return t('rules.text.event', { type: t(`alarms.types.${condition.eventType as 'intrusion'}`) });
    case 'door':
      return t('rules.text.door', { states: condition.states.map((state) => t(`access.views.${state}`)).join(t('rules.text.or')) });
    case 'status':
      return t('rules.text.status', { statuses: condition.statuses.map((status) => t(`rules.statuses.${status}`)).join(t('rules.text.or')), duration: durationText(t, condition.forSeconds) });
  }
}

export function durationText(t: TFunction, seconds: number): string {
  if (seconds % 3600 === 0) return t('rules.text.hours', { count: seconds / 3600 });
  if (seconds % 60 === 0) return t('rules.text.minutes', { count: seconds / 60 });
  return t('rules.text.seconds', { count: seconds });
}

/** Which devices: kinds, area and named devices, or every device. */
export function scopeText(t: TFunction, scope: Rule['scope']): string {
  const parts = [
    scope.kinds.map((kind) => t(`devices.kinds.${kind as 'camera'}`)).join(t('rules.text.listSeparator')),
    scope.area && t('rules.text.inArea', { area: scope.area }),
    scope.devices.length ? t('rules.text.devices', { count: scope.devices.length }) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('rules.text.allDevices');
}

/** "Every day 22:00–06:00 (next day)", "Weekdays 09:00–18:00", or "At all times". */
export function scheduleText(t: TFunction, schedule: Rule['schedule']): string {
  if (!schedule) return t('rules.text.always');
  const days = [...schedule.days].sort();
  const dayText =
    days.length === 7 ? t('rules.text.everyDay') : days.join() === WORKDAYS.join() ? t('rules.text.weekdays') : days.map((day) => dayName(t, day)).join(t('rules.text.listSeparator'));
  if (schedule.from === schedule.to) return t('rules.text.allDay', { days: dayText });
  const overnight = schedule.from > schedule.to;
  return t(overnight ? 'rules.text.overnight' : 'rules.text.window', { days: dayText, from: schedule.from, to: schedule.to });
}
