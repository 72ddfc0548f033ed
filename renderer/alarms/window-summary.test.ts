import { describe, expect, it } from 'vitest';
import { AlarmWindow } from './alarm-window';
import { syntheticAlarms } from './synthetic-alarms';
import { summarise } from './window-summary';

describe('the window summary', () => {
  it('counts alarms still new and those of them overdue, and offers every area seen', () => {
    const window = new AlarmWindow();
    const alarms = syntheticAlarms(2000);
    window.upsert(alarms);
    const summary = summarise(window.ordered);
    expect(summary.unacknowledged).toBe(alarms.filter((alarm) => alarm.state === 'new').length);
    expect(summary.escalated).toBe(alarms.filter((alarm) => alarm.state === 'new' && alarm.escalated).length);
    expect(summary.escalated).toBeGreaterThan(0);
    expect(new Set(summary.areas)).toEqual(new Set(alarms.map((alarm) => alarm.area)));
  });
});
