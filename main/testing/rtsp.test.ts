// Proves the RTSP camera rig (DESIGN.md §5 "Video") with Debian's ffmpeg as an
// independent client, over RTSP interleaved in TCP as Vigil reads cameras.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClip, startRtspServer, type RtspServer } from './rtsp';

type Run = { code: number | null; stdout: string; stderr: string; ms: number };

/** Runs a tool to its end (SIGKILL after `timeoutMs`), collecting its output (the last `keep` characters of stderr). */
function run(command: string, args: string[], timeoutMs = 9_000, keep = 32_768): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-keep)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/**
 * Reads `seconds` of stream time from `url` without decoding and counts the
 * frames ffmpeg got, those before the first keyframe included (-copyinkf): a
 * client joins mid-GOP, as with a real camera.
 */
async function countFrames(url: string, seconds: number): Promise<Run & { frames: number }> {
  const result = await run('ffmpeg', [
    ...['-hide_banner', '-nostdin', '-rtsp_transport', 'tcp', '-timeout', '5000000', '-i', url],
    ...['-t', String(seconds), '-c', 'copy', '-copyinkf', '-f', 'null', '-'],
  ]);
  const counts = [...result.stderr.matchAll(/frame=\s*(\d+)/g)].map((m) => Number(m[1]));
  return { ...result, frames: counts.at(-1) ?? 0 };
}

type Stream = { codec_type: string; codec_name: string; width?: number; height?: number; sample_rate?: string };

