import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClip, startRtspServer, type RtspServer } from '../testing/rtsp';
import { Fmp4Splitter, type Segment } from './fmp4';
import { playbackArguments, playbackUrl, recordingTimeAt, type Recorder } from './playback';

const at = (iso: string) => new Date(iso);

describe('playback URLs', () => {
  const hikvision: Recorder = { vendor: 'hikvision', host: '10.0.0.5', channel: 1 };

  it('asks Hikvision for a track by channel, in UTC, whole seconds covering the range', () => {
    expect(playbackUrl(hikvision, at('2024-03-05T07:08:09.250Z'), at('2024-03-05T08:00:00.100Z'))).toEqual({
      url: 'rtsp://10.0.0.5:554/Streaming/tracks/101?starttime=20240305t070809z&endtime=20240305t080001z',
      seekSeconds: 0,
      durationSeconds: null,
    });
    const { url } = playbackUrl({ ...hikvision, host: 'nvr.park.local', port: 8554, channel: 12 }, at('2024-12-31T23:59:59Z'), at('2025-01-01T00:10:00Z'));
    expect(url).toBe('rtsp://nvr.park.local:8554/Streaming/tracks/1201?starttime=20241231t235959z&endtime=20250101t001000z');
    expect(playbackUrl({ ...hikvision, host: '::1' }, at('2024-01-01T00:00:00Z'), at('2024-01-01T00:01:00Z')).url).toMatch(/^rtsp:\/\/\[::1\]:554\//);
  });

  it("asks Dahua in the NVR's own local time", () => {
    const dahua = (timeZoneOffsetMinutes: number): Recorder => ({ vendor: 'dahua', host: '10.0.0.6', channel: 3, timeZoneOffsetMinutes });
    // CET: 23:30 UTC is half past midnight the next day.
    expect(playbackUrl(dahua(60), at('2024-03-05T23:30:00Z'), at('2024-03-06T00:15:30Z'))).toEqual({
      url: 'rtsp://10.0.0.6:554/cam/playback?channel=3&subtype=0&starttime=2024_03_06_00_30_00&endtime=2024_03_06_01_15_30',
      seekSeconds: 0,
      durationSeconds: null,
    });
    // New York in winter: back into the old year.
    expect(playbackUrl(dahua(-300), at('2024-01-01T02:00:00Z'), at('2024-01-01T03:00:00Z')).url).toContain('starttime=2023_12_31_21_00_00&endtime=2023_12_31_22_00_00');
    // India, half an hour off; and UTC itself.
    expect(playbackUrl(dahua(330), at('2024-06-01T12:00:00Z'), at('2024-06-01T12:30:00Z')).url).toContain('starttime=2024_06_01_17_30_00&endtime=2024_06_01_18_00_00');
    expect(playbackUrl(dahua(0), at('2024-06-01T12:00:00Z'), at('2024-06-01T12:30:00Z')).url).toContain('starttime=2024_06_01_12_00_00');
  });

  it('turns the range into a seek and a duration for a generic recorder', () => {
    const generic: Recorder = { vendor: 'generic', baseUrl: 'rtsp://127.0.0.1:8554/record/gate', recordingStart: at('2024-05-01T08:00:00Z') };
    expect(playbackUrl(generic, at('2024-05-01T08:00:30.500Z'), at('2024-05-01T08:00:40.500Z'))).toEqual({
      url: 'rtsp://127.0.0.1:8554/record/gate',
      seekSeconds: 30.5,
      durationSeconds: 10,
    });
  });

  it('refuses ranges, channels, hosts and URLs it cannot play, saying why', () => {
    const from = at('2024-05-01T08:00:00Z');
    const later = (ms: number) => new Date(from.getTime() + ms);
    expect(() => playbackUrl(hikvision, from, from)).toThrow(/must be after from/);
    expect(() => playbackUrl(hikvision, from, later(-1000))).toThrow(/must be after from/);
    expect(() => playbackUrl(hikvision, from, later(24 * 3600_000 + 1))).toThrow(/24 hours at most/);
    expect(() => playbackUrl(hikvision, from, later(24 * 3600_000))).not.toThrow();
    expect(() => playbackUrl(hikvision, new Date(Number.NaN), from)).toThrow(/from is not a valid date/);
    for (const channel of [0, 257, 1.5]) expect(() => playbackUrl({ ...hikvision, channel }, from, later(1000))).toThrow(/channel .* is not 1–256/);
    expect(() => playbackUrl({ ...hikvision, channel: 256 }, from, later(1000))).not.toThrow();
    expect(() => playbackUrl({ ...hikvision, port: 0 }, from, later(1000))).toThrow(/port 0/);
    expect(() => playbackUrl({ ...hikvision, host: 'admin:secret@10.0.0.5' }, from, later(1000))).toThrow(/not a host name/);
    expect(() => playbackUrl({ vendor: 'dahua', host: 'nvr', channel: 1, timeZoneOffsetMinutes: 900 }, from, later(1000))).toThrow(/timeZoneOffsetMinutes/);
    const generic = { vendor: 'generic', baseUrl: 'rtsp://nvr/record/1', recordingStart: from } as const;
    expect(() => playbackUrl({ ...generic, baseUrl: 'rtsp://admin:secret@nvr/record/1' }, from, later(1000))).toThrow(/credentials/);
    expect(() => playbackUrl({ ...generic, baseUrl: 'http://nvr/record/1' }, from, later(1000))).toThrow(/rtsp:\/\//);
    expect(() => playbackUrl({ ...generic, baseUrl: 'nvr/record/1' }, from, later(1000))).toThrow(/not a URL/);
    expect(() => playbackUrl(generic, later(-1000), later(1000))).toThrow(/before the recording starts/);
  });
});

describe('playback arguments', () => {
  const before = (args: string[], option: string) => args.indexOf(option) < args.indexOf('-i');

  it('seeks server-side with -ss before -i, by exactly the seek, and copies', () => {
    const args = playbackArguments('rtsp://nvr/record/1', { seekSeconds: 30, speed: 1 });
    expect(args.join(' ')).toContain('-seek_timestamp 1 -ss 30.000 -i rtsp://nvr/record/1 -map 0:v:0 -c copy -an');
    expect(args).not.toContain('-user_agent');
    expect(args).not.toContain('-t');
    expect(args.at(-1)).toBe('pipe:1');
    expect(playbackArguments('rtsp://nvr/x', { seekSeconds: 0, speed: 1 })).not.toContain('-ss');
  });

  it('asks the server for speed with a Scale header, and stops after the duration in media time', () => {
    const args = playbackArguments('rtsp://nvr/x', { seekSeconds: 5, speed: 2, durationSeconds: 10 });
    expect(args[args.indexOf('-user_agent') + 1]).toBe('Vigil\r\nScale: 2');
    expect(args[args.indexOf('-t') + 1]).toBe('5.000');
    expect(before(args, '-user_agent') && before(args, '-t') && before(args, '-ss')).toBe(true);
    expect(playbackArguments('rtsp://nvr/x', { seekSeconds: 0, speed: 0.5 })).toContain('Vigil\r\nScale: 0.5');
  });

  it('refuses speeds and seeks it cannot serve', () => {
    for (const speed of [0, -1, 17, Number.NaN]) expect(() => playbackArguments('rtsp://nvr/x', { seekSeconds: 0, speed })).toThrow(/speed/);
    expect(() => playbackArguments('rtsp://nvr/x', { seekSeconds: -1, speed: 1 })).toThrow(/seekSeconds/);
    expect(() => playbackArguments('rtsp://nvr/x', { seekSeconds: 0, speed: 1, durationSeconds: 0 })).toThrow(/durationSeconds/);
  });

  it('maps media time back to recording time', () => {
    expect(recordingTimeAt(at('2024-05-01T08:00:30Z'), 2, 1.5).toISOString()).toBe('2024-05-01T08:00:33.000Z');
    expect(recordingTimeAt(at('2024-05-01T08:00:30Z'), 0.5, 4).toISOString()).toBe('2024-05-01T08:00:32.000Z');
  });
});

// ---- Against the RTSP test rig's recording (60 s, GOP 2 s, 25 fps) ----

/** Children of an ISO-BMFF box payload, by type. */
function child(box: Buffer, type: string, start = 8): Buffer {
  for (let offset = start; offset + 8 <= box.length; ) {
    const size = box.readUInt32BE(offset);
    if (size < 8) break;
    if (box.toString('latin1', offset + 4, offset + 8) === type) return box.subarray(offset, offset + size);
    offset += size;
  }
  throw new Error(`no ${type} box`);
}

/** The video track's timescale, from init's moov/trak/mdia/mdhd. */
function timescale(init: Buffer): number {
  const moov = child(init, 'moov', init.readUInt32BE(0)); // after ftyp
  const mdhd = child(child(child(moov, 'trak'), 'mdia'), 'mdhd');
  return mdhd.readUInt32BE(mdhd[8] === 1 ? 28 : 20);
}

/** A fragment's decode time (moof/traf/tfdt) and sample count (moof/traf/trun). */
function fragmentTimes(fragment: Buffer): { decodeTime: number; samples: number } {
  const traf = child(child(fragment, 'moof', 0), 'traf');
  const tfdt = child(traf, 'tfdt');
  const decodeTime = tfdt[8] === 1 ? Number(tfdt.readBigUInt64BE(12)) : tfdt.readUInt32BE(12);
  return { decodeTime, samples: child(traf, 'trun').readUInt32BE(12) };
}

type Pulled = { segments: Segment[]; firstFragmentAt: number; lastFragmentAt: number };

/** Runs ffmpeg into an Fmp4Splitter until `enough` (or its exit), then stops it. */
function pull(args: string[], enough: (segments: Segment[]) => boolean): Promise<Pulled> {
  return new Promise((resolve, reject) => {
    const ffmpeg = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const pulled: Pulled = { segments: [], firstFragmentAt: 0, lastFragmentAt: 0 };
    let errors = '';
    const finish = () => {
      clearTimeout(timer);
      ffmpeg.kill('SIGKILL');
      resolve(pulled);
    };
    const splitter = new Fmp4Splitter((segment) => {
      pulled.segments.push(segment);
      if (segment.kind === 'fragment') {
        pulled.lastFragmentAt = performance.now();
        pulled.firstFragmentAt ||= pulled.lastFragmentAt;
      }
      if (enough(pulled.segments)) finish();
    });
    const timer = setTimeout(() => {
      ffmpeg.kill('SIGKILL');
      reject(new Error(`ffmpeg gave too little within 10 s: ${errors}`));
    }, 10_000);
    ffmpeg.stdout.on('data', (chunk: Buffer) => splitter.push(chunk));
    ffmpeg.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    ffmpeg.once('error', reject);
    ffmpeg.once('exit', finish);
  });
}

/** MD5 of the first picture ffmpeg decodes from `input` (ffmpeg input arguments), with `stdin` piped in. */
function firstPicture(input: string[], stdin?: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const ffmpeg = spawn('ffmpeg', ['-v', 'error', ...input, '-frames:v', '1', '-f', 'framemd5', '-']);
    let out = '';
    let errors = '';
    ffmpeg.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    ffmpeg.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    ffmpeg.once('error', reject);
    ffmpeg.once('exit', () => {
      const md5 = /([0-9a-f]{32})\s*$/.exec(out)?.[1];
      if (md5) resolve(md5);
      else reject(new Error(`no picture from ffmpeg ${input.join(' ')}: ${errors}`));
    });
    ffmpeg.stdin.end(stdin);
  });
}

