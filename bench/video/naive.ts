/// <reference lib="dom" />
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { Browser } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { benchPage } from '../chromium';

/** ffmpeg as a first attempt runs it: default probing (about 5 s of input), a fragment per GOP. */
const NAIVE = { input: [], movflags: 'frag_keyframe+empty_moov+default_base_moof' };
/** The same pipe tuned as far as it goes without a cache: little probing, no input buffering, a fragment per frame (as the gateway runs ffmpeg). */
const TUNED = { input: ['-fflags', 'nobuffer', '-probesize', '32768', '-analyzeduration', '0'], movflags: 'frag_keyframe+empty_moov+default_base_moof+frag_every_frame' };

/**
 * The pipe a first attempt builds, as the reference: ffmpeg remuxes RTSP to
 * fMP4 straight into a WebSocket, and a page appends everything to MSE and
 * plays. No cache, no live-edge seeking: it waits for the camera's next
 * keyframe. `tuned` probes little and sends a fragment per frame. Measured
 * from the page asking to the first presented frame (rVFC expectedDisplayTime).
 */
export async function naiveFirstFrame(browser: Browser, url: string, tuned = false): Promise<number> {
  const pipe = tuned ? TUNED : NAIVE;
  const server = http.createServer((_, response) => response.end('<!doctype html><video muted autoplay></video>'));
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket) => {
    const child = spawn('ffmpeg', ['-loglevel', 'error', '-rtsp_transport', 'tcp', ...pipe.input, '-i', url, '-c', 'copy', '-an', '-f', 'mp4', '-movflags', pipe.movflags, 'pipe:1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.stdout.on('data', (chunk: Buffer) => socket.send(chunk));
    socket.on('close', () => child.kill('SIGKILL'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const page = await benchPage(browser);
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    return await page.evaluate(
      (wsUrl) =>
        new Promise<number>((resolve) => {
          const started = performance.now();
          const video = document.querySelector('video')!;
          const source = new MediaSource();
          video.src = URL.createObjectURL(source);
          source.addEventListener('sourceopen', () => {
            const buffer = source.addSourceBuffer('video/mp4; codecs="avc1.42C01E"');
            const queue: ArrayBuffer[] = [];
            const pump = () => !buffer.updating && queue.length && buffer.appendBuffer(queue.shift()!);
            buffer.addEventListener('updateend', pump);
            const socket = new WebSocket(wsUrl);
            socket.binaryType = 'arraybuffer';
            socket.onmessage = (event) => (queue.push(event.data as ArrayBuffer), pump());
            video.requestVideoFrameCallback((_, metadata) => resolve(metadata.expectedDisplayTime - started));
            void video.play();
          });
        }),
      `ws://127.0.0.1:${port}/`,
    );
  } finally {
    await page.close();
    for (const client of sockets.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
}
