import { describe, expect, it } from 'vitest';
import { ArrivalRate, STORM_WINDOW_MS } from './arrival-rate';

describe('arrival rate', () => {
  it('counts the new alarms of the last five seconds and forgets older ones', () => {
    const rate = new ArrivalRate();
    rate.add(10, 1000);
    rate.add(20, 3000);
    expect(rate.recent(3000)).toBe(30);
    expect(rate.recent(1000 + STORM_WINDOW_MS + 300)).toBe(20);
    expect(rate.recent(3000 + STORM_WINDOW_MS + 300)).toBe(0);
  });

  it('holds a steady storm at its rate however long it lasts', () => {
    const rate = new ArrivalRate();
    for (let ms = 0; ms < 60_000; ms += 10) rate.add(5, ms);
    expect(rate.recent(60_000 - 10)).toBeGreaterThanOrEqual(2400);
    expect(rate.recent(60_000 - 10)).toBeLessThanOrEqual(2500);
  });
});
