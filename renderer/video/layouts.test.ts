import { describe, expect, it } from 'vitest';
import { LAYOUTS, customLayout, layoutById, moveSelection, profileFor, tileCount } from './layouts';

describe('wall layouts', () => {
  it('holds the tile counts their names promise', () => {
    expect(LAYOUTS.map((layout) => [layout.id, tileCount(layout)])).toEqual(LAYOUTS.map((layout) => [layout.id, Number(layout.id)]));
  });

  it('uses sub-streams from 9 tiles up, and the main stream full-screen', () => {
    expect(profileFor(layoutById('8'), false)).toBe('main');
    expect(profileFor(layoutById('9'), false)).toBe('sub');
    expect(profileFor(layoutById('16'), true)).toBe('main');
  });

  it('keeps custom grids within 6×6 and reads them back from their id', () => {
    expect(customLayout(9, 0)).toEqual({ id: '6x1', cols: 6, rows: 1 });
    expect(layoutById('3x2')).toEqual({ id: '3x2', cols: 3, rows: 2 });
    expect(layoutById('nonsense').id).toBe('4');
  });

  it('moves the selection by arrow keys without leaving the wall', () => {
    const sixteen = layoutById('16');
    expect(moveSelection(sixteen, 0, 'ArrowDown')).toBe(4);
    expect(moveSelection(sixteen, 15, 'ArrowRight')).toBe(15);
    expect(moveSelection(sixteen, 2, 'ArrowUp')).toBe(0);
  });
});
