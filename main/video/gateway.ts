import { spawn } from 'node:child_process';
import { ContractError, MAX_STREAMS_PER_WINDOW, type StreamHealth, type VideoProfile, type VideoState } from '../contract';
import type { Logger } from '../logging/logger';
import type { Connection } from '../router/connection';
import { CameraStream, type StreamProfile, type StreamSource } from './camera-stream';
import { codecOf, type Segment } from './fmp4';

/** A window this far behind skips to the next keyframe instead of queueing seconds of video. */
const BACKLOG_LIMIT_BYTES = 4 * 1024 * 1024;
/** What the renderer gets when it cannot decode the camera's codec: H.264 at sub-stream size. */
const TRANSCODE_HEIGHT = 360;

type View = {
  id: number;
  connection: Connection;
  camera: string;
  profile: VideoProfile;
  h265: boolean;
  transcoded: boolean;
  /** With the camera's sound: a stream of its own, since most tiles stay silent. */
  audio: boolean;
  stop: () => void;
  /** Set after a skip: nothing goes out until the next keyframe. */
  skipping: boolean;
  /** A recording instead of live video: its range (ms) and speed; a stream of its own, never shared. */
  playback?: { from: number; to: number; speed: number };
};

export type GatewayOptions = {
  ffmpeg: string;
  logger: Logger;
  resolve: (camera: string, profile: VideoProfile) => StreamSource;
  recording: (camera: string, from: Date, to: Date, speed: number) => StreamSource;
  idleStopMs?: number;
};

/**
 * Live video for every window of this station: one CameraStream (one ffmpeg)
 * per camera profile however many tiles and windows show it, each window
 * getting its own stream ids, state events and binary frames over its
 * transport. Credentials never leave: windows only name cameras.
 */
export class VideoGateway {
  private readonly streams = new Map<string, { stream: CameraStream; camera: string; profile: VideoProfile }>();
  private readonly views = new Map<number, View>();
  /** Each playback view's own stream. */
  private readonly playbackKeys = new Map<number, string>();
  private nextId = 1;

  constructor(private readonly options: GatewayOptions) {}

  open(connection: Connection, request: { camera: string; profile: VideoProfile; h265: boolean; audio: boolean }): number {
    this.checkLimit(connection);
    this.options.resolve(request.camera, request.profile); // refuses unknown cameras before a stream id exists
    return this.add({ id: this.nextId++, connection, ...request, transcoded: false, stop: () => {}, skipping: false });
  }

  /** A camera's recording from `from` to `to` at `speed`, for this window alone. */
  openPlayback(connection: Connection, request: { camera: string; from: number; to: number; speed: number; h265: boolean }): number {
    this.checkLimit(connection);
    const { camera, from, to, speed, h265 } = request;
    this.options.recording(camera, new Date(from), new Date(to), speed); // refuses a camera without recordings, or a bad range
    return this.add({ id: this.nextId++, connection, camera, profile: 'main', h265, transcoded: false, audio: false, stop: () => {}, skipping: false, playback: { from, to, speed } });
  }

  /** Jumps a playback to `at` (ms, within its range) or changes its speed: a new ffmpeg from there. */
  seekPlayback(connection: Connection, id: number, change: { at: number; speed: number }): void {
    const view = this.views.get(id);
    if (!view?.playback || view.connection !== connection) throw new ContractError('not_found', `no playback ${id} in this window`);
    if (change.at < view.playback.from || change.at >= view.playback.to) throw new ContractError('invalid_input', 'that time is outside the range being played');
    this.detachStream(view);
    view.playback = { ...view.playback, from: change.at, speed: change.speed };
    this.emit(view, { state: 'starting', codec: null });
    this.attach(view);
  }

  private checkLimit(connection: Connection): void {
    const open = [...this.views.values()].filter((view) => view.connection === connection).length;
    if (open >= MAX_STREAMS_PER_WINDOW) {
      throw new ContractError('limit_reached', `a window shows at most ${MAX_STREAMS_PER_WINDOW} streams; close a tile first`);
    }
  }

  private add(view: View): number {
    this.views.set(view.id, view);
    this.emit(view, { state: 'starting', codec: null });
    // After the reply: the first frames of a warm camera must not overtake the stream id.
    setImmediate(() => this.views.get(view.id) === view && this.attach(view));
    return view.id;
  }

  closeStream(connection: Connection, id: number): void {
    const view = this.views.get(id);
    if (!view || view.connection !== connection) throw new ContractError('not_found', `no stream ${id} in this window`);
    this.detach(view);
  }

  /** The window went away: its streams stop (and their cameras, once nobody else watches). */
  closeConnection(connection: Connection): void {
    for (const view of [...this.views.values()]) if (view.connection === connection) this.detach(view);
  }

  health(): StreamHealth[] {
    return [...this.streams.values()].map(({ stream, camera, profile }) => ({ camera, profile, ...stream.stats() }));
  }

