/**
 * Wall layouts as CSS grids: `cols`×`rows` cells, with `big` the side (in
 * cells) of a large first tile where the layout has one (6 and 8 split).
 */
export type WallLayout = { id: string; cols: number; rows: number; big?: number };

export const LAYOUTS: WallLayout[] = [
  { id: '1', cols: 1, rows: 1 },
  { id: '4', cols: 2, rows: 2 },
  { id: '6', cols: 3, rows: 3, big: 2 },
  { id: '8', cols: 4, rows: 4, big: 3 },
  { id: '9', cols: 3, rows: 3 },
  { id: '16', cols: 4, rows: 4 },
  { id: '25', cols: 5, rows: 5 },
  { id: '36', cols: 6, rows: 6 },
];

/** A custom grid of up to 6×6. */
export function customLayout(cols: number, rows: number): WallLayout {
  const clamp = (value: number) => Math.min(6, Math.max(1, Math.round(value)));
  return { id: `${clamp(cols)}x${clamp(rows)}`, cols: clamp(cols), rows: clamp(rows) };
}

export function layoutById(id: string): WallLayout {
  const known = LAYOUTS.find((layout) => layout.id === id);
  if (known) return known;
  const custom = /^(\d)x(\d)$/.exec(id);
  return custom ? customLayout(Number(custom[1]), Number(custom[2])) : LAYOUTS[1]!;
}

export function tileCount(layout: WallLayout): number {
  const big = layout.big ?? 1;
  return layout.cols * layout.rows - big * big + 1;
}

/** Sub-streams from 9 tiles up: a tile that small gains nothing from the main stream, and the decoder has 16 of them. */
export function profileFor(layout: WallLayout, fullscreen: boolean): 'main' | 'sub' {
  return !fullscreen && tileCount(layout) >= 9 ? 'sub' : 'main';
}

/** Grid placement of tile `index`: the big tile spans `big` cells, the rest fill around it. */
export function tileStyle(layout: WallLayout, index: number): { gridColumn?: string; gridRow?: string } {
  return layout.big && index === 0 ? { gridColumn: `1 / span ${layout.big}`, gridRow: `1 / span ${layout.big}` } : {};
}

/** The tile reached from `index` by an arrow key, in reading order (the grid flows around the big tile). */
export function moveSelection(layout: WallLayout, index: number, key: string): number {
  const count = tileCount(layout);
  const step = key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : key === 'ArrowUp' ? -layout.cols : key === 'ArrowDown' ? layout.cols : 0;
  return Math.min(count - 1, Math.max(0, index + step));
}
