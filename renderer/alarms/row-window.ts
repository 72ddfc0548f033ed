/** Rows drawn beyond the visible ones, so a fast scroll does not show blank space. */
const OVERSCAN = 8;

export function visibleRange(count: number, rowHeight: number, scrollTop: number, height: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return [first, Math.max(first, last)];
}

/** The scroll position that brings row `index` into view, moving as little as possible. */
export function scrollFor(index: number, rowHeight: number, scrollTop: number, height: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + height) return top + rowHeight - height;
  return scrollTop;
}
