import { core } from '../core/client';
import type { PlaybackSpeed, VideoProfile, VideoState } from '../core/contract';

/** Farther than this behind the live edge, the player jumps; between LAG_CATCH_UP and this it plays faster. */
const LAG_JUMP_S = 1.0;
const LAG_CATCH_UP_S = 0.2;
/** Where a jump lands: a little behind the edge, so the next fragment arrives before the buffer runs dry. */
const JUMP_TARGET_S = 0.1;
/** No progress this long with media buffered ahead is a stall. */
const STALL_MS = 1500;
/** Media kept behind the playhead; older is removed so a twelve-hour shift never fills the buffer. */
const KEEP_BEHIND_S = 10;
const TICK_MS = 250;

export type PlayerStatus = {
  state: VideoState['state'] | 'idle' | 'playing';
  codec: string | null;
  transcoded: boolean;
  message?: string;
};

export type PlayerStats = {
  width: number;
  height: number;
  fps: number;
  dropped: number;
  kbps: number;
  /** Seconds behind the newest media received. */
  lag: number;
  stalls: number;
  jumps: number;
};

/** Whether this renderer can decode H.265 in MSE; if not, the core transcodes. */
export const decodesH265 =
  typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported('video/mp4; codecs="hvc1.1.6.L93.B0"');

/**
 * One live tile: asks the core for a stream, feeds its fragmented MP4 into
 * Media Source Extensions, and keeps the picture at the live edge — playing
 * slightly faster when it falls behind, jumping when far behind or stalled,
 * starting over when the camera restarts (a new init segment).
 */
export class LivePlayer {
  private stream: number | null = null;
  private mediaSource: MediaSource | null = null;
  private buffer: SourceBuffer | null = null;
  private queue: Uint8Array[] = [];
  private codec: string | null = null;
  private readonly unsubscribe: (() => void)[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private lastTime = -1;
  private lastProgressAt = 0;
  private bytes = 0;
  private sample = { at: performance.now(), frames: 0, bytes: 0 };
  private counters = { stalls: 0, jumps: 0, fps: 0, kbps: 0 };
  private status: PlayerStatus = { state: 'idle', codec: null, transcoded: false };
  private live = true;
  /** Where the current recording segment's media begins. */
  private mediaStart: number | null = null;
  /** performance.now() when the first frame of this stream was presented. */
  firstFrameAt: number | null = null;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly listener: (status: PlayerStatus) => void,
  ) {
    video.muted = true;
    video.playsInline = true;
  }

  private onStatus(change: Partial<PlayerStatus>): void {
    this.status = { ...this.status, message: undefined, ...change };
    this.listener(this.status);
  }

  /** Live video, kept at the live edge; with the camera's sound when `audio`. */
  start(camera: string, profile: VideoProfile, audio = false): Promise<void> {
    this.video.muted = !audio;
    return this.begin(() => core.call('video.open', { camera, profile, h265: decodesH265, audio }));
  }

  /**
   * A recording from `from` to `to` (ms): played from its start, never
   * jumped ahead; `seek` moves it. Media time 0 of each segment shows `from`.
   */
  startRecording(camera: string, from: number, to: number, speed: PlaybackSpeed): Promise<void> {
    this.live = false;
    return this.begin(() => core.call('video.playback', { camera, from, to, speed, h265: decodesH265 }));
  }

  async seek(at: number, speed: PlaybackSpeed): Promise<void> {
    if (this.stream === null) return;
    await core.call('video.seek', { stream: this.stream, at, speed });
  }

  /** Media seconds played since the current segment began (a recording's clock is its start plus this times its speed). */
  played(): number {
    const buffered = this.video.buffered;
    return buffered.length ? Math.max(0, this.video.currentTime - (this.mediaStart ?? buffered.start(0))) : 0;
  }

