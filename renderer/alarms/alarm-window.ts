import type { Alarm } from '../core/contract';
import { isOlder, newerFirst, toEntry, type AlarmEntry } from './alarm-entry';

export const WINDOW_CAPACITY = 100_000;

/** Fewer new alarms than this are inserted one by one; more are appended and the whole list re-sorted. */
const INSERT_ONE_BY_ONE = 64;

/** Where `alarm` is, or would go, in a newest-first list. */
function positionOf(ordered: readonly AlarmEntry[], alarm: Pick<Alarm, 'raisedAt' | 'id'>): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newerFirst(ordered[middle]!, alarm) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The alarms this window holds: by id, and in one list kept newest first, so
 * the filter is a single pass with no sort. Holds at most `capacity`; the
 * oldest go first and are counted, never dropped silently.
 */
export class AlarmWindow {
  readonly byId = new Map<string, AlarmEntry>();
  /** Newest first. Changed in place: readers take a filtered copy. */
  readonly ordered: AlarmEntry[] = [];
  /** Alarms let go because the window was full. */
  dropped = 0;

  constructor(readonly capacity = WINDOW_CAPACITY) {}

  /** Adds or replaces alarms; returns those this window had not held before. */
  upsert(alarms: readonly Alarm[]): AlarmEntry[] {
    const added: AlarmEntry[] = [];
    // An alarm new to the window may come twice in one batch; it is listed once, as last seen.
    const addedAt = new Map<string, number>();
    for (const alarm of alarms) {
      const known = this.byId.get(alarm.id);
      if (known && isOlder(alarm, known)) continue;
      const entry = toEntry(alarm);
      this.byId.set(alarm.id, entry);
      const pending = addedAt.get(alarm.id);
      if (pending !== undefined) {
        added[pending] = entry;
        continue;
      }
      if (!known) {
        addedAt.set(alarm.id, added.length);
        added.push(entry);
        continue;
      }
      const at = positionOf(this.ordered, known);
      if (this.ordered[at] === known && known.raisedAt === entry.raisedAt) this.ordered[at] = entry;
      else {
        // Raised time is fixed at the first occurrence; should a core ever move it, move the row too.
        if (this.ordered[at] === known) this.ordered.splice(at, 1);
        this.ordered.splice(positionOf(this.ordered, entry), 0, entry);
      }
    }
    if (added.length === 0) return added;
    if (added.length < INSERT_ONE_BY_ONE) {
      for (const entry of added) this.ordered.splice(positionOf(this.ordered, entry), 0, entry);
    } else {
      // Pages and storms arrive nearly in order, which the engine's merge sort handles in about one pass.
      for (const entry of added) this.ordered.push(entry);
      this.ordered.sort(newerFirst);
    }
    this.trim();
    return added.filter((entry) => this.byId.get(entry.id) === entry);
  }

  get size(): number {
    return this.ordered.length;
  }

  clear(): void {
    this.byId.clear();
    this.ordered.length = 0;
    this.dropped = 0;
  }

  private trim(): void {
    const excess = this.ordered.length - this.capacity;
    if (excess <= 0) return;
    for (const entry of this.ordered.splice(this.capacity, excess)) this.byId.delete(entry.id);
    this.dropped += excess;
  }
}
