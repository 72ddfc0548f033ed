import { describe, expect, it } from 'vitest';
import { allSteps } from '../core/contract';
import { toEntry } from './alarm-entry';
import { allowedActions, procedureDone, waitsForProcedure } from './alarm-rules';
import { groupAlarms } from './grouping';
import { syntheticAlarms } from './synthetic-alarms';
import { moveSelection } from './use-alarm-keys';

const [sample] = syntheticAlarms(1);
const intrusion = (change: Partial<typeof sample & object> = {}) => toEntry({ ...sample!, type: 'intrusion', severity: 'critical', state: 'new', steps: 0, ...change });

describe('what an officer may do to an alarm', () => {
  it('moves states forward only', () => {
    expect(allowedActions(intrusion())).toEqual({ acknowledge: true, handle: true, resolve: true, close: true });
    expect(allowedActions(intrusion({ state: 'handling' }))).toEqual({ acknowledge: false, handle: false, resolve: true, close: true });
    expect(allowedActions(intrusion({ state: 'resolved' }))).toEqual({ acknowledge: false, handle: false, resolve: false, close: true });
    expect(allowedActions(intrusion({ state: 'closed' }))).toEqual({ acknowledge: false, handle: false, resolve: false, close: false });
  });

  it('resolves or closes an open alarm only once its procedure is done', () => {
    const half = intrusion({ state: 'handling', steps: 0b00111 });
    expect(procedureDone(half)).toBe(false);
    expect(waitsForProcedure(half, 'resolve')).toBe(true);
    expect(waitsForProcedure(half, 'close')).toBe(true);
    expect(waitsForProcedure(half, 'acknowledge')).toBe(false);
    const done = intrusion({ state: 'handling', steps: allSteps('intrusion') });
    expect(procedureDone(done)).toBe(true);
    expect(waitsForProcedure(done, 'resolve')).toBe(false);
    // A resolved alarm closes whatever its steps say; a type with no procedure never waits.
    expect(waitsForProcedure(intrusion({ state: 'resolved', steps: 0 }), 'close')).toBe(false);
    expect(waitsForProcedure(intrusion({ type: 'zone_armed' }), 'resolve')).toBe(false);
  });
});

describe('moving through the list by keys', () => {
  const rows = syntheticAlarms(5).map(toEntry);
  it('starts at the first row and stops at either end', () => {
    expect(moveSelection(rows, null, 1)).toBe(0);
    expect(moveSelection(rows, rows[2]!.id, 1)).toBe(3);
    expect(moveSelection(rows, rows[2]!.id, -1)).toBe(1);
    expect(moveSelection(rows, rows[4]!.id, 1)).toBe(4);
    expect(moveSelection(rows, rows[0]!.id, -1)).toBe(0);
    expect(moveSelection([], null, 1)).toBe(-1);
  });

  it('steps over group rows like any other, and starts over when the selected row is gone', () => {
    const groups = groupAlarms(rows);
    expect(moveSelection(groups, groups[0]!.key, 1)).toBe(1);
    expect(moveSelection(rows, 'gone', -1)).toBe(0);
  });
});
