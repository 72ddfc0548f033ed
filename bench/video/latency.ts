/// <reference lib="dom" />
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { pageClockOffset } from '../chromium';

export const BLOCK = 40;
export const BITS = 8;
export const FPS = 25;
/** Frames in the numbered clip: its numbers come round again every ten seconds. */
export const CLIP_FRAMES = 250;
/** The clip's fixed GOP: a keyframe every two seconds. */
const GOP_FRAMES = FPS * 2;

/**
 * A 10 s clip whose frames carry their number (0–249) as eight black or white
 * 40-pixel blocks along the top edge, so a frame can be recognised wherever
 * it is seen: by a direct RTSP client and on the wall. The blocks are grey
 * (neutral chroma): on the test pattern's colours a "white" block turns red
 * or blue in RGB, and a page reading it misrecognised frames.
 */
export function numberedClip(): string {
  const file = path.join(os.tmpdir(), 'vigil-bench-numbered-v2.mp4');
  if (fs.existsSync(file)) return file;
  const bits = `255*mod(floor(N/pow(2,floor(X/${BLOCK}))),2)`;
  // geq's X and Y are per plane: chroma planes are half size, so their blocks are half as big.
  const inBlocks = (size: number) => `lt(Y,${size})*lt(X,${size * BITS})`;
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=640x360:rate=${FPS}`, '-t', '10'],
    ...['-vf', `format=yuv420p,geq=lum='if(${inBlocks(BLOCK)},${bits},lum(X,Y))':cb='if(${inBlocks(BLOCK / 2)},128,cb(X,Y))':cr='if(${inBlocks(BLOCK / 2)},128,cr(X,Y))'`],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'baseline', '-g', String(GOP_FRAMES), '-keyint_min', String(GOP_FRAMES), '-sc_threshold', '0', '-an', file],
  ]);
  return file;
}

/** Decodes the eight blocks, each averaged to one grey value, into the frame number. */
const numberOf = (grey: ArrayLike<number>) => Array.from({ length: BITS }, (_, bit) => (grey[bit]! > 128 ? 1 << bit : 0)).reduce((a, b) => a + b, 0);

/** A frame number seen at a moment (ms on this process's clock, timeOrigin + now). */
export type Sighting = { frame: number; at: number };

/**
 * A direct RTSP client on this host, as the reference for what the camera
 * sent and when: every frame's number and arrival, or with `keyframesOnly`
 * only the keyframes' (decoding one frame in fifty, so sixteen of them cost
 * next to nothing on two cores). Skipping the frames between, ffmpeg's
 * decoder hands out a keyframe only when the next keyframe comes in (measured
 * here: 1.96 s after a full decoder shows it), so a keyframe seen is the
 * arrival of the next one, GOP_FRAMES on: that is what it records. Its time
 * is then the packet's arrival, about a frame before a full decoder shows it,
 * which counts against the wall, never for it.
 */
export function directClient(url: string, options: { keyframesOnly?: boolean } = {}): { sightings: Sighting[]; stop: () => void } {
  const sightings: Sighting[] = [];
  const client = spawn('ffmpeg', [
    ...['-loglevel', 'error', '-threads', '1', '-rtsp_transport', 'tcp', '-fflags', 'nobuffer', '-probesize', '32768', '-analyzeduration', '0'],
    ...(options.keyframesOnly ? ['-skip_frame', 'nokey'] : []),
    ...['-i', url, '-vf', `crop=${BLOCK * BITS}:${BLOCK}:0:0,scale=${BITS}:1:flags=area`, '-fps_mode', 'passthrough'],
    ...['-pix_fmt', 'gray', '-f', 'rawvideo', '-flush_packets', '1', 'pipe:1'],
  ]);
  let pending = Buffer.alloc(0);
  client.stdout.on('data', (chunk: Buffer) => {
    const at = performance.timeOrigin + performance.now();
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= BITS) {
      const frame = numberOf(pending.subarray(0, BITS));
      sightings.push({ frame: options.keyframesOnly ? (frame + GOP_FRAMES) % CLIP_FRAMES : frame, at });
      pending = pending.subarray(BITS);
    }
  });
  return { sightings, stop: () => client.kill('SIGKILL') };
}

/**
 * Reads the frame number of every frame presented by the given tile videos,
 * stamped with requestVideoFrameCallback's expectedDisplayTime (the moment it
 * is shown, not when the callback ran), on the page's clock. Read with
 * `takePresented`.
 */
export function watchNumbers(page: Page, tiles: number[]): Promise<void> {
  return page.evaluate(
    ({ tiles, block, bits }) => {
      const seen: { tile: number; frame: number; at: number }[] = [];
      const state = window as unknown as { presentedNumbers: typeof seen };
      // A later watch (or stopNumbers) ends this one's loops.
      state.presentedNumbers = seen;
      const videos = Array.from(document.querySelectorAll('[data-testid=video-tile] video')) as HTMLVideoElement[];
      for (const tile of tiles) {
        const video = videos[tile]!;
        const canvas = document.createElement('canvas');
        canvas.width = bits;
        canvas.height = 1;
        const context = canvas.getContext('2d', { willReadFrequently: true })!;
        const onFrame = (_: number, metadata: VideoFrameCallbackMetadata) => {
          const scale = video.videoWidth / 640;
          context.drawImage(video, 0, 0, block * bits * scale, block * scale, 0, 0, bits, 1);
          const pixels = context.getImageData(0, 0, bits, 1).data;
          // Luma (BT.601), as the direct client reads it.
          const grey = Array.from({ length: bits }, (_, bit) => 0.299 * pixels[bit * 4]! + 0.587 * pixels[bit * 4 + 1]! + 0.114 * pixels[bit * 4 + 2]!);
          const frame = grey.reduce((sum, value, bit) => sum + (value > 128 ? 1 << bit : 0), 0);
          seen.push({ tile, frame, at: performance.timeOrigin + metadata.expectedDisplayTime });
          if (state.presentedNumbers === seen) video.requestVideoFrameCallback(onFrame);
        };
        video.requestVideoFrameCallback(onFrame);
      }
    },
    { tiles, block: BLOCK, bits: BITS },
  );
}

/** Ends the reading of numbers (it costs the page a canvas read per frame). */
export function stopNumbers(page: Page): Promise<void> {
  return page.evaluate(() => void ((window as unknown as { presentedNumbers: unknown[] }).presentedNumbers = []));
}

/** The frames presented since the last call, on this process's clock. */
export async function takePresented(page: Page): Promise<{ tile: number; frame: number; at: number }[]> {
  const offset = await pageClockOffset(page);
  const taken = await page.evaluate(() => (window as unknown as { presentedNumbers: { tile: number; frame: number; at: number }[] }).presentedNumbers.splice(0));
  return taken.map((seen) => ({ ...seen, at: seen.at - offset }));
}

/**
 * From a frame's arrival at a direct RTSP client on this host to its
 * presentation on the wall's first tile, matched by frame number, over
 * `seconds`: the latency of every frame matched (ms). An arrival after the
 * presentation is never the frame's (the numbers repeat every ten seconds).
 */
export async function addedLatency(page: Page, url: string, seconds: number): Promise<number[]> {
  const client = directClient(url);
  try {
    await watchNumbers(page, [0]);
    await takePresented(page);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const presented = await takePresented(page);
    const arrivals = new Map<number, number[]>();
    for (const { frame, at } of client.sightings) arrivals.set(frame, [...(arrivals.get(frame) ?? []), at]);
    const latencies = presented.flatMap(({ frame, at }) => {
      const arrived = (arrivals.get(frame) ?? []).filter((time) => time <= at).pop();
      return arrived === undefined ? [] : [at - arrived];
    });
    if (latencies.length < presented.length / 2) throw new Error(`recognised ${latencies.length} of ${presented.length} frames: the numbers did not survive`);
    return latencies;
  } finally {
    client.stop();
    await stopNumbers(page);
  }
}
