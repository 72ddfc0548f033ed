import { describe, expect, it } from 'vitest';
import { frameBatch, type FrameScheduler } from './frame-batch';

/** Frames that run only when the test says so. */
function manualFrames() {
  let next = 1;
  const waiting = new Map<number, () => void>();
  const scheduler: FrameScheduler = {
    request(callback) {
      waiting.set(next, callback);
      return next++;
    },
    cancel: (handle) => void waiting.delete(handle),
  };
  return {
    scheduler,
    get waiting() {
      return waiting.size;
    },
    frame() {
      const callbacks = [...waiting.values()];
      waiting.clear();
      for (const callback of callbacks) callback();
    },
  };
}

describe('one update per frame', () => {
  it('runs a burst of requests once, in the next frame', () => {
    const frames = manualFrames();
    let flushes = 0;
    const batch = frameBatch(() => flushes++, frames.scheduler);
    for (let i = 0; i < 1000; i++) batch.request();
    expect(flushes).toBe(0);
    expect(frames.waiting).toBe(1);
    frames.frame();
    expect(flushes).toBe(1);
    expect(batch.pending).toBe(false);
  });

  it('takes a request made during a flush into the following frame', () => {
    const frames = manualFrames();
    let flushes = 0;
    const batch = frameBatch(() => {
      flushes++;
      if (flushes === 1) batch.request();
    }, frames.scheduler);
    batch.request();
    frames.frame();
    expect(flushes).toBe(1);
    expect(batch.pending).toBe(true);
    frames.frame();
    expect(flushes).toBe(2);
  });

  it('runs nothing once cancelled', () => {
    const frames = manualFrames();
    let flushes = 0;
    const batch = frameBatch(() => flushes++, frames.scheduler);
    batch.request();
    batch.cancel();
    frames.frame();
    expect(flushes).toBe(0);
    expect(frames.waiting).toBe(0);
  });
});
