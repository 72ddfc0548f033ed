// An RTSP camera fleet for video tests and benchmarks (DESIGN.md §5 "Video"):
// GStreamer's RTSP server (testing/rtsp/server.py, Debian's python3-gi and
// gir1.2-gst-rtsp-server-1.0) serving H.264/H.265 clips, with or without
// AAC/G.711 audio, that ffmpeg encodes once and that are cached in the temp
// folder. The server only re-timestamps and loops them, live, so a camera
// costs next to no CPU; it also serves clips as NVR recordings (seekable, not
// live) and can drop a camera off the network and bring it back.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
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
const CONTROL_TIMEOUT_MS = 5_000;

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
  /** Default 'h264' (baseline); 'h265' is Main profile. Neither has B-frames. */
  codec?: 'h264' | 'h265';
  /** A 440 Hz tone: AAC-LC 16 kHz mono, or G.711 A-law 8 kHz mono as cameras send. Default none. */
  audio?: 'aac' | 'pcma';
};

// Fixed GOPs without B-frames, as cameras encode: every keyframe where the GOP says.
const VIDEO = {
  h264: (gop: number) => [
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-profile:v', 'baseline'],
    ...['-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0'],
  ],
  // hvc1: parameter sets in the sample entry, as qtdemux and rtph265pay expect.
  h265: (gop: number) => [
    ...['-c:v', 'libx265', '-preset', 'ultrafast', '-tag:v', 'hvc1'],
    ...['-x265-params', `keyint=${gop}:min-keyint=${gop}:scenecut=0:bframes=0:log-level=error`],
  ],
} as const;

const AUDIO = {
  aac: { rate: 16_000, args: ['-c:a', 'aac', '-b:a', '32k', '-ac', '1'] },
  pcma: { rate: 8_000, args: ['-c:a', 'pcm_alaw', '-ac', '1'] },
} as const;

/**
 * Path of a test clip (MP4, or QuickTime with G.711), encoded with ffmpeg on
 * first use and cached in the temp folder under a hash of its options.
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
  const audio = options.audio ? AUDIO[options.audio] : null;
  const args = [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', filter],
    ...(audio ? ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=${audio.rate}`, '-map', '0:v', '-map', '1:a', ...audio.args] : ['-an']),
    ...['-t', String(seconds), ...VIDEO[options.codec ?? 'h264'](gop), '-pix_fmt', 'yuv420p', '-movflags', '+faststart'],
  ];
  const hash = createHash('sha256').update(JSON.stringify(args)).digest('hex').slice(0, 16);
  // ffmpeg 5.1 has no G.711 in MP4; QuickTime carries it, and qtdemux reads both.
  const file = path.join(os.tmpdir(), `vigil-clip-${hash}.${options.audio === 'pcma' ? 'mov' : 'mp4'}`);
  if (fs.existsSync(file)) return file;
  // Written aside and renamed: parallel test workers never see half a clip.
  const partial = `${file}.${process.pid}.${Date.now()}.partial${path.extname(file)}`;
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

/** A clip served as an NVR plays back a recording: not live, seekable, its video only. */
export type RtspRecording = {
  /** Mount name: served at /record/<name>. */
  name: string;
  /** Clip path; default makeClip({ seconds: 60 }). */
  clip?: string;
};

export type RtspServer = {
  readonly port: number;
  /** rtsp://127.0.0.1:<port>/cam/<name> */
  url(name: string): string;
  /** rtsp://127.0.0.1:<port>/record/<name>: the clip as an NVR plays back a recording, seekable with PLAY `Range: npt=…`. */
  recordUrl(name: string): string;
  readonly running: boolean;
  /** stderr of the current server process (tail). */
  log(): string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for the exit, as a camera or relay that drops off the network. */
  kill(): Promise<void>;
  /** Start again (stopping first if running) on the same port with the same cameras, all of them up. */
  restart(): Promise<void>;
  /**
   * One camera drops off the network while the others stay: its clients'
   * connections close and its mount answers 404, until `restoreCamera` or,
   * with `forMs`, until that long has passed. Resolves once it is gone.
   */
  dropCamera(name: string, forMs?: number): Promise<void>;
  /** Brings a dropped camera back; resolves once it serves again. */
  restoreCamera(name: string): Promise<void>;
};

/** A sign-in every mount asks for, as a camera with a user set up does. */
export type RtspAuth = { method: 'basic' | 'digest'; username: string; password: string };

export type RtspServerOptions = { cameras?: RtspCamera[]; recordings?: RtspRecording[]; auth?: RtspAuth };