/** The picture an init segment and its first fragment start with. */
const streamedPicture = (init: Segment, fragment: Segment) => firstPicture(['-f', 'mp4', '-i', 'pipe:0'], Buffer.concat([init.data, fragment.data]));
/** The recording's picture at `seconds`. */
const recordingPicture = (clip: string, seconds: number) => firstPicture(['-ss', String(seconds), '-i', clip]);

/** Seconds of media from the first fragment's start to the last's, and the frames in between. */
function mediaSpan(segments: Segment[]): { scale: number; first: number; seconds: number; frames: number } {
  const init = segments.find((segment) => segment.kind === 'init');
  const fragments = segments.filter((segment) => segment.kind === 'fragment').map((segment) => fragmentTimes(segment.data));
  if (!init || fragments.length < 2) throw new Error('need an init segment and two fragments');
  const scale = timescale(init.data);
  const first = fragments[0]!.decodeTime / scale;
  const seconds = fragments.at(-1)!.decodeTime / scale - first;
  const frames = fragments.slice(0, -1).reduce((sum, fragment) => sum + fragment.samples, 0);
  return { scale, first, seconds, frames };
}

/** Until a second of media has come, counted by the fragments' decode times. */
const aSecond = (segments: Segment[]) => {
  try {
    return mediaSpan(segments).seconds >= 1;
  } catch {
    return false;
  }
};

