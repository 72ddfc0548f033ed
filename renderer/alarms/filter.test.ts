import { describe, expect, it } from 'vitest';
import { AlarmWindow } from './alarm-window';
import { ALL_ALARMS, filterAlarms, isNarrowed, type AlarmQuery } from './filter';
import { syntheticAlarms } from './synthetic-alarms';

const NEWEST = 1_750_000_000_000;
const window = new AlarmWindow();
window.upsert(syntheticAlarms(5000, { newestAt: NEWEST }));
const all = window.ordered;
const run = (change: Partial<AlarmQuery>, sort: 'newest' | 'severity' = 'newest') => filterAlarms(all, { ...ALL_ALARMS, ...change }, sort);

describe('the alarm filter', () => {
  it('keeps everything, newest first, when nothing is chosen', () => {
    const found = run({});
    expect(found).toHaveLength(5000);
    expect(found).not.toBe(all);
    expect(found.map((alarm) => alarm.id)).toEqual(all.map((alarm) => alarm.id));
    expect(isNarrowed(ALL_ALARMS)).toBe(false);
  });

  it('filters by severity, state, type and area, all of them together', () => {
    const query = { severities: ['critical', 'major'], states: ['new', 'handling'], types: ['intrusion', 'smoke', 'door_forced'], area: '东区' } as const;
    const found = run(query);
    const expected = all.filter((alarm) => (query.severities as readonly string[]).includes(alarm.severity) && (query.states as readonly string[]).includes(alarm.state) && (query.types as readonly string[]).includes(alarm.type) && alarm.area === '东区');
    expect(expected.length).toBeGreaterThan(10);
    expect(found.map((alarm) => alarm.id)).toEqual(expected.map((alarm) => alarm.id));
    expect(isNarrowed({ ...ALL_ALARMS, ...query })).toBe(true);
  });

  it('takes the time range as raised at or after `from` and before `to`', () => {
    const from = NEWEST - 2000 * 1000;
    const to = NEWEST - 1000 * 1000;
    const found = run({ from, to });
    expect(found).toHaveLength(1000);
    expect(found[0]!.raisedAt).toBe(to - 1000);
    expect(found.at(-1)!.raisedAt).toBe(from);
    expect(run({ from: NEWEST + 1 })).toEqual([]);
    expect(run({ to: NEWEST - 4999 * 1000 })).toEqual([]);
    expect(run({ to: NEWEST + 1 })).toHaveLength(5000);
  });

  it('finds text in the name, the device code and the id, ignoring case and spaces around it', () => {
    const sample = all[1234]!;
    expect(run({ text: `  ${sample.source}  ` }).map((alarm) => alarm.id)).toContain(sample.id);
    expect(run({ text: sample.id.toUpperCase() }).map((alarm) => alarm.id)).toEqual([sample.id]);
    const byName = run({ text: '烟感' });
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((alarm) => alarm.sourceName.includes('烟感'))).toBe(true);
    expect(run({ text: 'no such thing' })).toEqual([]);
  });

  it('sorts most severe first, newest first within a severity', () => {
    const found = run({}, 'severity');
    expect(found).toHaveLength(5000);
    for (let index = 1; index < found.length; index++) {
      const [before, after] = [found[index - 1]!, found[index]!];
      expect(before.severityRank < after.severityRank || (before.severityRank === after.severityRank && before.raisedAt > after.raisedAt)).toBe(true);
    }
  });

});