  private async begin(open: () => Promise<{ stream: number }>): Promise<void> {
    this.onStatus({ state: 'starting', codec: null, transcoded: false });
    this.unsubscribe.push(core.on('video.state', (state) => state.stream === this.stream && this.onState(state)));
    try {
      const { stream } = await open();
      if (this.stopped) return void core.call('video.close', { stream }).catch(() => {});
      this.stream = stream;
      this.unsubscribe.push(core.onVideo(stream, (data) => this.receive(data)));
    } catch (error) {
      this.onStatus({ state: 'failed', codec: null, transcoded: false, message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    if (this.live) this.timer = setInterval(() => this.keepLive(), TICK_MS);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
    if (this.stream !== null) void core.call('video.close', { stream: this.stream }).catch(() => {});
    this.stream = null;
    this.reset(null);
  }

  stats(): PlayerStats {
    const buffered = this.video.buffered;
    const lag = buffered.length ? buffered.end(buffered.length - 1) - this.video.currentTime : 0;
    const quality = this.video.getVideoPlaybackQuality();
    return {
      width: this.video.videoWidth,
      height: this.video.videoHeight,
      fps: this.counters.fps,
      dropped: quality.droppedVideoFrames,
      kbps: this.counters.kbps,
      lag,
      stalls: this.counters.stalls,
      jumps: this.counters.jumps,
    };
  }

  private onState(state: VideoState): void {
    if (state.state === 'live' && state.codec) this.reset(state.codec);
    this.onStatus({ state: state.state, codec: state.codec ?? this.codec, transcoded: state.transcoded, message: state.message });
    if (state.state === 'live') this.watchFirstFrame();
  }

  /** A new init segment follows: a fresh MediaSource, since timestamps and codec may start over. */
  private reset(codec: string | null): void {
    this.queue = [];
    this.mediaStart = null;
    this.buffer = null;
    this.codec = codec;
    const old = this.video.src;
    this.mediaSource = null;
    if (old) {
      this.video.removeAttribute('src');
      this.video.load();
      URL.revokeObjectURL(old);
    }
    if (!codec) return;
    const type = `video/mp4; codecs="${codec}"`;
    if (!MediaSource.isTypeSupported(type)) {
      this.onStatus({ state: 'failed', message: `this window cannot decode ${codec}` });
      return;
    }
    const mediaSource = new MediaSource();
    this.mediaSource = mediaSource;
    mediaSource.addEventListener('sourceopen', () => {
      if (this.mediaSource !== mediaSource) return;
      this.buffer = mediaSource.addSourceBuffer(type);
      this.buffer.mode = 'segments';
      this.buffer.addEventListener('updateend', () => this.afterAppend());
      this.pump();
    });
    this.video.src = URL.createObjectURL(mediaSource);
  }

  private receive(data: Uint8Array): void {
    this.bytes += data.length;
    this.queue.push(data);
    this.pump();
  }

  private pump(): void {
    const buffer = this.buffer;
    if (!buffer || buffer.updating || !this.queue.length) return;
    try {
      buffer.appendBuffer(this.queue.shift() as Uint8Array<ArrayBuffer>);
    } catch (error) {
      // QuotaExceeded or a decode error: start clean at the next init segment the core sends.
      this.onStatus({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private afterAppend(): void {
    const buffered = this.video.buffered;
    if (!this.live) {
      // A recording plays from where its segment begins.
      if (this.mediaStart === null && buffered.length) {
        this.mediaStart = buffered.start(0);
        this.video.currentTime = this.mediaStart;
        void this.video.play().catch(() => {});
      }
    } else if (this.video.paused && buffered.length) {
      // First media: show the live edge at once (Chromium decodes from the cached keyframe up to it).
      this.video.currentTime = Math.max(buffered.start(buffered.length - 1), buffered.end(buffered.length - 1) - JUMP_TARGET_S);
      void this.video.play().catch(() => {});
    }
    this.pump();
  }

  /** Drift control, stall recovery and trimming, four times a second. */
  private keepLive(): void {
    const { video, buffer } = this;
    const buffered = video.buffered;
    const now = performance.now();
    this.sampleRates(now);
    if (!buffered.length) return;
    const start = buffered.start(buffered.length - 1);
    const end = buffered.end(buffered.length - 1);
    const lag = end - video.currentTime;
    if (video.currentTime !== this.lastTime) {
      this.lastTime = video.currentTime;
      this.lastProgressAt = now;
    }
    const stalled = now - this.lastProgressAt > STALL_MS && lag > JUMP_TARGET_S;
    // Behind a gap (the core skipped to a keyframe) or stuck: jump to the newest range's edge.
    if (video.currentTime < start || lag > LAG_JUMP_S || stalled) {
      video.currentTime = Math.max(start, end - JUMP_TARGET_S);
      this.counters.jumps++;
      if (stalled) this.counters.stalls++;
      this.lastProgressAt = now;
      if (video.paused) void video.play().catch(() => {});
    }
    video.playbackRate = lag > LAG_CATCH_UP_S ? 1.1 : 1;
    if (buffer && !buffer.updating && video.currentTime - buffered.start(0) > KEEP_BEHIND_S * 2) {
      buffer.remove(0, video.currentTime - KEEP_BEHIND_S);
    }
  }

  private sampleRates(now: number): void {
    const elapsed = (now - this.sample.at) / 1000;
    if (elapsed < 1) return;
    const frames = this.video.getVideoPlaybackQuality().totalVideoFrames;
    this.counters.fps = Math.round((frames - this.sample.frames) / elapsed);
    this.counters.kbps = Math.round(((this.bytes - this.sample.bytes) * 8) / 1000 / elapsed);
    this.sample = { at: now, frames, bytes: this.bytes };
  }

  private watchFirstFrame(): void {
    this.video.requestVideoFrameCallback(() => {
      if (this.stopped) return;
      this.firstFrameAt ??= performance.now();
      this.onStatus({ state: 'playing' });
    });
  }
}
