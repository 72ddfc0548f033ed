import { create } from 'zustand';
import { useAlarms } from './alarm-store';
import { ALL_ALARMS, type AlarmQuery, type AlarmSort } from './filter';

type AlarmsUi = {
  query: AlarmQuery;
  sort: AlarmSort;
  /** Rows grouped by area and type; switched on by itself when a storm starts. */
  grouped: boolean;
  expanded: ReadonlySet<string>;
  /** The selected row: an alarm id or a group key. */
  selected: string | null;
  /** The alarm whose detail panel is open. */
  open: string | null;
};

export const useAlarmsUi = create<AlarmsUi>(() => ({
  query: ALL_ALARMS,
  sort: 'newest',
  grouped: false,
  expanded: new Set(),
  selected: null,
  open: null,
}));

export function setQuery(change: Partial<AlarmQuery>): void {
  useAlarmsUi.setState((state) => ({ query: { ...state.query, ...change } }));
}

export function toggleGroup(key: string): void {
  useAlarmsUi.setState((state) => {
    const expanded = new Set(state.expanded);
    if (!expanded.delete(key)) expanded.add(key);
    return { expanded };
  });
}

/** Selects an alarm and opens its detail. */
export function openAlarm(id: string): void {
  useAlarmsUi.setState({ selected: id, open: id });
}

// A storm groups the list by itself, once as it starts: the officer may ungroup it again.
useAlarms.subscribe((state, previous) => {
  if (state.storm && !previous.storm) useAlarmsUi.setState({ grouped: true });
});
