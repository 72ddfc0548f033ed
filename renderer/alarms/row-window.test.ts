import { describe, expect, it } from 'vitest';
import { scrollFor, visibleRange } from './row-window';

describe('the rows in view', () => {
  it('draws the rows in view and a few either side, within the list', () => {
    expect(visibleRange(100_000, 28, 0, 560)).toEqual([0, 28]);
    expect(visibleRange(100_000, 28, 28 * 5000, 560)).toEqual([4992, 5028]);
    expect(visibleRange(100_000, 28, 28 * 99_990, 560)).toEqual([99_982, 100_000]);
    expect(visibleRange(3, 28, 0, 560)).toEqual([0, 3]);
    expect(visibleRange(0, 28, 0, 560)).toEqual([0, 0]);
  });

  it('scrolls only as far as needed to show a row', () => {
    // In view: stays.
    expect(scrollFor(5, 28, 0, 280)).toBe(0);
    // Below: its bottom edge meets the viewport's.
    expect(scrollFor(10, 28, 0, 280)).toBe(11 * 28 - 280);
    // Above: its top edge meets the viewport's.
    expect(scrollFor(2, 28, 28 * 50, 280)).toBe(56);
  });
});
