import { ALARM_STATES, EVENT_TYPE_NAMES, SEVERITIES, type AlarmState, type EventType, type Severity } from '../core/contract';
import type { AlarmEntry } from './alarm-entry';

/** What the officer narrows the list to; an empty list of choices means all of them. */
export type AlarmQuery = {
  severities: readonly Severity[];
  states: readonly AlarmState[];
  types: readonly EventType[];
  area: string | null;
  /** Raised at or after (ms). */
  from: number | null;
  /** Raised before (ms). */
  to: number | null;
  /** Matched against the source's name, its device code and the alarm id, ignoring case. */
  text: string;
};

export type AlarmSort = 'newest' | 'severity';

export const ALL_ALARMS: AlarmQuery = { severities: [], states: [], types: [], area: null, from: null, to: null, text: '' };

/** A bit per chosen value; every bit set when nothing is chosen. */
function maskOf<T>(chosen: readonly T[], all: readonly T[]): number {
  if (chosen.length === 0) return -1;
  let mask = 0;
  for (const value of chosen) {
    const rank = all.indexOf(value);
    if (rank >= 0) mask |= 1 << rank;
  }
  return mask;
}

/** The first index, in a newest-first list, of an alarm raised before `at`. */
function firstRaisedBefore(ordered: readonly AlarmEntry[], at: number): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ordered[middle]!.raisedAt >= at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The alarms of a newest-first list that match `query`, newest first or most
 * severe first (newest first within a severity). One pass over the time
 * range, comparisons on small integers, no allocation but the result: 100 000
 * alarms take a few milliseconds.
 */
export function filterAlarms(ordered: readonly AlarmEntry[], query: AlarmQuery, sort: AlarmSort = 'newest'): AlarmEntry[] {
  const severities = maskOf(query.severities, SEVERITIES);
  const states = maskOf(query.states, ALARM_STATES);
  const types = maskOf(query.types, EVENT_TYPE_NAMES);
  const area = query.area || null;
  const text = query.text.trim().toLowerCase();
  const start = query.to === null ? 0 : firstRaisedBefore(ordered, query.to);
  const end = query.from === null ? ordered.length : firstRaisedBefore(ordered, query.from);

  const bySeverity: AlarmEntry[][] | null = sort === 'severity' ? SEVERITIES.map(() => []) : null;
  const matches: AlarmEntry[] = [];
  for (let index = start; index < end; index++) {
    const alarm = ordered[index]!;
    if (((severities >>> alarm.severityRank) & 1) === 0) continue;
    if (((states >>> alarm.stateRank) & 1) === 0) continue;
    if (((types >>> alarm.typeRank) & 1) === 0) continue;
    if (area !== null && alarm.area !== area) continue;
    if (text && !alarm.searchText.includes(text)) continue;
    if (bySeverity) bySeverity[alarm.severityRank]!.push(alarm);
    else matches.push(alarm);
  }
  return bySeverity ? bySeverity.flat() : matches;
}

/** Whether the officer has narrowed the list at all. */
export function isNarrowed(query: AlarmQuery): boolean {
  return query.severities.length + query.states.length + query.types.length > 0 || !!query.area || query.from !== null || query.to !== null || !!query.text.trim();
}