  /** A JPEG of the newest picture: the cached GOP decoded, its last frame kept. */
  async snapshot(camera: string): Promise<Buffer> {
    const stream = this.stream(camera, 'main', false, false);
    const segments = await new Promise<Segment[]>((resolve, reject) => {
      const parts: Segment[] = [];
      const done = () => {
        clearTimeout(timer);
        queueMicrotask(stop); // not from inside the stream's delivery loop
        resolve(parts);
      };
      const timer = setTimeout(() => (stop(), reject(new ContractError('unavailable', 'the camera sent no picture within 10 s'))), 10_000);
      let watching = false;
      // A camera already streaming hands over its init segment and GOP inside watch(): newest frame included.
      const stop = stream.watch((segment) => {
        parts.push(segment);
        if (watching && segment.kind === 'fragment') done();
      });
      watching = true;
      if (parts.some((part) => part.kind === 'fragment')) done();
    });
    return jpegOfLastFrame(this.options.ffmpeg, Buffer.concat(segments.map((segment) => segment.data)));
  }

  /** Keeps a camera's live stream running with nobody watching; returns the function that lets go. */
  hold(camera: string, profile: VideoProfile): () => void {
    return this.stream(camera, profile, false, false).hold();
  }

  stop(): void {
    for (const view of [...this.views.values()]) this.detach(view);
    for (const { stream } of this.streams.values()) stream.close();
    this.streams.clear();
  }

  private attach(view: View): void {
    let source: StreamSource;
    try {
      const { playback } = view;
      source = playback
        ? this.options.recording(view.camera, new Date(playback.from), new Date(playback.to), playback.speed)
        : this.options.resolve(view.camera, view.profile);
    } catch (error) {
      this.emit(view, { state: 'failed', codec: null, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    const stream = this.stream(view.camera, view.profile, view.transcoded, view.audio, source, view.playback ? view.id : null);
    view.stop = stream.watch(
      (segment) => this.deliver(view, segment),
      (ended) => this.emit(view, { state: ended ? 'ended' : 'reconnecting', codec: null }),
    );
  }

  private deliver(view: View, segment: Segment): void {
    if (segment.kind === 'init') {
      const codec = codecOf(segment.data);
      if (codec?.startsWith('hev1') || codec?.startsWith('hvc1')) {
        if (!view.h265 && !view.transcoded) {
          // The renderer cannot decode H.265: switch this view to a transcoded copy, once.
          view.transcoded = true;
          queueMicrotask(() => {
            view.stop();
            if (this.views.get(view.id) === view) this.attach(view);
          });
          return;
        }
      }
      this.emit(view, { state: 'live', codec });
      view.skipping = false;
    } else if (view.skipping || (view.connection.backlog() > BACKLOG_LIMIT_BYTES && !segment.keyframe)) {
      view.skipping = !segment.keyframe;
      if (view.skipping) return;
    }
    view.connection.sendVideo(view.id, segment.data);
  }

  private stream(camera: string, profile: VideoProfile, transcoded: boolean, audio: boolean, source = this.options.resolve(camera, profile), playback: number | null = null): CameraStream {
    const spec: StreamProfile = { source, ...(transcoded ? { transcodeHeight: TRANSCODE_HEIGHT } : {}), ...(audio ? { audio } : {}) };
    // Per camera, even where two share a source (demo clips): each camera is its own stream, as on a real site.
    // A playback is its window's own.
    const key = JSON.stringify([camera, spec, playback]);
    if (playback !== null) this.playbackKeys.set(playback, key);
    let entry = this.streams.get(key);
    if (!entry) {
      entry = { stream: new CameraStream(spec, { ffmpeg: this.options.ffmpeg, logger: this.options.logger, idleStopMs: this.options.idleStopMs }), camera, profile };
      this.streams.set(key, entry);
    }
    return entry.stream;
  }

  private detach(view: View): void {
    this.views.delete(view.id);
    this.detachStream(view);
  }

  /** Stops the view watching; a playback's own stream goes with it. */
  private detachStream(view: View): void {
    view.stop();
    view.stop = () => {};
    if (!view.playback) return;
    const key = this.playbackKeys.get(view.id);
    this.playbackKeys.delete(view.id);
    if (key) this.streams.get(key)?.stream.close();
    if (key) this.streams.delete(key);
  }

  private emit(view: View, state: Omit<VideoState, 'stream' | 'transcoded'>): void {
    view.connection.emit('video.state', { stream: view.id, transcoded: view.transcoded, ...state });
  }
}

function jpegOfLastFrame(ffmpeg: string, fmp4: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Every frame of the GOP comes out as a JPEG; the last is the newest picture.
    const child = spawn(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-f', 'mp4', '-i', 'pipe:0', '-q:v', '3', '-f', 'image2pipe', '-c:v', 'mjpeg', 'pipe:1']);
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stdin.on('error', () => {});
    child.stdin.end(fmp4);
    child.once('error', reject);
    child.once('exit', (code) => {
      const jpegs = splitJpegs(Buffer.concat(out));
      if (code === 0 && jpegs.length) resolve(jpegs[jpegs.length - 1]!);
      else reject(new ContractError('unavailable', 'could not decode a picture from the camera'));
    });
  });
}

/** image2pipe writes one JPEG after another: split them at their start-of-image markers. */
function splitJpegs(data: Buffer): Buffer[] {
  const starts: number[] = [];
  for (let at = data.indexOf(SOI); at >= 0; at = data.indexOf(SOI, at + 3)) starts.push(at);
  return starts.map((start, index) => data.subarray(start, starts[index + 1] ?? data.length));
}
const SOI = Buffer.from([0xff, 0xd8, 0xff]);
