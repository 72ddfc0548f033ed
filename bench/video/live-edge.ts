import { CLIP_FRAMES, FPS, type Sighting } from './latency';
import { JUMP_MS } from './tiles';

const FRAME_MS = 1000 / FPS;
const CLIP_MS = CLIP_FRAMES * FRAME_MS;
/** Farther apart than this (forward, in frames) from both neighbours, a number was misread, not shown. */
const PLAUSIBLE_FRAMES = 2 * FPS;
/** A frame shown up to this long before its interpolated arrival is interpolation error, not a frame from ten seconds before. */
const EARLY_MS = 1000;

export type Presented = { tile: number; frame: number; at: number };

/** Frames from `from` forward to `to`, round the clip's loop. */
const forward = (from: number, to: number) => (to - from + CLIP_FRAMES) % CLIP_FRAMES;

/**
 * How far behind the live edge each presented frame was: its presentation
 * minus its arrival at a direct RTSP client. The direct clients decode only
 * keyframes (sixteen full decoders would take the cores the wall runs on), so
 * a frame's arrival is its GOP's keyframe's plus its distance in frames at
 * 25 fps, as the cameras send on the wall clock. Also the jumps: the picture
 * moving ahead of the clock by more than JUMP_MS between two shown frames, or
 * back. Numbers that fit neither neighbour are misreads, left out and counted.
 * `turns` are the watches, one after another: frames follow each other only
 * within a turn.
 */
export function liveEdge(turns: Presented[][], keyframes: Sighting[][]): { lags: number[]; jumps: number[]; misread: number } {
  const lags: number[] = [];
  const jumps: number[] = [];
  let misread = 0;
  const sequences = keyframes.flatMap((references, tile) => turns.map((turn) => ({ references, shown: turn.filter((seen) => seen.tile === tile) })));
  for (const { references, shown } of sequences) {
    const plausible = shown.filter((seen, i) => {
      const before = shown[i - 1];
      const after = shown[i + 1];
      const fits = (before && forward(before.frame, seen.frame) <= PLAUSIBLE_FRAMES) || (after && forward(seen.frame, after.frame) <= PLAUSIBLE_FRAMES);
      if (!fits) misread++;
      return fits;
    });
    let reference = -1;
    for (const [i, seen] of plausible.entries()) {
      while (reference + 1 < references.length && references[reference + 1]!.at <= seen.at) reference++;
      const keyframe = references[reference];
      if (keyframe) {
        const behind = seen.at - (keyframe.at + forward(keyframe.frame, seen.frame) * FRAME_MS);
        // The numbers come round every ten seconds: the arrival is the latest one not long after the presentation.
        lags.push(behind - Math.ceil((behind - (CLIP_MS - EARLY_MS)) / CLIP_MS) * CLIP_MS);
      }
      const previous = plausible[i - 1];
      if (!previous) continue;
      let moved = forward(previous.frame, seen.frame);
      if (moved > CLIP_FRAMES / 2) moved -= CLIP_FRAMES;
      const ahead = moved * FRAME_MS - (seen.at - previous.at);
      if (ahead > JUMP_MS || moved < 0) jumps.push(Math.abs(ahead));
    }
  }
  return { lags, jumps, misread };
}
