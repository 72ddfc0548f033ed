// An RTSP camera fleet for video tests and benchmarks (DESIGN.md §5 "Video"):
// GStreamer's RTSP server (testing/rtsp/server.py, Debian's python3-gi and
// gir1.2-gst-rtsp-server-1.0) serving H.264 clips that ffmpeg encodes once and
// that are cached in the temp folder. The server only re-timestamps and loops
// them, live, so a camera costs next to no CPU.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, hasExited, sleep, spawnTracked, waitForExit } from './processes';

const SERVER_PY = fileURLToPath(new URL('./rtsp/server.py', import.meta.url));
// Debian's python3, which has gi; a `python3` first on PATH (pyenv, venv) may not.
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const FFMPEG = 'ffmpeg';
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

const READY_TIMEOUT_MS = 20_000;
const EXIT_TIMEOUT_MS = 5_000;
const OUTPUT_LIMIT = 64 * 1024;

export type ClipOptions = {
  /** Default 640. */
  width?: number;
  /** Default 360. */
  height?: number;
  /** Default 25. */
  fps?: number;
  /** Default 10. */
  seconds?: number;
  /** Keyframe interval in seconds; default 2. */
  gopSeconds?: number;
  /** Burn in the stream time (hh:mm:ss.mmm); default true, skipped when DejaVuSans is missing. */
  overlay?: boolean;
};

/**
 * Path of an MP4/H.264 (baseline, no B-frames) test clip, encoded with ffmpeg
 * on first use and cached in the temp folder under a hash of its options.
 */
export function makeClip(options: ClipOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const fps = options.fps ?? 25;
  const seconds = options.seconds ?? 10;
  const gop = Math.max(1, Math.round((options.gopSeconds ?? 2) * fps));
  const overlay = (options.overlay ?? true) && fs.existsSync(FONT);
  let filter = `testsrc2=size=${width}x${height}:rate=${fps}`;
  if (overlay) {
    filter +=
      `,drawtext=fontfile=${FONT}:text='%{pts\\:hms}'` +
      `:x=16:y=16:fontsize=${Math.max(12, Math.round(height / 12))}:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6`;
  }
  const args = [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', filter, '-t', String(seconds)],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-profile:v', 'baseline', '-pix_fmt', 'yuv420p'],
    ...['-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0', '-an', '-movflags', '+faststart'],
  ];
  const hash = createHash('sha256').update(JSON.stringify(args)).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), `vigil-clip-${hash}.mp4`);
  if (fs.existsSync(file)) return file;
  // Written aside and renamed: parallel test workers never see half a clip.
  const partial = `${file}.${process.pid}.${Date.now()}.partial.mp4`;
  const result = spawnSync(FFMPEG, [...args, partial], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) {
    fs.rmSync(partial, { force: true });
    throw new Error(`ffmpeg could not make the test clip (${result.status ?? result.signal}): ${result.error?.message ?? result.stderr}`);
  }
  fs.renameSync(partial, file);
  return file;
}

export type RtspCamera = {
  /** Mount name: served at /cam/<name>. */
  name: string;
  /** Clip path; default makeClip(). */
  clip?: string;
  /** Seconds into the clip this camera starts at; default 0. */
  offset?: number;
};

export type RtspServer = {
  readonly port: number;
  /** rtsp://127.0.0.1:<port>/cam/<name> */
  url(name: string): string;
  readonly running: boolean;
  /** stderr of the current server process (tail). */
  log(): string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for the exit, as a camera or relay that drops off the network. */
  kill(): Promise<void>;
  /** Start again (stopping first if running) on the same port with the same cameras. */
  restart(): Promise<void>;
};

export type RtspServerOptions = { cameras: RtspCamera[] };

type Attempt = { child: ChildProcess; output: () => string };

/** Starts the server and waits for READY; `null` if the port was taken (exit code 2). */
function launch(port: number, cameraArgs: string[]): Promise<Attempt | null> {
  const child = spawnTracked(PYTHON, [SERVER_PY, '--port', String(port), ...cameraArgs]);
  let output = '';
  let stdout = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stderr?.on('data', collect);
  return new Promise((resolve, reject) => {
    const finish = (result: Attempt | null, error?: Error) => {
      clearTimeout(timer);
      child.stdout?.removeListener('data', onStdout);
      child.removeListener('close', onExit);
      if (error) reject(error);
      else resolve(result);
    };
    const onStdout = (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes(`READY ${port}\n`)) finish({ child, output: () => output });
    };
    const onExit = (code: number | null, signal: string | null) => {
      if (code === 2 && /cannot listen/.test(output)) finish(null);
      else finish(null, new Error(`RTSP server exited during start-up (${code ?? signal})\n${output.trimEnd()}`));
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(null, new Error(`RTSP server not READY within ${READY_TIMEOUT_MS} ms\n${output.trimEnd()}`));
    }, READY_TIMEOUT_MS);
    child.stdout?.on('data', onStdout);
    child.once('close', onExit);
    child.once('error', (error) => finish(null, new Error(`cannot start ${PYTHON}: ${error.message}`)));
  });
}

export async function startRtspServer(options: RtspServerOptions): Promise<RtspServer> {
  if (options.cameras.length === 0) throw new Error('startRtspServer: no cameras');
  let defaultClip: string | undefined;
  const cameraArgs = options.cameras.flatMap((camera) => {
    if (!/^[\w.-]+$/.test(camera.name)) throw new Error(`camera name ${JSON.stringify(camera.name)}: letters, digits, _ . - only`);
    const clip = camera.clip ?? (defaultClip ??= makeClip());
    return ['--camera', `${camera.name}=${clip},offset=${camera.offset ?? 0}`];
  });

  let port = 0;
  let current: Attempt | null = null;
  for (let i = 0; i < 5 && !current; i++) {
    port = await freePort();
    current = await launch(port, cameraArgs);
  }
  if (!current) throw new Error('RTSP server found no free port after 5 attempts');

  const signal = async (name: 'SIGTERM' | 'SIGKILL') => {
    if (!current) return;
    if (!hasExited(current.child)) current.child.kill(name);
    await waitForExit(current.child, EXIT_TIMEOUT_MS);
  };

  return {
    port,
    url: (name) => `rtsp://127.0.0.1:${port}/cam/${name}`,
    get running() {
      return current !== null && !hasExited(current.child);
    },
    log: () => current?.output() ?? '',
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    async restart() {
      await signal('SIGTERM');
      // Same port, so clients' URLs stay valid; someone else may hold it a moment.
      for (let i = 0; i < 10; i++) {
        const next = await launch(port, cameraArgs);
        if (next) {
          current = next;
          return;
        }
        await sleep(200);
      }
      throw new Error(`RTSP server could not bind port ${port} again`);
    },
  };
}