describe.concurrent('playback from the test rig', () => {
  let server: RtspServer;
  const clip = makeClip({ seconds: 60 });
  const recordingStart = at('2024-05-01T08:00:00Z');
  const recorder = (): Recorder => ({ vendor: 'generic', baseUrl: server.recordUrl('nvr'), recordingStart });

  beforeAll(async () => {
    server = await startRtspServer({ recordings: [{ name: 'nvr', clip }] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('plays 08:00:30 on: init, then a keyframe that is the recording at 30 s, then real-time media from 0', async ({ expect }) => {
    const from = at('2024-05-01T08:00:30Z');
    const target = playbackUrl(recorder(), from, at('2024-05-01T08:00:40Z'));
    expect(target.seekSeconds).toBe(30);
    const pulled = await pull(playbackArguments(target.url, { seekSeconds: target.seekSeconds, speed: 1, durationSeconds: target.durationSeconds }), aSecond);
    const [init, first] = pulled.segments;
    expect(init?.kind).toBe('init');
    expect(first?.kind === 'fragment' && first.keyframe).toBe(true);

    // Rebased (-seek_timestamp): media time 0 is the seek point, 25 frames a second, paced in real time by the server.
    const span = mediaSpan(pulled.segments);
    expect(span.first).toBe(0);
    expect(span.frames / span.seconds).toBeCloseTo(25, -1);
    expect(pulled.lastFragmentAt - pulled.firstFragmentAt).toBeGreaterThan(span.seconds * 1000 * 0.7);
    expect(recordingTimeAt(from, 1, span.first).toISOString()).toBe('2024-05-01T08:00:30.000Z');

    // That media time 0 is 30 s into the recording: the copied keyframe decodes to the recording's picture at 30 s.
    const [streamed, at30, at28] = await Promise.all([
      streamedPicture(init!, first!),
      recordingPicture(clip, 30),
      recordingPicture(clip, 28),
    ]);
    expect(streamed).toBe(at30);
    expect(streamed).not.toBe(at28);
  });

  it('plays at 2x: every frame, twice as many per second of media, from the seek point', async ({ expect }) => {
    const pulled = await pull(playbackArguments(server.recordUrl('nvr'), { seekSeconds: 10, speed: 2 }), aSecond);
    const span = mediaSpan(pulled.segments);
    // The server sends 2 s of recording per second, stamped as sent: 50 frames a media second.
    expect(span.frames / span.seconds).toBeGreaterThan(45);
    expect(span.frames / span.seconds).toBeLessThan(55);
    const first = pulled.segments.find((segment) => segment.kind === 'fragment')!;
    expect(await streamedPicture(pulled.segments[0]!, first)).toBe(await recordingPicture(clip, 10));
  });

  it('plays at 0.5x: half as many frames per second of media', async ({ expect }) => {
    const pulled = await pull(playbackArguments(server.recordUrl('nvr'), { seekSeconds: 20, speed: 0.5 }), aSecond);
    const span = mediaSpan(pulled.segments);
    expect(span.frames / span.seconds).toBeGreaterThan(10);
    expect(span.frames / span.seconds).toBeLessThan(15);
  });
});
