import { allSteps, type ALARM_ACTIONS } from '../core/contract';
import type { AlarmEntry } from './alarm-entry';

export type AlarmAction = (typeof ALARM_ACTIONS)[number];

/** Which actions an alarm in this state may take: states only move forward. */
export function allowedActions(alarm: Pick<AlarmEntry, 'state' | 'stateRank'>): Record<AlarmAction, boolean> {
  return { acknowledge: alarm.state === 'new', handle: alarm.stateRank < 2, resolve: alarm.stateRank < 3, close: alarm.stateRank < 4 };
}

/** Resolving or closing an alarm not yet resolved waits for its procedure. */
export const waitsForProcedure = (alarm: Pick<AlarmEntry, 'type' | 'steps' | 'stateRank'>, action: AlarmAction): boolean =>
  (action === 'resolve' || action === 'close') && alarm.stateRank < 3 && !procedureDone(alarm);

export const procedureDone = (alarm: Pick<AlarmEntry, 'type' | 'steps'>): boolean => (alarm.steps & allSteps(alarm.type)) === allSteps(alarm.type);
