/// <reference lib="dom" />
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { median } from '../report';

const BLOCK = 40;
const BITS = 8;
const FPS = 25;

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
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'baseline', '-g', String(FPS * 2), '-keyint_min', String(FPS * 2), '-sc_threshold', '0', '-an', file],
  ]);
  return file;
}

/** Decodes the eight blocks, each averaged to one grey value, into the frame number. */
const numberOf = (grey: ArrayLike<number>) => Array.from({ length: BITS }, (_, bit) => (grey[bit]! > 128 ? 1 << bit : 0)).reduce((a, b) => a + b, 0);

/**
 * From a frame's arrival at a direct RTSP client on this host to its
 * presentation on the wall's first tile (requestVideoFrameCallback), matched
 * by frame number, over `seconds`.
 */
export async function addedLatency(page: Page, url: string, seconds: number): Promise<number> {
  const arrivals = new Map<number, number[]>();
  const client = spawn('ffmpeg', [
    ...['-loglevel', 'error', '-threads', '1', '-rtsp_transport', 'tcp', '-fflags', 'nobuffer', '-probesize', '32768', '-analyzeduration', '0', '-i', url],
    ...['-vf', `crop=${BLOCK * BITS}:${BLOCK}:0:0,scale=${BITS}:1:flags=area`, '-pix_fmt', 'gray', '-f', 'rawvideo', '-flush_packets', '1', 'pipe:1'],
  ]);
  let pending = Buffer.alloc(0);
  client.stdout.on('data', (chunk: Buffer) => {
    const at = performance.timeOrigin + performance.now();
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= BITS) {
      const frame = numberOf(pending.subarray(0, BITS));
      pending = pending.subarray(BITS);
      arrivals.set(frame, [...(arrivals.get(frame) ?? []), at]);
    }
  });
  try {
    const presented = await page.evaluate(
      ({ seconds, block, bits }) =>
        new Promise<[number, number][]>((resolve) => {
          const video = document.querySelector('[data-testid=video-tile] video') as HTMLVideoElement;
          const canvas = document.createElement('canvas');
          canvas.width = bits;
          canvas.height = 1;
          const context = canvas.getContext('2d', { willReadFrequently: true })!;
          const seen: [number, number][] = [];
          const until = performance.now() + seconds * 1000;
          const onFrame = (now: number) => {
            const scale = video.videoWidth / 640;
            context.drawImage(video, 0, 0, block * bits * scale, block * scale, 0, 0, bits, 1);
            const pixels = context.getImageData(0, 0, bits, 1).data;
            // Luma (BT.601), as the direct client reads it.
            const grey = Array.from({ length: bits }, (_, bit) => 0.299 * pixels[bit * 4]! + 0.587 * pixels[bit * 4 + 1]! + 0.114 * pixels[bit * 4 + 2]!);
            seen.push([grey.reduce((sum, value, bit) => sum + (value > 128 ? 1 << bit : 0), 0), performance.timeOrigin + now]);
            if (now < until) video.requestVideoFrameCallback(onFrame);
            else resolve(seen);
          };
          video.requestVideoFrameCallback(onFrame);
        }),
      { seconds, block: BLOCK, bits: BITS },
    );
    const latencies = presented.flatMap(([frame, at]) => {
      const arrived = (arrivals.get(frame) ?? []).filter((time) => time <= at + 50).pop();
      return arrived === undefined ? [] : [at - arrived];
    });
    if (latencies.length < presented.length / 2) throw new Error(`recognised ${latencies.length} of ${presented.length} frames: the numbers did not survive`);
    return median(latencies);
  } finally {
    client.kill('SIGKILL');
  }
}
