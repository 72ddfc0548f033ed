import { create } from 'zustand';
import type { Alarm } from '../core/contract';
import type { AlarmEntry } from './alarm-entry';
import { AlarmWindow } from './alarm-window';
import { ArrivalRate, STORM_THRESHOLD } from './arrival-rate';
import type { Tone } from './tone-limiter';

type AlarmsState = {
  /** Bumped once per batch applied: what the list, counts and detail follow. */
  version: number;
  /** Pages of the initial load still coming. */
  loading: boolean;
  loadError: string | null;
  /** New alarms within the last few seconds, and whether that is a storm. */
  recent: number;
  storm: boolean;
  dropped: number;
  /** Escalated alarm ids not yet shown to the supervisor. */
  escalations: string[];
  muted: boolean;
  /** The last tone played, for the mute button (and the end-to-end test) to show. */
  lastTone: { tone: Tone; at: number } | null;
};

const MUTED_KEY = 'vigil.alarms.muted';

function storedMuted(): boolean {
  try {
    return globalThis.localStorage?.getItem(MUTED_KEY) === '1';
  } catch {
    return false;
  }
}

/** The alarms themselves live outside React state: 100 000 entries are changed in place, and `version` says when. */
export const alarmWindow = new AlarmWindow();
const arrivals = new ArrivalRate();

export const useAlarms = create<AlarmsState>(() => ({
  version: 0,
  loading: false,
  loadError: null,
  recent: 0,
  storm: false,
  dropped: 0,
  escalations: [],
  muted: storedMuted(),
  lastTone: null,
}));

/**
 * Puts a batch of alarms into the window with one store update. `announce`
 * is for alarms arriving live: those never seen before count towards the
 * storm rate and are returned for the sound.
 */
export function applyAlarms(alarms: readonly Alarm[], { announce, now = Date.now() }: { announce: boolean; now?: number }): AlarmEntry[] {
  if (alarms.length === 0) return [];
  const added = alarmWindow.upsert(alarms);
  const arrived = announce ? added.filter((entry) => entry.state === 'new') : [];
  arrivals.add(arrived.length, now);
  const recent = arrivals.recent(now);
  useAlarms.setState((state) => ({ version: state.version + 1, dropped: alarmWindow.dropped, recent, storm: recent > STORM_THRESHOLD }));
  return arrived;
}

/** Lets the storm rate fall back once alarms stop coming. */
export function refreshRate(now = Date.now()): void {
  const recent = arrivals.recent(now);
  if (recent !== useAlarms.getState().recent) useAlarms.setState({ recent, storm: recent > STORM_THRESHOLD });
}

export function queueEscalations(ids: readonly string[]): void {
  if (ids.length) useAlarms.setState((state) => ({ escalations: [...state.escalations, ...ids] }));
}

/** Takes the escalations waiting to be shown; each is taken once. */
export function takeEscalations(): string[] {
  const { escalations } = useAlarms.getState();
  if (escalations.length) useAlarms.setState({ escalations: [] });
  return escalations;
}

export function setMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTED_KEY, muted ? '1' : '0');
  } catch {
    // Private windows may refuse storage; the toggle still holds for this window.
  }
  useAlarms.setState({ muted });
}

/** Signed out: nothing of this user's alarms stays in the window. */
export function clearAlarms(): void {
  alarmWindow.clear();
  arrivals.clear();
  useAlarms.setState((state) => ({ version: state.version + 1, loading: false, loadError: null, recent: 0, storm: false, dropped: 0, escalations: [], lastTone: null }));
}

/** The alarm with this id as the window holds it; re-renders only when that alarm changes. */
export function useAlarmEntry(id: string | null): AlarmEntry | undefined {
  return useAlarms(() => (id === null ? undefined : alarmWindow.byId.get(id)));
}