// Helpers throw rather than assert: the tests below run concurrently, and
// each asserts with its own context's expect.
async function probe(url: string): Promise<Stream[]> {
  const result = await run('ffprobe', ['-rtsp_transport', 'tcp', '-v', 'error', '-show_streams', '-of', 'json', url]);
  if (result.code !== 0) throw new Error(`ffprobe ${url}: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { streams: Stream[] }).streams;
}

/** MD5 of the first decoded picture: `input` is ffmpeg's input arguments. */
async function firstPicture(input: string[]): Promise<string> {
  const result = await run('ffmpeg', ['-hide_banner', '-nostdin', '-v', 'error', ...input, '-frames:v', '1', '-f', 'framemd5', '-']);
  const md5 = /([0-9a-f]{32})\s*$/.exec(result.stdout)?.[1];
  if (result.code !== 0 || !md5) throw new Error(`ffmpeg ${input.join(' ')}: ${result.stderr}`);
  return md5;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RTSP test server', () => {
  let server: RtspServer;

  beforeAll(async () => {
    server = await startRtspServer({ cameras: [{ name: 'gate', offset: 0 }, { name: 'lobby', offset: 3.3 }] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('describes H.264 640x360 over TCP interleaved', async () => {
    const result = await run('ffprobe', ['-rtsp_transport', 'tcp', '-v', 'error', '-show_streams', '-of', 'json', server.url('lobby')]);
    expect(result.code, result.stderr).toBe(0);
    const streams = (JSON.parse(result.stdout) as { streams: { codec_type: string; codec_name: string; width: number; height: number }[] }).streams;
    expect(streams.map((s) => [s.codec_type, s.codec_name, s.width, s.height])).toEqual([['video', 'h264', 640, 360]]);
  });

  it('streams live at 25 fps, not as fast as a file', async () => {
    const result = await countFrames(server.url('gate'), 3);
    expect(result.code, result.stderr).toBe(0);
    expect(result.frames).toBeGreaterThanOrEqual(60);
    expect(result.frames).toBeLessThanOrEqual(90);
    // A file dump would be done in a fraction of a second.
    expect(result.ms).toBeGreaterThanOrEqual(2_500);
  });

  it('serves two clients of one mount at once', async () => {
    const [a, b] = await Promise.all([countFrames(server.url('lobby'), 2), countFrames(server.url('lobby'), 2)]);
    for (const result of [a, b]) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.frames).toBeGreaterThanOrEqual(40);
      expect(result.frames).toBeLessThanOrEqual(60);
    }
  });

  it('goes away on kill() and serves again after restart()', async () => {
    await server.kill();
    expect(server.running).toBe(false);
    const down = await countFrames(server.url('gate'), 1);
    expect(down.code).not.toBe(0);
    expect(down.frames).toBe(0);

    await server.restart();
    expect(server.running).toBe(true);
    const up = await countFrames(server.url('gate'), 1);
    expect(up.code, up.stderr).toBe(0);
    expect(up.frames).toBeGreaterThanOrEqual(20);
  });
});

// Concurrent: every test has its own mounts, and most of their time is waiting on the wall clock.
describe.concurrent('RTSP test server: codecs, audio, recordings, dropped cameras', () => {
  let server: RtspServer;
  const recording = makeClip({ seconds: 60 });

  beforeAll(async () => {
    server = await startRtspServer({
      cameras: [
        { name: 'hevc', clip: makeClip({ codec: 'h265' }) },
        { name: 'aac', clip: makeClip({ audio: 'aac' }), offset: 1 },
        { name: 'pcma', clip: makeClip({ audio: 'pcma' }) },
        { name: 'gate' },
        { name: 'lobby', offset: 1.1 },
        { name: 'yard' },
      ],
      recordings: [{ name: 'nvr', clip: recording }],
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves H.265 (rtph265pay) live at 25 fps', async ({ expect }) => {
    expect((await probe(server.url('hevc'))).map((s) => [s.codec_type, s.codec_name, s.width, s.height])).toEqual([['video', 'hevc', 640, 360]]);
    const result = await countFrames(server.url('hevc'), 2);
    expect(result.code, result.stderr).toBe(0);
    expect(result.frames).toBeGreaterThanOrEqual(40);
    expect(result.frames).toBeLessThanOrEqual(60);
  });

  it('serves H.264 with AAC, and with G.711 A-law, both tracks flowing', async ({ expect }) => {
    const [aac, pcma] = await Promise.all([probe(server.url('aac')), probe(server.url('pcma'))]);
    expect(aac.map((s) => [s.codec_type, s.codec_name, s.sample_rate])).toEqual([['video', 'h264', undefined], ['audio', 'aac', '16000']]);
    expect(pcma.map((s) => [s.codec_type, s.codec_name, s.sample_rate])).toEqual([['video', 'h264', undefined], ['audio', 'pcm_alaw', '8000']]);
    // 2 s of each audio track, decoded: real sound, not just packets.
    const decoded = await Promise.all(
      ['aac', 'pcma'].map((name) => run('ffmpeg', ['-hide_banner', '-nostdin', '-rtsp_transport', 'tcp', '-i', server.url(name), '-t', '2', '-map', '0:a', '-ac', '1', '-ar', '8000', '-f', 's16le', '-'])),
    );
    for (const result of decoded) {
      expect(result.code, result.stderr).toBe(0);
      // 8000 samples/s of 2 bytes, less a packet or two at the start.
      expect(result.stdout.length).toBeGreaterThan(2 * 8000 * 1.8);
    }
  });

  it('plays a recording from where PLAY Range: npt asks, which ffmpeg sends for -ss before -i', async ({ expect }) => {
    // SDP a=range: a recording with a length, not a live stream.
    const described = await run('ffprobe', ['-rtsp_transport', 'tcp', '-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', server.recordUrl('nvr')]);
    expect(Number(described.stdout)).toBeCloseTo(60, 0);

    const seek = ['-rtsp_transport', 'tcp', '-seek_timestamp', '1', '-ss', '30', '-i', server.recordUrl('nvr')];
    const traced = await run('ffmpeg', ['-hide_banner', '-nostdin', '-v', 'trace', ...seek, '-frames:v', '1', '-c', 'copy', '-f', 'null', '-'], 9_000, 8_000_000);
    expect(traced.code, traced.stderr.slice(-2000)).toBe(0);
    // PLAY from 0 while probing, PAUSE, PLAY from 30 s; the server says where it starts.
    expect(traced.stderr).toMatch(/PLAY rtsp:\S+ RTSP\/1\.0\r?\nRange: npt=0\.000-/);
    expect(traced.stderr).toMatch(/PAUSE rtsp:\S+ RTSP\/1\.0/);
    expect(traced.stderr).toMatch(/PLAY rtsp:\S+ RTSP\/1\.0\r?\nRange: npt=30\.000-/);
    expect(traced.stderr).toContain("line='Range: npt=30-60'");

    // The first picture is the recording's at 30 s: copied, so decoded bit for bit the same.
    const [streamed, at30, at28, at32] = await Promise.all([firstPicture(seek), ...[30, 28, 32].map((at) => firstPicture(['-ss', String(at), '-i', recording]))]);
    expect(streamed).toBe(at30);
    expect(new Set([at28, at30, at32]).size).toBe(3);
  });

  it('drops one camera off the network and brings it back, the others untouched', async ({ expect }) => {
    const watching = countFrames(server.url('gate'), 60);
    const other = countFrames(server.url('lobby'), 3);
    await sleep(1_000);
    const dropped = Date.now();
    await server.dropCamera('gate', 1_000);
    const ended = await watching;
    // Its client's connection ends at once, as when a camera loses power: well before the 60 s it was watching for
    // (a loaded machine took 7.7 s to reap the client once; a connection left open would run the whole minute).
    expect(Date.now() - dropped).toBeLessThan(15_000);
    expect(ended.frames).toBeGreaterThan(0);
    const gone = await run('ffprobe', ['-rtsp_transport', 'tcp', '-v', 'error', server.url('gate')]);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toMatch(/404/);

    await sleep(Math.max(0, dropped + 1_100 - Date.now()));
    const back = await countFrames(server.url('gate'), 1);
    expect(back.code, back.stderr).toBe(0);
    expect(back.frames, back.stderr).toBeGreaterThanOrEqual(20);

    const stayed = await other;
    expect(stayed.code, stayed.stderr).toBe(0);
    expect(stayed.frames).toBeGreaterThanOrEqual(60);
  });

  it('keeps a dropped camera away until restoreCamera', async ({ expect }) => {
    await server.dropCamera('yard');
    await sleep(1_000);
    const gone = await run('ffprobe', ['-rtsp_transport', 'tcp', '-v', 'error', server.url('yard')]);
    expect(gone.stderr).toMatch(/404/);
    await server.restoreCamera('yard');
    expect((await probe(server.url('yard'))).map((s) => s.codec_name)).toEqual(['h264']);
    await expect(server.dropCamera('nobody')).rejects.toThrow(/no camera/);
  });
});
