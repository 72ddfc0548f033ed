export type FrameScheduler = {
  request(callback: () => void): number;
  cancel(handle: number): void;
};

const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/**
 * However many changes arrive between two frames, `flush` runs once, in the
 * next animation frame: a thousand state changes a second cost the chart at
 * most one update per frame, and none at all while the window is hidden.
 */
export function frameBatch(flush: () => void, scheduler: FrameScheduler = animationFrames) {
  let handle: number | null = null;
  const run = () => {
    handle = null;
    flush();
  };
  return {
    request(): void {
      handle ??= scheduler.request(run);
    },
    cancel(): void {
      if (handle !== null) scheduler.cancel(handle);
      handle = null;
    },
    get pending(): boolean {
      return handle !== null;
    },
  };
}
