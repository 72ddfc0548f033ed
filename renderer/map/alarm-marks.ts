import type { Alarm, AlarmState, Severity } from '../core/contract';
import { SEVERITY_RANK } from './symbols';

/** Alarms not yet resolved: what the map makes pulse. */
export const OPEN_STATES: AlarmState[] = ['new', 'acknowledged', 'handling'];

/** The most urgent open alarm of each device. */
export function worstBySource(alarms: readonly Pick<Alarm, 'source' | 'severity' | 'state'>[]): Map<string, Severity> {
  const worst = new Map<string, Severity>();
  for (const alarm of alarms) {
    if (!OPEN_STATES.includes(alarm.state)) continue;
    const current = worst.get(alarm.source);
    if (!current || SEVERITY_RANK[alarm.severity] < SEVERITY_RANK[current]) worst.set(alarm.source, alarm.severity);
  }
  return worst;
}

export type Place = { building: string; floor: string };

/** Where each device in alarm is, as the core resolved it when it listed the alarm. */
export function alarmPlaces(alarms: readonly Pick<Alarm, 'source' | 'state' | 'building' | 'floor'>[]): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const alarm of alarms) if (OPEN_STATES.includes(alarm.state) && alarm.building) places.set(alarm.source, { building: alarm.building, floor: alarm.floor });
  return places;
}
