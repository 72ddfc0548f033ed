import { describe, expect, it } from 'vitest';
import type { Alarm } from '../core/contract';
import { alarmToLink } from './linkage-choice';

const NOW = 1_795_000_000_000;
const alarm = (id: string, change: Partial<Alarm> = {}): Alarm => ({
  id, source: '32061201011340000001', type: 'intrusion', severity: 'critical', state: 'new', raisedAt: NOW - 1000, lastAt: NOW - 1000, updatedAt: NOW,
  by: null, station: null, note: null, count: 1, steps: 0, escalated: false, sourceName: 'Fence', area: 'N', building: 'A', floor: '1F', rule: null, ...change,
});

describe('the alarm that takes the wall', () => {
  it('is the most urgent new alarm, then the newest', () => {
    const picked = alarmToLink([alarm('major', { severity: 'major', raisedAt: NOW - 10 }), alarm('old-critical', { raisedAt: NOW - 5000 }), alarm('critical', { raisedAt: NOW - 100 })], NOW, new Set());
    expect(picked?.id).toBe('critical');
  });

  it('is never a minor, worked, repeated, stale or already shown alarm', () => {
    const none = [
      alarm('minor', { severity: 'minor' }),
      alarm('acked', { state: 'acknowledged' }),
      alarm('repeat', { count: 2 }),
      alarm('stale', { raisedAt: NOW - 120_000 }),
      alarm('shown'),
    ];
    expect(alarmToLink(none, NOW, new Set(['shown']))).toBeNull();
  });
});
