import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { Alarm, AlarmState, Severity } from '../core/contract';

/** Severity colours, the same in the list, the detail and the sound's meaning: red, orange, yellow, blue. */
export const SEVERITY_COLOUR: Record<Severity, string> = {
  critical: '#f5222d',
  major: '#fa8c16',
  minor: '#fadb14',
  info: '#4096ff',
};

/** antd tag colours for states: what still needs someone stands out, what is done fades. */
export const STATE_COLOUR: Record<AlarmState, string> = {
  new: 'red',
  acknowledged: 'gold',
  handling: 'processing',
  resolved: 'green',
  closed: 'default',
};

export function placeOf(alarm: Pick<Alarm, 'area' | 'building' | 'floor'>): string {
  return [alarm.area, alarm.building, alarm.floor].filter(Boolean).join(' / ');
}

/** What the alarm is: its rule's name for a rule's alarm, else its type. */
export const alarmTitle = (t: TFunction, alarm: Pick<Alarm, 'type' | 'rule'>): string => alarm.rule?.name ?? t(`alarms.types.${alarm.type as 'intrusion'}`);

/** The source as officers know it: its name, or its device code when the registry does not know it. */
export const sourceLabel = (alarm: Pick<Alarm, 'sourceName' | 'source'>): string => alarm.sourceName || alarm.source;

/** Today's times without the date; older ones with it. */
export function shortTime(at: number, now = Date.now()): string {
  const time = dayjs(at);
  return time.isSame(now, 'day') ? time.format('HH:mm:ss') : time.format('MM-DD HH:mm:ss');
}

export const fullTime = (at: number): string => dayjs(at).format('YYYY-MM-DD HH:mm:ss');

/** Done steps of a procedure with `total` steps. */
export function stepsDone(steps: number, total: number): number {
  let done = 0;
  for (let step = 0; step < total; step++) if (steps & (1 << step)) done++;
  return done;
}
