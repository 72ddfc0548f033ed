import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from '../logging/logger';
import { Fmp4Splitter, GopCache, type Segment } from './fmp4';

export type Viewer = (data: Buffer) => void;

export type StreamHealth = {
  url: string;
  viewers: number;
  running: boolean;
  /** Fragments per second over the stream's life; ffmpeg writes one about every 100 ms. */
  fragments: number;
  bytes: number;
  restarts: number;
  lastFragmentAt: number | null;
};

const BACKOFF_MS = [500, 1000, 2000, 5000, 10_000];

/**
 * ffmpeg arguments for a live RTSP camera remuxed (never transcoded) to
 * fragmented MP4: TCP interleaved, little probing (the SDP names the codec),
 * no audio, fragments cut at each keyframe and every 100 ms.
 */
export function remuxArguments(url: string): string[] {
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
    ...['-rtsp_transport', 'tcp', '-fflags', 'nobuffer', '-probesize', '32768', '-analyzeduration', '0'],
    ...['-i', url, '-map', '0:v:0', '-c', 'copy', '-an'],
    ...['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-frag_duration', '100000', '-flush_packets', '1', 'pipe:1'],
  ];
}

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
  private readonly health: Omit<StreamHealth, 'viewers' | 'running'>;
  private startedAt = 0;

  constructor(
    readonly url: string,
    private readonly options: { ffmpeg: string; logger: Logger; idleStopMs?: number },
  ) {
    this.health = { url, fragments: 0, bytes: 0, restarts: 0, lastFragmentAt: null };
  }

  /** Starts watching; returns the function that stops. */
  watch(viewer: Viewer): () => void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.viewers.add(viewer);
    const snapshot = this.cache.snapshot();
    if (snapshot) {
      for (const part of snapshot) viewer(part);
      this.synced.add(viewer);
    }
    if (!this.child && !this.retryTimer) this.start();
    return () => {
      this.viewers.delete(viewer);
      this.synced.delete(viewer);
      if (this.viewers.size === 0 && !this.closed) {
        this.idleTimer = setTimeout(() => this.stopProcess(), this.options.idleStopMs ?? 10_000);
        this.idleTimer.unref();
      }
    };
  }

  stats(): StreamHealth {
    const seconds = this.startedAt ? (Date.now() - this.startedAt) / 1000 : 0;
    return { ...this.health, fragments: seconds ? this.health.fragments / seconds : 0, viewers: this.viewers.size, running: !!this.child };
  }

  private start(): void {
    this.startedAt ||= Date.now();
    const child = spawn(this.options.ffmpeg, remuxArguments(this.url), { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    // A new process has its own init segment: every viewer starts again from its first keyframe.
    this.synced = new Set();
    this.cache = new GopCache();
    const splitter = new Fmp4Splitter((segment) => this.deliver(segment));
    let errors = '';
    child.stdout!.on('data', (chunk: Buffer) => splitter.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
    child.once('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = null;
      if (this.closed || this.viewers.size === 0) return;
      // The camera dropped or refused: try again with back-off while anyone is watching.
      const delay = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)]!;
      this.options.logger.warn({ url: redact(this.url), code, signal, error: errors.trim(), retryInMs: delay }, 'camera stream ended');
      this.health.restarts++;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (!this.closed && this.viewers.size > 0) this.start();
      }, delay);
    });
  }

  private deliver(segment: Segment): void {
    this.cache.add(segment);
    if (segment.kind === 'init') return;
    this.attempt = 0;
    this.health.fragments++;
    this.health.bytes += segment.data.length;
    this.health.lastFragmentAt = Date.now();
    for (const viewer of this.viewers) {
      if (this.synced.has(viewer)) viewer(segment.data);
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
    this.stopProcess();
  }
}

/** Camera URLs may carry credentials; logs never do. */
export function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
