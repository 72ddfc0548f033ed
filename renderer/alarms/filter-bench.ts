import { AlarmWindow } from './alarm-window';
import { ALL_ALARMS, filterAlarms, type AlarmQuery, type AlarmSort } from './filter';
import { syntheticAlarms } from './synthetic-alarms';

/** Filters an officer commonly sets: none, the open ones, critical only, a search, an area over the last day, sorted by severity. */
const CASES: { query: AlarmQuery; sort: AlarmSort }[] = [
  { query: ALL_ALARMS, sort: 'newest' },
  { query: { ...ALL_ALARMS, states: ['new', 'acknowledged', 'handling'] }, sort: 'newest' },
  { query: { ...ALL_ALARMS, severities: ['critical'] }, sort: 'newest' },
  { query: { ...ALL_ALARMS, text: '烟感' }, sort: 'newest' },
  { query: { ...ALL_ALARMS, text: '3206120101134012' }, sort: 'newest' },
  { query: { ...ALL_ALARMS, area: '东区', types: ['intrusion', 'door_forced'], from: 1_750_000_000_000 - 86_400_000, to: null }, sort: 'newest' },
  { query: { ...ALL_ALARMS, states: ['new'] }, sort: 'severity' },
];

/**
 * The alarm list filter over `count` alarms, as `npm run bench -- alarms`
 * reports it: the slowest of the common filters, median over `rounds`.
 */
export function measureFilter(count = 100_000, rounds = 15): { ms: number; perCase: number[]; matched: number[] } {
  const window = new AlarmWindow(count);
  window.upsert(syntheticAlarms(count));
  const perCase: number[] = [];
  const matched: number[] = [];
  for (const { query, sort } of CASES) {
    const times: number[] = [];
    let found = 0;
    // The first rounds warm the engine up, as the officer's first filters do.
    for (let round = 0; round < rounds + 3; round++) {
      const started = performance.now();
      found = filterAlarms(window.ordered, query, sort).length;
      if (round >= 3) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    perCase.push(times[Math.floor(times.length / 2)]!);
    matched.push(found);
  }
  return { ms: Math.max(...perCase), perCase, matched };
}
