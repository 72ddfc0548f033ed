import type { Clock, Schedule } from './batching';

/** A clock tests move by hand, with the timers and frames that run as it moves. */
export function fakeClock() {
  let now = 0;
  let timers: { at: number; callback: () => void }[] = [];
  let frames: (() => void)[] = [];
  const clock: Clock = {
    now: () => now,
    after(ms, callback) {
      const timer = { at: now + ms, callback };
      timers.push(timer);
      return () => {
        timers = timers.filter((candidate) => candidate !== timer);
      };
    },
  };
  const frame: Schedule = (callback) => {
    frames.push(callback);
    return () => {
      frames = frames.filter((candidate) => candidate !== callback);
    };
  };
  return {
    clock,
    frame,
    /** Runs the frame callbacks waiting now. */
    paint() {
      const due = frames;
      frames = [];
      for (const callback of due) callback();
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const next = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((timer) => timer !== next);
        now = next.at;
        next.callback();
      }
      now = until;
    },
    get pendingFrames() {
      return frames.length;
    },
  };
}
