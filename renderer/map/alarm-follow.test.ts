import { describe, expect, it } from 'vitest';
import type { Alarm } from '../core/contract';
import { HANDS_OFF_MS, HOLD_MS, alarmToFollow, mayMove, type Hands } from './alarm-follow';

const NOW = 1_795_000_000_000;
// Asserted rather than annotated, so that fields the contract gains later need not be listed here.
const alarm = (id: string, change: Partial<Alarm> = {}) =>
  ({
    id, source: '32061201011340000001', type: 'intrusion', severity: 'critical', state: 'new', raisedAt: NOW - 1000, lastAt: NOW - 1000, updatedAt: NOW,
    by: null, station: null, note: null, count: 1, steps: 0, escalated: false, sourceName: 'Fence', area: 'N', building: 'A', floor: '1F', ...change,
  }) as Alarm;
/** Nobody near the map, nothing followed yet. */
const idle: Hands = { placing: false, pressed: false, touchedAt: 0, followed: { at: 0, urgency: 0 } };

describe('the alarm the map follows', () => {
  it('is the one the wall would take, and an idle map moves to it', () => {
    const picked = alarmToFollow([alarm('major', { severity: 'major' }), alarm('critical')], NOW, new Set(), idle);
    expect(picked).toMatchObject({ alarm: { id: 'critical' }, move: true });
  });

  it('is never a minor, worked, repeated, stale or already followed alarm', () => {
    const none = [alarm('minor', { severity: 'minor' }), alarm('acked', { state: 'acknowledged' }), alarm('repeat', { count: 2 }), alarm('stale', { raisedAt: NOW - 120_000 }), alarm('seen')];
    expect(alarmToFollow(none, NOW, new Set(['seen']), idle)).toBeNull();
  });

  it('is only offered while an administrator places devices or a button is held', () => {
    expect(alarmToFollow([alarm('a')], NOW, new Set(), { ...idle, placing: true })?.move).toBe(false);
    expect(alarmToFollow([alarm('a')], NOW, new Set(), { ...idle, pressed: true })?.move).toBe(false);
  });
});

describe('when the map may move', () => {
  it('not within ten seconds of the officer touching it, and again after', () => {
    expect(HANDS_OFF_MS).toBe(10_000);
    expect(mayMove(2, { ...idle, touchedAt: NOW - 3_000 }, NOW)).toBe(false);
    expect(mayMove(2, { ...idle, touchedAt: NOW - HANDS_OFF_MS + 1 }, NOW)).toBe(false);
    expect(mayMove(2, { ...idle, touchedAt: NOW - HANDS_OFF_MS }, NOW)).toBe(true);
  });

  it('in a storm, only for a more urgent alarm until the last one has been held a while', () => {
    const justFollowed = (urgency: number): Hands => ({ ...idle, followed: { at: NOW - 1_000, urgency } });
    expect(mayMove(1, justFollowed(2), NOW)).toBe(false);
    expect(mayMove(2, justFollowed(2), NOW)).toBe(false);
    expect(mayMove(2, justFollowed(1), NOW)).toBe(true);
    expect(mayMove(1, { ...idle, followed: { at: NOW - HOLD_MS, urgency: 2 } }, NOW)).toBe(true);
  });
});
