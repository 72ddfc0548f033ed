import { createHash } from 'node:crypto';
import type { Hazard, WarningEvent, WarningRecord, WarningView } from '../contract/warnings';
import type { WarningLevel } from '../contract/warning-levels';

/*
 * Why every station reads the same warning: a warning is the set of its
 * events, and merging two copies is their union by event id (commutative,
 * associative, idempotent), as repair orders are. The raising, level and
 * clearing events are derived from the device messages with ids hashed from
 * what caused them, so two stations that saw the same messages add the same
 * events and their copies merge into one. The warning is then read from the
 * set by one pure function walking the events in time order.
 */

const sha = (text: string, length: number) => createHash('sha256').update(text).digest('hex').slice(0, length);

/** The id of the warning raised for a hazard in a place at a moment: the same at every station. */
export const warningIdOf = (hazard: Hazard, placeKey: string, at: number) => `wn-${sha(`${hazard}|${placeKey}|${at}`, 24)}`;

/** The id of a derived event: what it is, of which warning, when and at what level. */
export const warningEventIdOf = (warning: string, type: string, at: number, level: WarningLevel | null) => `${type}-${at}-${sha(`${warning}|${type}|${at}|${level ?? ''}`, 16)}`;

/** Total order on events: time, then raised before anything else at the same moment, then id. */
const RANK: Record<WarningEvent['type'], number> = { raised: 0, level: 1, acknowledged: 2, cleared: 3 };
const byTime = (a: WarningEvent, b: WarningEvent) => a.at - b.at || RANK[a.type] - RANK[b.type] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The union of two copies; two different events under one id (only a forged copy) resolve to the greater text, so every station keeps the same. */
export function mergeWarning(current: WarningRecord | undefined, incoming: WarningRecord): WarningRecord {
  if (current && current.id !== incoming.id) throw new RangeError(`cannot merge warning ${incoming.id} into ${current.id}`);
  const byId = new Map<string, { event: WarningEvent; text: string }>();
  for (const event of [...(current?.events ?? []), ...incoming.events]) {
    const text = JSON.stringify(event);
    const held = byId.get(event.id);
    if (!held || text > held.text) byId.set(event.id, { event, text });
  }
  return { id: incoming.id, events: [...byId.values()].map(({ event }) => event).sort(byTime) };
}

/**
 * The warning its events say, or null while its raising has not arrived.
 * The first raising counts (two can only come from forged copies); levels
 * follow in time order; cleared is final, and what comes after it (an
 * acknowledgement late from another station) is still listed.
 */
export function foldWarning(record: WarningRecord): WarningView | null {
  const history = [...record.events].sort(byTime);
  const raised = history.find((event) => event.type === 'raised');
  if (!raised || raised.type !== 'raised') return null;
  const view: WarningView = {
    id: record.id,
    hazard: raised.hazard,
    place: raised.place,
    level: raised.level,
    rules: raised.rules,
    active: true,
    raisedAt: raised.at,
    changedAt: raised.at,
    clearedAt: null,
    acknowledged: [],
    history,
  };
  for (const event of history) {
    if (event.type === 'level' && view.active && event.at >= view.raisedAt) {
      view.level = event.level;
      view.rules = event.rules;
      view.changedAt = event.at;
    } else if (event.type === 'cleared' && view.active) {
      view.active = false;
      view.clearedAt = event.at;
      view.changedAt = event.at;
    } else if (event.type === 'acknowledged') {
      view.acknowledged.push({ by: event.by, at: event.at, note: event.note });
    }
  }
  return view;
}
