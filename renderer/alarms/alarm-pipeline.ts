import type { Alarm } from '../core/contract';
import { batched, paced, realClock, type Clock, type Schedule } from './batching';

/** The most ids `alarms.get` takes at once. */
export const GET_LIMIT = 1000;
/** The list is updated at most this often in a storm. */
export const APPLY_GAP_MS = 200;

type Deps = {
  get(ids: string[]): Promise<Alarm[]>;
  apply(alarms: Alarm[]): void;
  onError(error: unknown): void;
  frame: Schedule;
  clock?: Clock;
};

/**
 * From `alarms.changed` to the store: ids named within one frame are fetched
 * with one `alarms.get` (a call per thousand), and what comes back is put in
 * the store at most every APPLY_GAP_MS, so 500 alarms a second cost the list
 * five updates a second, not five hundred.
 */
export function alarmPipeline({ get, apply, onError, frame, clock = realClock }: Deps) {
  let stopped = false;
  const toStore = paced<Alarm>((alarms) => {
    if (!stopped) apply(alarms);
  }, APPLY_GAP_MS, clock);
  const fetchNamed = batched<string>((ids) => {
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += GET_LIMIT) {
      get(unique.slice(start, start + GET_LIMIT)).then(
        (alarms) => {
          if (!stopped) toStore(alarms);
        },
        (error: unknown) => {
          if (!stopped) onError(error);
        },
      );
    }
  }, frame);
  return {
    changed(ids: readonly string[]): void {
      if (!stopped) fetchNamed(...ids);
    },
    /** Alarms the window already has in hand (an action's answer): straight in, paced like the rest. */
    received(alarms: readonly Alarm[]): void {
      if (!stopped) toStore(alarms);
    },
    stop(): void {
      stopped = true;
      fetchNamed.cancel();
      toStore.cancel();
    },
  };
}
