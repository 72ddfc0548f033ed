import { spawn } from 'node:child_process';
import { silentLogger } from '../main/logging/logger';
import { startRtspServer } from '../main/testing/rtsp';
import { CameraStream } from '../main/video/camera-stream';
import { Fmp4Splitter, type Segment } from '../main/video/fmp4';
import { median, type Report } from './report';

const RUNS = 7;

const isPicture = (segment: Segment) => segment.kind === 'fragment' && segment.keyframe;

/** Milliseconds until a viewer of `stream` holds an init segment and a keyframe fragment. */
function firstPicture(stream: CameraStream): Promise<number> {
  const started = performance.now();
  let stop = () => {};
  // A warm stream answers inside watch() itself, before it returns the function that stops.
  const picture = new Promise<number>((resolve) => {
    stop = stream.watch((segment) => isPicture(segment) && resolve(performance.now() - started));
  });
  return picture.finally(() => stop());
}

/** The pipe a first attempt writes: ffmpeg's default probing, one fragment per GOP. */
function naiveFirstPicture(url: string): Promise<number> {
  const started = performance.now();
  const child = spawn('ffmpeg', ['-loglevel', 'error', '-rtsp_transport', 'tcp', '-i', url, '-c', 'copy', '-an', '-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov', 'pipe:1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    const splitter = new Fmp4Splitter((segment) => {
      if (segment.kind === 'fragment') {
        resolve(performance.now() - started);
        child.kill('SIGKILL');
      }
    });
    child.stdout.on('data', (chunk: Buffer) => splitter.push(chunk));
    child.once('exit', () => reject(new Error('naive pipe ended before a picture')));
  });
}

/**
 * At the gateway, time to first picture from a camera that is already streaming (warm: the
 * GOP cache answers), from a camera nobody watches yet (cold: ffmpeg starts
 * and waits for a keyframe), and through a naive ffmpeg → fMP4 pipe, all
 * against the same test cameras with 2 s GOPs, each viewer joining mid-GOP.
 */
export async function video(report: Report): Promise<void> {
  const server = await startRtspServer({ cameras: Array.from({ length: RUNS }, (_, i) => ({ name: `cam${i}`, offset: (i * 0.29) % 2 })) });
  const warm: number[] = [];
  const cold: number[] = [];
  const naive: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const stream = new CameraStream({ source: { kind: 'rtsp', url: server.url(`cam${i}`) } }, { ffmpeg: 'ffmpeg', logger: silentLogger() });
      cold.push(await firstPicture(stream));
      const keepAlive = stream.watch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300 + i * 170)); // join somewhere in the GOP
      warm.push(await firstPicture(stream));
      keepAlive();
      stream.close();
      naive.push(await naiveFirstPicture(server.url(`cam${i}`)));
    }
  } finally {
    await server.stop();
  }
  // Measured at the gateway: the time until a viewer holds an init segment and a keyframe. The
  // first_frame_* figures of the video issue, measured on screen in Chromium, come with the player.
  report.add('gateway_first_picture_warm_median_ms', median(warm), 'ms', 'lower');
  report.add('gateway_first_picture_cold_median_ms', median(cold), 'ms', 'lower');
  report.add('naive_pipe_first_fragment_median_ms', median(naive), 'ms', 'lower');
}
