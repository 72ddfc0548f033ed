import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from '../logging/logger';
import { Fmp4Splitter, GopCache, codecOf, type Segment } from './fmp4';
import { playbackArguments } from './playback';

export type Viewer = (segment: Segment) => void;

/**
 * Where a stream comes from: a camera over RTSP, a clip looped at real time
 * (the demo park), or a recording played from `seekSeconds` at `speed` — from
 * an NVR over RTSP or, in the demo, from a looped clip.
 */
export type StreamSource =
  | { kind: 'rtsp'; url: string; label?: string }
  | { kind: 'loop'; file: string }
  | { kind: 'recording'; url: string; label?: string; seekSeconds: number; speed: number; durationSeconds: number | null };

/**
 * A source as the gateway runs it: remuxed, or transcoded to H.264 of this
 * height for a renderer that cannot decode it; silent, or with its sound.
 */
export type StreamProfile = { source: StreamSource; transcodeHeight?: number; audio?: boolean };

export type StreamHealth = {
  source: string;
  viewers: number;
  running: boolean;
  warm: boolean;
  codec: string | null;
  transcoding: boolean;
  /** Fragments per second since ffmpeg last started (0 while idle): one per frame, so the camera's frame rate. */
  fragments: number;
  /** Bytes since ffmpeg last started. */
  bytes: number;
  /** Bit rate since ffmpeg last started (0 while idle). */
  kbps: number;
  restarts: number;
  lastFragmentAt: number | null;
};

const BACKOFF_MS = [500, 1000, 2000, 5000, 10_000];

function inputArguments(source: Exclude<StreamSource, { kind: 'recording' }>): string[] {
  // Live input: little probing (the SDP or the moov names the codec), no input buffering.
  const live = ['-fflags', 'nobuffer', '-probesize', '32768', '-analyzeduration', '0'];
  return source.kind === 'rtsp'
    ? ['-rtsp_transport', 'tcp', ...live, '-i', source.url]
    : ['-re', '-stream_loop', '-1', ...live, '-i', source.file];
}

/**
 * ffmpeg arguments for a live source as fragmented MP4: remuxed (`-c:v copy`)
 * whenever the renderer can decode it, one fragment per frame (a frame goes
 * out as soon as ffmpeg has it, and a GOP cache can start a viewer at any
 * frame); otherwise transcoded to H.264 at sub-stream size, as cheaply as
 * x264 allows. Sound is dropped unless asked for; then it is encoded to
 * AAC-LC mono, since cameras send G.711 (which MSE cannot play) or AAC in
 * RTP forms MP4 cannot always carry, and a camera without sound still plays.
 */
export function ffmpegArguments(profile: StreamProfile): string[] {
  if (profile.source.kind === 'recording') return recordingArguments(profile.source);
  const video = profile.transcodeHeight
    ? ['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-vf', `scale=-2:${profile.transcodeHeight}`, '-g', '25', '-bf', '0']
    : ['-c:v', 'copy'];
  const audio = profile.audio ? ['-map', '0:a:0?', '-c:a', 'aac', '-b:a', '48k', '-ac', '1'] : ['-an'];
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
    ...inputArguments(profile.source),
    ...['-map', '0:v:0', ...video, ...audio],
    ...['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof+frag_every_frame', '-flush_packets', '1', 'pipe:1'],
  ];
}

/** What a source is, for logs and the Ops panel: never its credentials. */
export function describeSource(source: StreamSource): string {
  if (source.kind === 'loop') return `loop:${source.file.split(/[\\/]/).pop()}`;
  // A camera reached through the relay is named by its own address, not the relay's route.
  const url = source.label ?? redact(source.url);
  return source.kind === 'rtsp' ? url : `recording:${url}@${source.seekSeconds}s`;
}

/** A recording from an NVR (playback.ts), or in the demo a clip played from the same point of its loop. */
function recordingArguments(source: Extract<StreamSource, { kind: 'recording' }>): string[] {
  if (/^rtsps?:/.test(source.url)) return playbackArguments(source.url, source);
  const args = ffmpegArguments({ source: { kind: 'loop', file: source.url } });
  const at = args.indexOf('-i');
  return [...args.slice(0, at), '-ss', (source.seekSeconds % DEMO_CLIP_SECONDS).toFixed(3), ...(source.durationSeconds ? ['-t', String(source.durationSeconds)] : []), ...args.slice(at)];
}

/** The demo clips' length (scripts/make-demo-clips.mjs): a demo "recording" repeats it. */
const DEMO_CLIP_SECONDS = 8;

/**
 * One camera profile: one ffmpeg, fanned out to every viewer. A viewer who
 * joins gets the cached init segment and GOP at once, then live fragments.
 * ffmpeg is restarted with back-off when the camera drops, and stopped a
 * while after the last viewer leaves.
 */
export class CameraStream {
  private child: ChildProcess | null = null;
  private readonly viewers = new Set<Viewer>();
  private cache = new GopCache();
  /** Viewers that have had this process's init segment and a keyframe; the others wait for one. */
  private synced = new Set<Viewer>();
  private idleTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private closed = false;
  private readonly health: Omit<StreamHealth, 'viewers' | 'running' | 'kbps' | 'warm'>;
  /** Holds that keep ffmpeg running with no viewer (warm streams). */
  private holds = 0;
  private readonly dropListeners = new Map<Viewer, (ended: boolean) => void>();
  private startedAt = 0;

