import { describe, expect, it } from 'vitest';
import { doorView, needsAttention, summariseDoors } from './door-state';

describe('doorView', () => {
  it('shows the reported door while the controller is on line', () => {
    expect(doorView({ status: 'online', door: 'closed' })).toBe('closed');
    expect(doorView({ status: 'online', door: 'forced' })).toBe('forced');
    expect(doorView({ status: 'online', door: 'held_open' })).toBe('held_open');
  });

  it('shows offline over a stale door state, whatever took the controller away', () => {
    expect(doorView({ status: 'offline', door: 'open' })).toBe('offline');
    expect(doorView({ status: 'fault', door: 'closed' })).toBe('offline');
    expect(doorView({ status: 'unknown', door: null })).toBe('offline');
  });

  it('says unknown for an online controller that never reported its door', () => {
    expect(doorView({ status: 'online', door: null })).toBe('unknown');
  });
});

describe('summariseDoors', () => {
  it('counts each door once, under what it shows', () => {
    const counts = summariseDoors([
      { status: 'online', door: 'closed' },
      { status: 'online', door: 'closed' },
      { status: 'online', door: 'open' },
      { status: 'offline', door: 'open' },
      { status: 'online', door: 'forced' },
    ]);
    expect(counts).toEqual({ closed: 2, open: 1, offline: 1, forced: 1, held_open: 0, unknown: 0 });
  });
});

it('marks forced, held open and unreachable doors for attention, not open or closed ones', () => {
  expect(['forced', 'held_open', 'offline'].every((view) => needsAttention(view as 'forced'))).toBe(true);
  expect(needsAttention('open')).toBe(false);
  expect(needsAttention('closed')).toBe(false);
});
