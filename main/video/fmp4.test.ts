import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Fmp4Splitter, GopCache, codecOf, type Segment } from './fmp4';

/** 4 s of 25 fps H.264 with a keyframe every second, remuxed as ffmpeg does for live viewers. */
let stream: Buffer;
beforeAll(() => {
  stream = execFileSync(
    'ffmpeg',
    [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-t', '4'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-keyint_min', '25', '-sc_threshold', '0', '-bf', '0'],
      ...['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-frag_duration', '200000', 'pipe:1'],
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
}, 30_000);

function split(chunks: Buffer[]): Segment[] {
  const segments: Segment[] = [];
  const splitter = new Fmp4Splitter((segment) => segments.push(segment));
  for (const chunk of chunks) splitter.push(chunk);
  return segments;
}

describe('fMP4 splitter', () => {
  it('finds the init segment, then fragments, a keyframe starting each second', () => {
    const segments = split([stream]);
    expect(segments[0]!.kind).toBe('init');
    const fragments = segments.slice(1).filter((segment) => segment.kind === 'fragment');
    expect(fragments.length).toBeGreaterThanOrEqual(16);
    const keyframes = fragments.filter((fragment) => fragment.kind === 'fragment' && fragment.keyframe);
    expect(keyframes).toHaveLength(4);
    expect(fragments[0]).toMatchObject({ keyframe: true });
    // Every byte is in a segment but the closing random-access index (mfra), which a live stream never reaches.
    const mfra = stream.readUInt32BE(stream.length - 4);
    expect(stream.toString('latin1', stream.length - mfra + 4, stream.length - mfra + 8)).toBe('mfra');
    expect(segments.reduce((sum, segment) => sum + segment.data.length, 0)).toBe(stream.length - mfra);
  });

  it('gives the same segments however the bytes are chunked', () => {
    const whole = split([stream]).map((segment) => segment.data.toString('base64'));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 200 }), (sizes) => {
        const chunks: Buffer[] = [];
        let offset = 0;
        for (let i = 0; offset < stream.length; i++) {
          const size = sizes[i % sizes.length]!;
          chunks.push(stream.subarray(offset, offset + size));
          offset += size;
        }
        expect(split(chunks).map((segment) => segment.data.toString('base64'))).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });
});

describe('fMP4 with sound', () => {
  it('takes keyframes from the video track alone, though every audio sample is a sync sample', () => {
    // One fragment per packet, as the gateway writes live video: audio packets become fragments of their own.
    const withSound = execFileSync('ffmpeg', [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=16000', '-t', '3'],
      ...['-map', '0:v', '-map', '1:a', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-keyint_min', '25', '-sc_threshold', '0', '-bf', '0'],
      ...['-c:a', 'aac', '-b:a', '48k', '-ac', '1'],
      ...['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof+frag_every_frame', 'pipe:1'],
    ]);
    const segments = split([withSound]);
    expect(codecOf(segments[0]!.data)).toMatch(/^avc1\.[0-9A-F]{6},mp4a\.40\.2$/);
    const fragments = segments.filter((segment) => segment.kind === 'fragment');
    // 75 video frames and about 47 AAC frames (1024 samples at 16 kHz), each a fragment of its own.
    expect(fragments.length).toBeGreaterThan(110);
    expect(fragments.filter((fragment) => fragment.keyframe)).toHaveLength(3);
  });
});

describe('GOP cache', () => {
  it('holds the init segment and the fragments since the last keyframe, from the keyframe on', () => {
    const cache = new GopCache();
    expect(cache.snapshot()).toBeNull();
    const segments = split([stream]);
    let lastKeyframe = -1;
    segments.forEach((segment, index) => {
      cache.add(segment);
      if (segment.kind === 'fragment' && segment.keyframe) lastKeyframe = index;
      const snapshot = cache.snapshot();
      if (lastKeyframe < 0) return expect(snapshot).toBeNull();
      expect(snapshot![0]).toBe(segments[0]);
      expect(snapshot!.slice(1)).toEqual(segments.slice(lastKeyframe, index + 1));
    });
    expect(cache.bytes).toBeLessThan(stream.length / 2);
  });
});

describe('codec of an init segment', () => {
  const initOf = (codec: string[]) =>
    split([
      execFileSync('ffmpeg', [
        ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-t', '0.2', '-pix_fmt', 'yuv420p', ...codec],
        ...['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', 'pipe:1'],
      ]),
    ])[0]!.data;

  it('names H.264 by profile and level, as MSE wants it', () => {
    expect(codecOf(initOf(['-c:v', 'libx264', '-profile:v', 'baseline', '-level', '3.0']))).toBe('avc1.42C01E');
    expect(codecOf(initOf(['-c:v', 'libx264', '-profile:v', 'high', '-level', '4.0']))).toBe('avc1.640028');
  });

  it('names H.265 by its sample entry, and nothing without a video track', () => {
    expect(codecOf(initOf(['-c:v', 'libx265', '-x265-params', 'log-level=none', '-tag:v', 'hvc1']))).toBe('hvc1');
    expect(codecOf(Buffer.from('not an mp4 at all'))).toBeNull();
  });
});