type Attempt = { child: ChildProcess; output: () => string; control: string };

let launches = 0;
// The control sockets of this process's servers: a server killed, or killed
// with this process, leaves its socket file behind.
const controlSockets = new Set<string>();
const removeSocket = (file: string) => {
  fs.rmSync(file, { force: true });
  controlSockets.delete(file);
};
process.once('exit', () => controlSockets.forEach(removeSocket));

/** Starts the server and waits for READY; `null` if the port was taken (exit code 2). */
function launch(port: number, sourceArgs: string[], auth?: RtspAuth): Promise<Attempt | null> {
  const control = path.join(os.tmpdir(), `vigil-rtsp-${process.pid}-${++launches}.sock`);
  controlSockets.add(control);
  const signIn = auth ? ['--auth', `${auth.method}:${auth.username}`] : [];
  const child = spawnTracked(PYTHON, [SERVER_PY, '--port', String(port), '--control', control, ...signIn, ...sourceArgs], auth && `${auth.password}\n`);
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
      if (stdout.includes(`READY ${port}\n`)) finish({ child, output: () => output, control });
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

/** One line to the server's control socket; resolves on its "OK". */
function command(socketPath: string, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    let reply = '';
    const done = (error?: Error) => {
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    socket.setTimeout(CONTROL_TIMEOUT_MS, () => done(new Error(`RTSP server: no answer to ${JSON.stringify(line)}`)));
    socket.once('connect', () => socket.write(`${line}\n`));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (!reply.includes('\n')) return;
      const answer = reply.trim();
      done(answer === 'OK' ? undefined : new Error(`RTSP server: ${line}: ${answer}`));
    });
    socket.once('error', (error) => done(new Error(`RTSP server control: ${error.message}`)));
  });
}

const NAME = /^[\w.-]+$/;

function checkName(kind: string, name: string): void {
  if (!NAME.test(name)) throw new Error(`${kind} name ${JSON.stringify(name)}: letters, digits, _ . - only`);
}

export async function startRtspServer(options: RtspServerOptions): Promise<RtspServer> {
  const cameras = options.cameras ?? [];
  const recordings = options.recordings ?? [];
  if (cameras.length === 0 && recordings.length === 0) throw new Error('startRtspServer: no cameras and no recordings');
  let defaultClip: string | undefined;
  const sourceArgs = [
    ...cameras.flatMap((camera) => {
      checkName('camera', camera.name);
      const clip = camera.clip ?? (defaultClip ??= makeClip());
      return ['--camera', `${camera.name}=${clip},offset=${camera.offset ?? 0}`];
    }),
    ...recordings.flatMap((recording) => {
      checkName('recording', recording.name);
      return ['--record', `${recording.name}=${recording.clip ?? makeClip({ seconds: 60 })}`];
    }),
  ];
  const cameraNames = new Set(cameras.map((camera) => camera.name));

  let port = 0;
  let current: Attempt | null = null;
  for (let i = 0; i < 5 && !current; i++) {
    port = await freePort();
    current = await launch(port, sourceArgs, options.auth);
  }
  if (!current) throw new Error('RTSP server found no free port after 5 attempts');

  const signal = async (name: 'SIGTERM' | 'SIGKILL') => {
    if (!current) return;
    if (!hasExited(current.child)) current.child.kill(name);
    await waitForExit(current.child, EXIT_TIMEOUT_MS);
    removeSocket(current.control);
  };
  const control = (line: string, name: string) => {
    if (!cameraNames.has(name)) return Promise.reject(new Error(`no camera ${JSON.stringify(name)}`));
    if (!current || hasExited(current.child)) return Promise.reject(new Error('RTSP server is not running'));
    return command(current.control, line);
  };

  return {
    port,
    url: (name) => `rtsp://127.0.0.1:${port}/cam/${name}`,
    recordUrl: (name) => `rtsp://127.0.0.1:${port}/record/${name}`,
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
        const next = await launch(port, sourceArgs, options.auth);
        if (next) {
          current = next;
          return;
        }
        await sleep(200);
      }
      throw new Error(`RTSP server could not bind port ${port} again`);
    },
    dropCamera(name, forMs) {
      if (forMs !== undefined && !(Number.isInteger(forMs) && forMs > 0)) return Promise.reject(new Error(`dropCamera: forMs ${forMs} is not a positive integer`));
      return control(forMs === undefined ? `drop ${name}` : `drop ${name} ${forMs}`, name);
    },
    restoreCamera: (name) => control(`restore ${name}`, name),
  };
}
