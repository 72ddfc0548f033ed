import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { tempDir } from '../testing/harness';
import { startRtspServer } from '../testing/rtsp';
import { CameraStream, redact, type StreamProfile } from './camera-stream';
import { resolveFfmpeg } from './ffmpeg';
import { codecOf, type Segment } from './fmp4';

type Server = Awaited<ReturnType<typeof startRtspServer>>;
let server: Server;

beforeAll(async () => {
  server = await startRtspServer({ cameras: [{ name: 'gate', offset: 0.7 }, { name: 'lobby', offset: 1.3 }] });
}, 60_000);
afterAll(() => server?.stop());

const kind = (data: Buffer) => data.toString('latin1', 4, 8);
const ffmpeg = resolveFfmpeg();
const rtsp = (name: string): StreamProfile => ({ source: { kind: 'rtsp', url: server.url(name) } });

/** Collects what a viewer receives, noting when the first picture (a keyframe fragment) arrived. */
function viewer() {
  const received: Buffer[] = [];
  let firstPictureAt: number | null = null;
  const view = (segment: Segment) => {
    received.push(segment.data);
    if (firstPictureAt === null && segment.kind === 'fragment' && segment.keyframe) firstPictureAt = performance.now();
  };
  return { view, received, firstPicture: () => firstPictureAt };
}

const until = async (check: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('camera stream', () => {
  it('starts a viewer with the init segment and a keyframe, and a later viewer at once from the GOP cache', async () => {
    const stream = new CameraStream(rtsp('gate'), { ffmpeg, logger: silentLogger() });
    const first = viewer();
    const started = performance.now();
    const stopFirst = stream.watch(first.view);
    await until(() => first.firstPicture() !== null);
    expect(kind(first.received[0]!)).toBe('ftyp');
    expect(first.firstPicture()! - started).toBeLessThan(5_000);

    await new Promise((resolve) => setTimeout(resolve, 700)); // join mid-GOP
    const second = viewer();
    const joined = performance.now();
    const stopSecond = stream.watch(second.view);
    expect(second.firstPicture()).not.toBeNull();
    expect(second.firstPicture()! - joined).toBeLessThan(50);
    expect(kind(second.received[0]!)).toBe('ftyp');
    const before = second.received.length;
    await until(() => second.received.length > before + 3);
    expect(stream.stats()).toMatchObject({ viewers: 2, running: true, restarts: 0 });
    stopFirst();
    stopSecond();
    stream.close();
  });

  it('comes back by itself when the camera drops and returns', async () => {
    const stream = new CameraStream(rtsp('lobby'), { ffmpeg, logger: silentLogger() });
    const watching = viewer();
    const stop = stream.watch(watching.view);
    await until(() => watching.firstPicture() !== null);
    await server.kill();
    await server.restart();
    const initsBefore = watching.received.filter((data) => kind(data) === 'ftyp').length;
    await until(() => watching.received.filter((data) => kind(data) === 'ftyp').length > initsBefore, 20_000);
    const afterInit = watching.received.length;
    await until(() => watching.received.length > afterInit + 3, 10_000);
    expect(stream.stats().restarts).toBeGreaterThan(0);
    stop();
    stream.close();
  }, 40_000);

  it('stops ffmpeg a while after the last viewer leaves', async () => {
    const stream = new CameraStream(rtsp('gate'), { ffmpeg, logger: silentLogger(), idleStopMs: 200 });
    const watching = viewer();
    const stop = stream.watch(watching.view);
    await until(() => watching.firstPicture() !== null);
    await until(() => watching.received.length > 10);
    expect(stream.stats().fragments).toBeGreaterThan(0);
    expect(stream.stats().kbps).toBeGreaterThan(0);
    stop();
    expect(stream.stats().running).toBe(true);
    await until(() => !stream.stats().running, 2_000);
    // An idle stream reports no rates, not its old average.
    expect(stream.stats()).toMatchObject({ fragments: 0, kbps: 0 });
    stream.close();
  });

  it('loops a clip at real time, as the demo park does', async () => {
    const stream = new CameraStream({ source: { kind: 'loop', file: 'assets/video/lobby-sub.mp4' } }, { ffmpeg, logger: silentLogger() });
    const watching = viewer();
    const stop = stream.watch(watching.view);
    await until(() => watching.firstPicture() !== null);
    expect(stream.stats()).toMatchObject({ codec: 'avc1.4D401E', transcoding: false });
    stop();
    stream.close();
  });

  it('transcodes to H.264 for a renderer that cannot decode the camera, at the height asked', async () => {
    const stream = new CameraStream({ source: { kind: 'rtsp', url: server.url('gate') }, transcodeHeight: 180 }, { ffmpeg, logger: silentLogger() });
    const watching = viewer();
    const stop = stream.watch(watching.view);
    await until(() => watching.firstPicture() !== null);
    expect(codecOf(watching.received[0]!)).toMatch(/^avc1\./);
    // 180 lines: the height in the track header (tkhd), 16.16 fixed point, ends the moov's first trak header.
    expect(watching.received[0]!.includes(Buffer.from([0, 180, 0, 0]))).toBe(true);
    expect(stream.stats().transcoding).toBe(true);
    stop();
    stream.close();
  });

  it('never logs camera credentials', () => {
    expect(redact('rtsp://admin:Secret123@10.0.0.5:554/Streaming/Channels/101')).toBe('rtsp://***@10.0.0.5:554/Streaming/Channels/101');
  });
});

describe('a stream that is not fMP4', () => {
  /** Stands in for an ffmpeg whose output goes wrong: a box of size 0, then nothing. */
  function brokenStream(): CameraStream {
    const script = path.join(tempDir(), 'broken-ffmpeg.sh');
    fs.writeFileSync(script, "#!/bin/sh\nprintf '\\000\\000\\000\\000mdat'\nsleep 5\n", { mode: 0o755 });
    return new CameraStream(rtsp('gate'), { ffmpeg: script, logger: silentLogger(), idleStopMs: 50 });
  }

  it('restarts the camera instead of taking the station down', async () => {
    const stream = brokenStream();
    const drops: boolean[] = [];
    const stop = stream.watch(() => {}, (ended) => drops.push(ended));
    await expect.poll(() => stream.stats().restarts, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
    expect(drops[0]).toBe(false);
    stop();
    stream.close();
  });

  it('tries again at once, not after its back-off, when someone opens the camera', async () => {
    const stream = brokenStream();
    const stop = stream.watch(() => {});
    // Three failures in: the next try waits 2 s, the one after 5 s.
    await expect.poll(() => stream.stats().restarts, { timeout: 8_000 }).toBeGreaterThanOrEqual(3);
    await until(() => !stream.stats().running, 2_000);
    const again = stream.watch(() => {});
    expect(stream.stats().running).toBe(true);
    again();
    stop();
    stream.close();
  });
});
