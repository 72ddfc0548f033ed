import { describe, expect, it } from 'vitest';
import type { WarningView } from '../core/contract';
import { mergeWarnings } from './merge';

const T0 = Date.parse('2026-12-01T02:00:00Z');
const view = (id: string, level: 1 | 2 | 3 | 4, changedAt: number, active = true, events = 1): WarningView =>
  ({
    id,
    hazard: 'fire',
    place: { groupBy: 'floor', key: id, label: id },
    level,
    active,
    raisedAt: T0,
    changedAt,
    clearedAt: active ? null : changedAt,
    acknowledged: [],
    rules: [],
    history: Array.from({ length: events }, (_, n) => ({ id: `${id}-${n}`, type: 'raised', at: T0 + n, hazard: 'fire', place: { groupBy: 'floor', key: id, label: id }, level, rules: [] })),
  }) as unknown as WarningView;

describe('merging the warnings a change named', () => {
  it('puts new and changed warnings in the core’s order: active gravest first, then the newest change', () => {
    const list = [view('a', 3, T0 + 1), view('old', 2, T0, false)];
    const merged = mergeWarnings(list, [view('b', 2, T0 + 2), view('c', 3, T0 + 5), view('gone', 4, T0 + 9, false, 2)]);
    expect(merged.map((warning) => warning.id)).toEqual(['b', 'c', 'a', 'gone', 'old']);
  });

  it('keeps the copy with the longer history when an older answer comes back last', () => {
    const newer = view('a', 2, T0 + 5, true, 3);
    expect(mergeWarnings([newer], [view('a', 3, T0 + 1, true, 2)])).toEqual([newer]);
    expect(mergeWarnings([view('a', 3, T0 + 1, true, 2)], [newer])).toEqual([newer]);
  });
});
