import { ALARM_STATES, EVENT_TYPE_NAMES, SEVERITIES, type Alarm, type AlarmState, type EventType, type Severity } from '../core/contract';

/**
 * An alarm as the window keeps it: the core's fields plus what the filter
 * needs, worked out once when the alarm enters the store so that filtering
 * 100 000 of them allocates nothing per alarm.
 */
export type AlarmEntry = Alarm & {
  readonly type: EventType;
  /** Lower-case name, device code and id, for the free-text search. */
  readonly searchText: string;
  /** Index in SEVERITIES (0 = critical). */
  readonly severityRank: number;
  /** Index in ALARM_STATES (0 = new). */
  readonly stateRank: number;
  /** Index in EVENT_TYPE_NAMES. */
  readonly typeRank: number;
  /** A number per area name, for grouping without building a string per alarm. */
  readonly areaIndex: number;
};

const SEVERITY_RANK = new Map<string, number>(SEVERITIES.map((severity, rank) => [severity, rank]));
const STATE_RANK = new Map<string, number>(ALARM_STATES.map((state, rank) => [state, rank]));
const TYPE_RANK = new Map<string, number>(EVENT_TYPE_NAMES.map((type, rank) => [type, rank]));
/** A site has a handful of areas: their numbers are kept for the life of the window. */
const AREA_INDEX = new Map<string, number>();

/** Every area an alarm in this window has come from, in the order first seen. */
export const knownAreas = (): string[] => [...AREA_INDEX.keys()].filter(Boolean);

function areaIndexOf(area: string): number {
  let index = AREA_INDEX.get(area);
  if (index === undefined) AREA_INDEX.set(area, (index = AREA_INDEX.size));
  return index;
}

/**
 * Every field written out rather than spread: objects built by a spread of
 * another get shapes of their own, and a loop over 100 000 of them reads
 * each field the slow way (measured: 30 ms instead of under 1 ms).
 */
export function toEntry(alarm: Alarm): AlarmEntry {
  return {
    id: alarm.id,
    source: alarm.source,
    type: alarm.type as EventType,
    severity: alarm.severity,
    state: alarm.state,
    raisedAt: alarm.raisedAt,
    lastAt: alarm.lastAt,
    updatedAt: alarm.updatedAt,
    by: alarm.by,
    station: alarm.station,
    note: alarm.note,
    count: alarm.count,
    steps: alarm.steps,
    escalated: alarm.escalated,
    sourceName: alarm.sourceName,
    area: alarm.area,
    building: alarm.building,
    floor: alarm.floor,
    rule: alarm.rule,
    searchText: `${alarm.sourceName}\u0001${alarm.source}\u0001${alarm.id}\u0001${alarm.rule?.name ?? ''}`.toLowerCase(),
    severityRank: SEVERITY_RANK.get(alarm.severity) ?? SEVERITIES.length - 1,
    stateRank: STATE_RANK.get(alarm.state) ?? 0,
    typeRank: TYPE_RANK.get(alarm.type) ?? 0,
    areaIndex: areaIndexOf(alarm.area),
  };
}

/** Newest first; among alarms raised in the same millisecond, the larger id first, as the core pages them. */
export function newerFirst(a: Pick<Alarm, 'raisedAt' | 'id'>, b: Pick<Alarm, 'raisedAt' | 'id'>): number {
  if (a.raisedAt !== b.raisedAt) return b.raisedAt - a.raisedAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export const stateRankOf = (state: AlarmState): number => STATE_RANK.get(state) ?? 0;

/**
 * Whether `incoming` is an older snapshot of an alarm than `held`: answers
 * to calls made at different times may be applied out of order, and an
 * alarm's state, steps and count only ever grow.
 */
export function isOlder(incoming: Alarm, held: AlarmEntry): boolean {
  return incoming.updatedAt < held.updatedAt && stateRankOf(incoming.state) <= held.stateRank && (incoming.steps & ~held.steps) === 0 && incoming.count <= held.count;
}

export const isOpen = (state: AlarmState): boolean => state === 'new' || state === 'acknowledged' || state === 'handling';

export const severityOf = (rank: number): Severity => SEVERITIES[rank] ?? 'info';
