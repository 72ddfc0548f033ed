/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** Per tile, as requestVideoFrameCallback reports its presented frames. */
export type TileCounts = { presented: number; jumps: number; stalls: number; jumpMaxMs: number };

/** A picture held this long (five frame intervals at 25 fps) is a freeze an officer sees. */
export const STALL_MS = 200;
/** Media advancing this much more than the clock between two shown frames is a jump (three frames skipped beyond pace; a dropped frame or two is not). */
export const JUMP_MS = 120;

/**
 * Counts, per tile video, the frames presented (rVFC presentedFrames, summed
 * over MediaSource resets), jumps (media time ahead of the clock by JUMP_MS
 * between two shown frames, or going back) and stalls (no new frame for
 * STALL_MS), from the moment of the call. Read with `tileCounts`.
 */
export function watchTiles(page: Page, stallMs = STALL_MS, jumpMs = JUMP_MS): Promise<void> {
  return page.evaluate(
    ({ stallMs, jumpMs }) => {
      const videos = Array.from(document.querySelectorAll('[data-testid=video-tile] video')) as HTMLVideoElement[];
      const counts = videos.map(() => ({ presented: 0, jumps: 0, stalls: 0, jumpMaxMs: 0 }));
      (window as unknown as { tileCounts: typeof counts }).tileCounts = counts;
      videos.forEach((video, tile) => {
        let last: { frames: number; media: number; shown: number } | null = null;
        const count = counts[tile]!;
        const onFrame = (_: number, metadata: VideoFrameCallbackMetadata) => {
          const shown = metadata.expectedDisplayTime;
          if (last) {
            // presentedFrames starts over with a new MediaSource (the camera restarted).
            count.presented += metadata.presentedFrames >= last.frames ? metadata.presentedFrames - last.frames : metadata.presentedFrames;
            const ahead = (metadata.mediaTime - last.media) * 1000 - (shown - last.shown);
            if (ahead > jumpMs || metadata.mediaTime < last.media) {
              count.jumps++;
              count.jumpMaxMs = Math.max(count.jumpMaxMs, Math.abs(ahead));
            }
            if (shown - last.shown > stallMs) count.stalls++;
          }
          last = { frames: metadata.presentedFrames, media: metadata.mediaTime, shown };
          video.requestVideoFrameCallback(onFrame);
        };
        video.requestVideoFrameCallback(onFrame);
      });
    },
    { stallMs, jumpMs },
  );
}

/** Each tile's counts since `watchTiles`, and the page's clock (ms) when read. */
export function tileCounts(page: Page): Promise<{ at: number; tiles: TileCounts[] }> {
  return page.evaluate(() => ({ at: performance.now(), tiles: structuredClone((window as unknown as { tileCounts: TileCounts[] }).tileCounts) }));
}