  constructor(
    readonly profile: StreamProfile,
    private readonly options: { ffmpeg: string; logger: Logger; idleStopMs?: number },
  ) {
    this.health = { source: describeSource(profile.source), codec: null, transcoding: !!profile.transcodeHeight, fragments: 0, bytes: 0, restarts: 0, lastFragmentAt: null };
  }

  /**
   * Starts watching; `onDrop` hears when the camera went away (it is
   * retried) or a recording ended (`ended`, not retried). Returns the function that stops.
   */
  watch(viewer: Viewer, onDrop?: (ended: boolean) => void): () => void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.viewers.add(viewer);
    if (onDrop) this.dropListeners.set(viewer, onDrop);
    const snapshot = this.cache.snapshot();
    if (snapshot) {
      for (const part of snapshot) viewer(part);
      this.synced.add(viewer);
    }
    // Someone asks for the camera now: a retry waiting out its back-off (up to 10 s) goes at once.
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (!this.child) this.start();
    return () => {
      this.viewers.delete(viewer);
      this.synced.delete(viewer);
      this.dropListeners.delete(viewer);
      this.idleSoon();
    };
  }

  /**
   * Keeps ffmpeg running, and the GOP cached, with nobody watching: the first
   * viewer then gets a picture at once. Returns the function that lets go.
   */
  hold(): () => void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.holds++;
    if (!this.child && !this.retryTimer) this.start();
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.holds--;
      this.idleSoon();
    };
  }

  /** Stops ffmpeg a while after the last viewer and hold are gone. */
  private idleSoon(): void {
    if (this.viewers.size > 0 || this.holds > 0 || this.closed || this.idleTimer) return;
    this.idleTimer = setTimeout(() => this.stopProcess(), this.options.idleStopMs ?? 10_000);
    this.idleTimer.unref();
  }

  stats(): StreamHealth {
    const seconds = this.child ? (Date.now() - this.startedAt) / 1000 : 0;
    const rate = (count: number) => (seconds ? count / seconds : 0);
    return { ...this.health, fragments: rate(this.health.fragments), kbps: rate((this.health.bytes * 8) / 1000), viewers: this.viewers.size, running: !!this.child, warm: this.holds > 0 };
  }

  private start(): void {
    // Rates are of the running process: an idle stream has none, a restarted one starts its own.
    this.startedAt = Date.now();
    this.health.fragments = 0;
    this.health.bytes = 0;
    const child = spawn(this.options.ffmpeg, ffmpegArguments(this.profile), { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    // A new process has its own init segment: every viewer starts again from its first keyframe.
    this.synced = new Set();
    this.cache = new GopCache();
    const splitter = new Fmp4Splitter((segment) => this.deliver(segment));
    let errors = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      try {
        splitter.push(chunk);
      } catch (error) {
        // Bytes that are not fMP4 (or a viewer that threw) must not take the station down: start this camera over.
        if (this.child !== child) return;
        this.options.logger.error({ source: this.health.source, error: (error as Error).message, head: chunk.subarray(0, 16).toString('hex') }, 'camera stream unreadable; restarting it');
        child.stdout!.removeAllListeners('data');
        child.kill('SIGKILL');
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
    child.once('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = null;
      if (this.closed || (this.viewers.size === 0 && this.holds === 0)) return;
      if (this.profile.source.kind === 'recording' && code === 0) {
        for (const listener of this.dropListeners.values()) listener(true);
        return;
      }
      // The camera dropped or refused: try again with back-off while anyone is watching.
      const delay = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)]!;
      this.options.logger.warn({ source: this.health.source, code, signal, error: errors.trim(), retryInMs: delay }, 'camera stream ended');
      this.health.restarts++;
      for (const listener of this.dropListeners.values()) listener(false);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (!this.closed && (this.viewers.size > 0 || this.holds > 0)) this.start();
      }, delay);
    });
  }

  private deliver(segment: Segment): void {
    this.cache.add(segment);
    if (segment.kind === 'init') {
      this.health.codec = codecOf(segment.data);
      return;
    }
    this.attempt = 0;
    this.health.fragments++;
    this.health.bytes += segment.data.length;
    this.health.lastFragmentAt = Date.now();
    for (const viewer of this.viewers) {
      if (this.synced.has(viewer)) viewer(segment);
      else if (segment.keyframe) {
        // First picture from this process: init segment, then from this keyframe on.
        for (const part of this.cache.snapshot() ?? []) viewer(part);
        this.synced.add(viewer);
      }
    }
  }

  private stopProcess(): void {
    this.idleTimer = null;
    const child = this.child;
    this.child = null;
    this.cache = new GopCache();
    this.synced = new Set();
    child?.kill('SIGTERM');
  }

  close(): void {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.viewers.clear();
    this.dropListeners.clear();
    this.stopProcess();
  }
}

/** Camera URLs may carry credentials; logs never do. */
export function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
