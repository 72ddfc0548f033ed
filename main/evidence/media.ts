import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { StreamSource } from '../video/camera-stream';
import type { MediaPort } from './types';

export type RecorderMediaDeps = {
  ffmpeg: string;
  /** CameraSources.recording: where the camera's recording of `from`–`to` plays (the NVR's URL, or the demo's clip). */
  recording: (camera: string, from: Date, to: Date, speed: number) => StreamSource;
  /** The gateway's picture of the camera now (VideoGateway.snapshot). */
  liveSnapshot: (camera: string) => Promise<Buffer>;
  now?: () => number;
};

/** A snapshot asked for this recently is the camera's live picture: the NVR may not have written those seconds yet. */
const LIVE_WITHIN_MS = 10_000;
/** ffmpeg may take this long beyond the clip's length (recorders play in real time) before it is given up. */
const SLACK_MS = 30_000;
/** The demo clips' length (scripts/make-demo-clips.mjs): a demo "recording" is one looped. */
const DEMO_CLIP_SECONDS = 8;
const STDERR_LIMIT = 2_000;

/**
 * Clips and snapshots from the cameras' recordings through ffmpeg: copied
 * as recorded (no re-encoding, so the clip is the recorder's own frames),
 * written to a file as they arrive.
 */
export function recorderMedia(deps: RecorderMediaDeps): MediaPort {
  const now = deps.now ?? Date.now;
  return {
    async clip(camera, from, to, outFile) {
      const source = recordingOf(deps, camera, from, to);
      const output = ['-map', '0:v:0', '-c', 'copy', '-an', '-movflags', '+faststart', '-f', 'mp4', '-y', outFile];
      await runFfmpeg(deps.ffmpeg, [...inputOf(source, (to - from) / 1000), ...output], to - from + SLACK_MS, outFile);
    },
    async snapshot(camera, at, outFile) {
      if (at >= now() - LIVE_WITHIN_MS) {
        await fs.promises.writeFile(outFile, await deps.liveSnapshot(camera));
        return;
      }
      const source = recordingOf(deps, camera, at, at + 2_000);
      const output = ['-map', '0:v:0', '-frames:v', '1', '-q:v', '3', '-c:v', 'mjpeg', '-f', 'image2', '-y', outFile];
      await runFfmpeg(deps.ffmpeg, [...inputOf(source, 2), ...output], SLACK_MS, outFile);
    },
  };
}

function recordingOf(deps: RecorderMediaDeps, camera: string, from: number, to: number): Extract<StreamSource, { kind: 'recording' }> {
  const source = deps.recording(camera, new Date(from), new Date(to), 1);
  if (source.kind !== 'recording') throw new Error(`${camera}: not a recording`);
  return source;
}

/** ffmpeg's input: the NVR over RTSP, seeking server-side as playback.ts explains; or the demo's looped clip. */
function inputOf(source: Extract<StreamSource, { kind: 'recording' }>, seconds: number): string[] {
  const common = ['-hide_banner', '-loglevel', 'error', '-nostdin'];
  const duration = source.durationSeconds ?? seconds;
  if (/^rtsps?:/.test(source.url)) {
    return [
      ...common,
      ...['-rtsp_transport', 'tcp', '-allowed_media_types', 'video', '-seek_timestamp', '1'],
      ...(source.seekSeconds > 0 ? ['-ss', source.seekSeconds.toFixed(3)] : []),
      // Hikvision and Dahua stop at the URL's end time; a generic recorder has to be told.
      ...(source.durationSeconds !== null ? ['-t', duration.toFixed(3)] : []),
      ...['-i', source.url],
    ];
  }
  return [...common, '-stream_loop', '-1', '-ss', (source.seekSeconds % DEMO_CLIP_SECONDS).toFixed(3), '-t', duration.toFixed(3), '-i', source.url];
}

function runFfmpeg(ffmpeg: string, args: string[], timeoutMs: number, outFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_LIMIT);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ffmpeg: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const size = fs.existsSync(outFile) ? fs.statSync(outFile).size : 0;
      if (code === 0 && size > 0) return resolve();
      // The recorder's URL may carry credentials: never in a reason that reaches a manifest.
      const said = stderr.replace(/\/\/[^@/\s]*@/g, '//***@').trim().split('\n').slice(-2).join(' ');
      if (signal) reject(new Error(`the recorder did not deliver within ${Math.round(timeoutMs / 1000)} s`));
      else reject(new Error(said || (code === 0 ? 'the recorder sent no video for this time' : `ffmpeg exited with ${code}`)));
    });
  });
}
