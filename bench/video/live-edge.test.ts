import { describe, expect, it } from 'vitest';
import { liveEdge, type Presented } from './live-edge';

const FRAME_MS = 40;
/** The direct client saw keyframe 0 arrive at 1000 ms and keyframe 50 two seconds later. */
const keyframes = [[{ frame: 0, at: 1000 }, { frame: 50, at: 3000 }]];
const arrival = (frame: number) => 1000 + frame * FRAME_MS;

describe('live edge', () => {
  it('measures each frame from its arrival, and counts a catch-up as a jump', () => {
    // 600 ms behind for thirty frames, then the player jumps to 100 ms behind.
    const behind: Presented[] = Array.from({ length: 30 }, (_, frame) => ({ tile: 0, frame, at: arrival(frame) + 600 }));
    const caughtUp: Presented[] = Array.from({ length: 8 }, (_, i) => ({ tile: 0, frame: 42 + i, at: arrival(42 + i) + 100 }));
    const edge = liveEdge([[...behind, ...caughtUp]], keyframes);
    expect(edge.lags).toEqual([...behind.map(() => 600), ...caughtUp.map(() => 100)]);
    expect(edge.jumps).toHaveLength(1);
    expect(edge.jumps[0]).toBeCloseTo(13 * FRAME_MS - 20);
    expect(edge.misread).toBe(0);
  });

  it('leaves a misread number out and does not take the gap between two turns for a jump', () => {
    const first: Presented[] = [0, 1, 2, 200, 3, 4].map((frame, i) => ({ tile: 0, frame, at: 1100 + i * FRAME_MS }));
    const second: Presented[] = [40, 41, 42].map((frame) => ({ tile: 0, frame, at: arrival(frame) + 100 }));
    const edge = liveEdge([first, second], keyframes);
    expect(edge.misread).toBe(1);
    expect(edge.jumps).toEqual([]);
    expect(edge.lags).toHaveLength(8);
  });
});
