import { describe, expect, it } from 'vitest';
import type { Alarm } from '../core/contract';
import { AlarmWindow } from './alarm-window';
import { syntheticAlarms } from './synthetic-alarms';

const ids = (window: AlarmWindow) => window.ordered.map((alarm) => alarm.id);
const isNewestFirst = (window: AlarmWindow) => window.ordered.every((alarm, index) => index === 0 || window.ordered[index - 1]!.raisedAt >= alarm.raisedAt);

describe('the alarm window', () => {
  it('keeps alarms newest first whatever order they come in', () => {
    const window = new AlarmWindow();
    const alarms = syntheticAlarms(200);
    window.upsert(alarms.slice(100));
    window.upsert([alarms[5]!, alarms[50]!]);
    window.upsert(alarms.slice(0, 100).reverse());
    expect(ids(window)).toEqual(alarms.map((alarm) => alarm.id));
    expect(window.byId.size).toBe(200);
  });

  it('orders alarms raised in the same millisecond by id, as the core pages them', () => {
    const [a, b] = syntheticAlarms(2);
    const window = new AlarmWindow();
    window.upsert([{ ...a!, id: 'x1', raisedAt: 5 }, { ...b!, id: 'x3', raisedAt: 5 }, { ...b!, id: 'x2', raisedAt: 5 }]);
    expect(ids(window)).toEqual(['x3', 'x2', 'x1']);
  });

  it('replaces a known alarm in place and reports only alarms it had not held', () => {
    const window = new AlarmWindow();
    const alarms = syntheticAlarms(10);
    expect(window.upsert(alarms)).toHaveLength(10);
    const changed: Alarm = { ...alarms[3]!, state: 'handling', updatedAt: alarms[3]!.updatedAt + 1000, by: 'duty' };
    expect(window.upsert([changed])).toEqual([]);
    expect(window.ordered[3]).toMatchObject({ id: changed.id, state: 'handling', by: 'duty', stateRank: 2 });
    expect(window.byId.get(changed.id)).toBe(window.ordered[3]);
    expect(window.size).toBe(10);
  });

  it('lists an alarm named twice in one batch once, as last seen', () => {
    const window = new AlarmWindow();
    const [alarm] = syntheticAlarms(1);
    const added = window.upsert([alarm!, { ...alarm!, count: 7, updatedAt: alarm!.updatedAt + 1 }]);
    expect(added).toHaveLength(1);
    expect(window.ordered).toHaveLength(1);
    expect(window.ordered[0]!.count).toBe(7);
  });

  it('ignores an older snapshot arriving after a newer one', () => {
    const window = new AlarmWindow();
    const [alarm] = syntheticAlarms(1);
    window.upsert([{ ...alarm!, state: 'acknowledged', updatedAt: 2000, steps: 1 }]);
    window.upsert([{ ...alarm!, state: 'new', updatedAt: 1000, steps: 0 }]);
    expect(window.ordered[0]).toMatchObject({ state: 'acknowledged', steps: 1 });
    // A later one moves it on.
    window.upsert([{ ...alarm!, state: 'resolved', updatedAt: 3000, steps: 3 }]);
    expect(window.ordered[0]).toMatchObject({ state: 'resolved', steps: 3 });
  });

  it('holds at most its capacity, lets the oldest go and counts them', () => {
    const window = new AlarmWindow(1000);
    const alarms = syntheticAlarms(1500);
    window.upsert(alarms.slice(0, 900));
    const added = window.upsert(alarms.slice(900));
    expect(window.size).toBe(1000);
    expect(window.byId.size).toBe(1000);
    expect(window.dropped).toBe(500);
    expect(ids(window)).toEqual(alarms.slice(0, 1000).map((alarm) => alarm.id));
    // Of the 600 offered, only the 100 that fitted are new to the window.
    expect(added).toHaveLength(100);
    expect(isNewestFirst(window)).toBe(true);
  });

  it('keeps order through a storm of single arrivals and big pages', () => {
    const window = new AlarmWindow();
    const alarms = syntheticAlarms(20_000);
    const shuffled = [...alarms].sort((a, b) => (a.source < b.source ? -1 : 1));
    for (let start = 0; start < shuffled.length; start += 37) window.upsert(shuffled.slice(start, start + 37));
    expect(isNewestFirst(window)).toBe(true);
    expect(window.size).toBe(20_000);
  });

  it('forgets everything when cleared', () => {
    const window = new AlarmWindow(5);
    window.upsert(syntheticAlarms(8));
    window.clear();
    expect([window.size, window.byId.size, window.dropped]).toEqual([0, 0, 0]);
  });
});
