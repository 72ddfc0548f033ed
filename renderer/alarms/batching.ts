/** Runs a callback later; returns how to call it off. */
export type Schedule = (callback: () => void) => () => void;

/**
 * The next animation frame, or at the latest `fallbackMs`: a window behind
 * another or minimised gets no frames, yet its alarms must still arrive and
 * sound.
 */
export function nextFrame(fallbackMs = 100): Schedule {
  return (callback) => {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      callback();
    };
    const frame = requestAnimationFrame(run);
    const timer = setTimeout(run, fallbackMs);
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  };
}

/** Collects items and hands them over together, once per `schedule` (one animation frame by default). */
export function batched<T>(flush: (items: T[]) => void, schedule: Schedule) {
  let items: T[] = [];
  let cancel: (() => void) | null = null;
  const push = (...more: T[]) => {
    for (const item of more) items.push(item);
    cancel ??= schedule(() => {
      cancel = null;
      const batch = items;
      items = [];
      flush(batch);
    });
  };
  push.cancel = () => {
    cancel?.();
    cancel = null;
    items = [];
  };
  return push;
}

export type Clock = { now(): number; after(ms: number, callback: () => void): () => void };

export const realClock: Clock = {
  now: () => performance.now(),
  after: (ms, callback) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

/**
 * Hands items over at once when the last hand-over is `gapMs` old, else
 * together when it will be: a single alarm shows without delay, a storm
 * costs the list at most one update per `gapMs`.
 */
export function paced<T>(flush: (items: T[]) => void, gapMs: number, clock: Clock = realClock) {
  let items: T[] = [];
  let last = -Infinity;
  let cancel: (() => void) | null = null;
  const run = () => {
    cancel = null;
    last = clock.now();
    const batch = items;
    items = [];
    flush(batch);
  };
  const push = (more: readonly T[]) => {
    for (const item of more) items.push(item);
    if (cancel) return;
    const wait = last + gapMs - clock.now();
    if (wait <= 0) run();
    else cancel = clock.after(wait, run);
  };
  push.cancel = () => {
    cancel?.();
    cancel = null;
    items = [];
  };
  return push;
}
