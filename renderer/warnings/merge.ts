import type { WarningView } from '../core/contract';

/** The order the core lists warnings in: active ones gravest first, then the newest change first. */
function listed(a: WarningView, b: WarningView): number {
  if (a.active !== b.active) return a.active ? -1 : 1;
  return (a.active ? a.level - b.level : 0) || b.changedAt - a.changedAt;
}

/**
 * The list with the warnings a change named put in, in the core's order. A
 * warning's record only grows (its history is the union of its events), so
 * of two copies the one with the longer history is the newer, whichever
 * answer came back last.
 */
export function mergeWarnings(list: readonly WarningView[], changed: readonly WarningView[]): WarningView[] {
  const byId = new Map(list.map((warning) => [warning.id, warning]));
  for (const warning of changed) {
    const held = byId.get(warning.id);
    if (!held || held.history.length <= warning.history.length) byId.set(warning.id, warning);
  }
  return [...byId.values()].sort(listed);
}
