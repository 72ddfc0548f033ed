import { beforeEach, describe, expect, it } from 'vitest';
import { STORM_THRESHOLD } from './arrival-rate';
import { alarmWindow, applyAlarms, clearAlarms, queueEscalations, takeEscalations, useAlarms } from './alarm-store';
import { syntheticAlarms } from './synthetic-alarms';

describe('the alarm store', () => {
  beforeEach(() => clearAlarms());

  it('takes a batch with one store update, however many alarms it holds', () => {
    let updates = 0;
    const off = useAlarms.subscribe(() => updates++);
    applyAlarms(syntheticAlarms(5000), { announce: false });
    off();
    expect(updates).toBe(1);
    expect(alarmWindow.size).toBe(5000);
  });

  it('announces only alarms that are new to the window and still new, and only when live', () => {
    const alarms = syntheticAlarms(40).map((alarm, index) => ({ ...alarm, state: index % 2 ? ('new' as const) : ('closed' as const) }));
    expect(applyAlarms(alarms.slice(0, 20), { announce: false })).toEqual([]);
    const arrived = applyAlarms(alarms, { announce: true, now: 1000 });
    expect(arrived.map((alarm) => alarm.id)).toEqual(alarms.slice(20).filter((alarm) => alarm.state === 'new').map((alarm) => alarm.id));
    expect(useAlarms.getState().recent).toBe(10);
  });

  it('calls it a storm past the threshold of new alarms within five seconds', () => {
    const alarms = syntheticAlarms(STORM_THRESHOLD + 1).map((alarm) => ({ ...alarm, state: 'new' as const }));
    applyAlarms(alarms.slice(0, STORM_THRESHOLD), { announce: true, now: 10_000 });
    expect(useAlarms.getState().storm).toBe(false);
    applyAlarms(alarms.slice(STORM_THRESHOLD), { announce: true, now: 12_000 });
    expect(useAlarms.getState().storm).toBe(true);
  });

  it('hands each escalation to one taker, and forgets everything at sign-out', () => {
    queueEscalations(['a', 'b']);
    expect(takeEscalations()).toEqual(['a', 'b']);
    expect(takeEscalations()).toEqual([]);
    applyAlarms(syntheticAlarms(3), { announce: false });
    clearAlarms();
    expect(alarmWindow.size).toBe(0);
  });
});
