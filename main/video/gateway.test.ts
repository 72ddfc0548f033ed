import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractError, VideoState } from '../contract';
import type { Core } from '../core';
import { connectClient, tempDir, testCore, waitFor } from '../testing/harness';
import { makeClip, startRtspServer } from '../testing/rtsp';
import { silentLogger } from '../logging/logger';
import { resolveFfmpeg } from './ffmpeg';
import { VideoGateway } from './gateway';
import { Connection } from '../router/connection';

const CAMERA = '32061201011320000001';
const OTHER = '32061201011320000002';
const MUTE = '32061201011320000003';
const RECORDED = '32061201011320000004';
const INTERCOM = '32061201011320000005';
const ADMIN = { username: 'admin', password: 'Video-Wall-2026', displayName: 'Admin' };

type Server = Awaited<ReturnType<typeof startRtspServer>>;
let server: Server;
let core: Core;
let dataDir: string;

beforeAll(async () => {
  server = await startRtspServer({ cameras: [{ name: 'gate', offset: 0.4 }, { name: 'intercom', clip: makeClip({ audio: 'pcma', seconds: 4 }) }], recordings: [{ name: 'night' }] });
  dataDir = tempDir();
  core = testCore({ dataDir, video: { idleStopMs: 200 } });
  const streams: Record<string, string> = { [CAMERA]: server.url('gate'), [OTHER]: 'rtsp://127.0.0.1:1/none', [INTERCOM]: server.url('intercom') };
  for (const [code, name] of [[CAMERA, 'Gate'], [OTHER, 'Nowhere'], [MUTE, 'Mute'], [INTERCOM, 'Intercom']] as const) {
    const url = streams[code];
    core.registry.applyInfo({ code, name, area: 'North', building: 'A', floor: '1F', vendor: 'Test', model: 'RTSP', at: Date.now(), streams: url ? [{ profile: 'main', url }] : [] });
  }
  await connectClient(core).call('auth.setup', { ...ADMIN, station: 'wall' });
}, 60_000);
afterAll(async () => {
  await core?.close();
  void server?.stop();
});

/** A signed-in window that records its stream states and media. */
async function window() {
  const client = connectClient(core);
  await client.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password, station: 'wall' });
  const states: VideoState[] = [];
  client.on('video.state', (state) => states.push(state));
  const media = new Map<number, Uint8Array[]>();
  const open = async (camera = CAMERA, audio = false) => {
    const { stream } = await client.call('video.open', { camera, profile: 'main', h265: false, audio });
    media.set(stream, []);
    client.onVideo(stream, (data) => media.get(stream)!.push(data));
    return stream;
  };
  return { client, states, media, open };
}

const box = (data: Uint8Array) => Buffer.from(data).toString('latin1', 4, 8);

describe('video gateway', () => {
  it('streams a camera to a window: state, then the init segment and fragments, with the codec to open MSE with', async () => {
    const wall = await window();
    const stream = await wall.open();
    await waitFor(() => wall.media.get(stream)!.length > 3, 'media');
    expect(box(wall.media.get(stream)![0]!)).toBe('ftyp');
    expect(wall.states.filter((state) => state.stream === stream).map((state) => state.state)).toEqual(['starting', 'live']);
    expect(wall.states.find((state) => state.state === 'live')).toMatchObject({ codec: 'avc1.42C01E', transcoded: false });
    wall.client.close();
  });

  it('runs one ffmpeg per camera however many windows show it, and stops it when the last window closes', async () => {
    const a = await window();
    const b = await window();
    const [sa, sb] = [await a.open(), await b.open()];
    await waitFor(() => a.media.get(sa)!.length > 1 && b.media.get(sb)!.length > 1, 'both windows');
    const health = await a.client.call('video.health', {});
    expect(health).toHaveLength(1);
    expect(health[0]).toMatchObject({ camera: CAMERA, viewers: 2, running: true });
    await a.client.call('video.close', { stream: sa });
    b.client.close();
    await waitFor(() => core.video.health().every((entry) => !entry.running), 'ffmpeg stopped');
    a.client.close();
  });

  it('refuses a camera it does not know, a stream of another window, and more streams than a window may hold', async () => {
    const wall = await window();
    const other = await window();
    const code = async (promise: Promise<unknown>) => promise.then(() => 'ok', (error: ContractError) => error.code);
    expect(await code(wall.client.call('video.open', { camera: '32061201011320009999', profile: 'main', h265: false }))).toBe('not_found');
    const stream = await wall.open();
    expect(await code(other.client.call('video.close', { stream }))).toBe('not_found');
    for (let i = 1; i < 36; i++) await wall.open();
    expect(await code(wall.client.call('video.open', { camera: CAMERA, profile: 'main', h265: false }))).toBe('limit_reached');
    wall.client.close();
    other.client.close();
  });

  it('says a stream is reconnecting when its camera is away, and refuses a camera without a stream', async () => {
    const wall = await window();
    const refused = await wall.client.call('video.open', { camera: MUTE, profile: 'main', h265: false }).catch((error: ContractError) => error);
    expect(refused).toMatchObject({ code: 'unavailable', message: 'Mute has announced no video stream' });
    const stream = await wall.open(OTHER);
    await waitFor(() => wall.states.some((state) => state.stream === stream && state.state === 'reconnecting'), 'reconnecting');
    wall.client.close();
  });

  it('takes a snapshot: a JPEG of the newest picture, saved and in the audit trail with camera and officer', async () => {
    const wall = await window();
    const shot = await wall.client.call('video.snapshot', { camera: CAMERA });
    const jpeg = Buffer.from(shot.jpegBase64, 'base64');
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(fs.readFileSync(path.join(dataDir, shot.file))).toEqual(jpeg);
    const entry = core.audit.list({ limit: 5 }).find((candidate) => candidate.action === 'video.snapshot');
    expect(entry).toMatchObject({ action: 'video.snapshot', actor: 'admin', target: CAMERA, outcome: 'ok' });
    wall.client.close();
  });

  it('keeps camera credentials in the core: given to ffmpeg, never to windows or the health report', async () => {
    const wall = await window();
    await wall.client.call('video.credentials', { scope: '*', username: 'viewer', password: 'Cam-Secret-1' });
    const stream = await wall.open();
    await waitFor(() => (wall.media.get(stream)?.length ?? 0) > 1, 'media with credentials');
    const health = JSON.stringify(await wall.client.call('video.health', {}));
    expect(health).toContain('***@');
    expect(health).not.toContain('Cam-Secret-1');
    expect(JSON.stringify(core.audit.list({ limit: 1 })[0])).not.toContain('Cam-Secret-1');
    wall.client.close();
  });
});

describe('sound on request', () => {
  it('plays a camera silent by default, and with its G.711 sound as AAC when a window asks, each a stream of its own', async () => {
    const wall = await window();
    const silent = await wall.open(INTERCOM);
    const audible = await wall.open(INTERCOM, true);
    await waitFor(() => [silent, audible].every((stream) => wall.states.some((state) => state.stream === stream && state.state === 'live')), 'both live', 15_000);
    const codecOf = (stream: number) => wall.states.find((state) => state.stream === stream && state.state === 'live')?.codec;
    expect(codecOf(silent)).toBe('avc1.42C01E');
    expect(codecOf(audible)).toBe('avc1.42C01E,mp4a.40.2');
    await waitFor(() => (wall.media.get(audible)?.length ?? 0) > 30, 'media with sound');
    expect(core.video.health().filter((entry) => entry.camera === INTERCOM && entry.running)).toHaveLength(2);
    wall.client.close();
  }, 30_000);
});

describe('codecs the renderer cannot decode', () => {
  let clip: string;
  beforeAll(() => {
    clip = path.join(tempDir(), 'h265.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-t', '4', '-pix_fmt', 'yuv420p', '-c:v', 'libx265', '-x265-params', 'log-level=none:keyint=25', '-tag:v', 'hvc1', clip]);
  }, 30_000);

  it('transcodes H.265 to H.264 for a window without H.265, and remuxes it for one with', async () => {
    const gateway = new VideoGateway({ ffmpeg: resolveFfmpeg(), logger: silentLogger(), resolve: () => ({ kind: 'loop', file: clip }), recording: () => { throw new Error('no recordings here'); } });
    const sent: { states: VideoState[]; frames: number } = { states: [], frames: 0 };
    const connection = new Connection(1, 'test', {
      send: (message) => {
        if (message.t === 'video') sent.frames++;
        else if (message.t === 'event' && message.name === 'video.state') sent.states.push(message.payload as VideoState);
      },
    });
    const plain = gateway.open(connection, { camera: CAMERA, profile: 'main', h265: false, audio: false });
    const capable = gateway.open(connection, { camera: CAMERA, profile: 'main', h265: true, audio: false });
    await waitFor(() => sent.states.filter((state) => state.state === 'live').length === 2, 'both live', 15_000);
    expect(sent.states.find((state) => state.stream === plain && state.state === 'live')).toMatchObject({ codec: expect.stringMatching(/^avc1\./), transcoded: true });
    expect(sent.states.find((state) => state.stream === capable && state.state === 'live')).toMatchObject({ codec: 'hvc1', transcoded: false });
    expect(gateway.health().map((entry) => entry.transcoding).sort()).toEqual([false, true]);
    gateway.stop();
  });
});

describe('saved walls', () => {
  it('keeps each officer’s walls apart, replaces by name, and says when there is none to delete', async () => {
    const admin = await window();
    const wall = { name: 'Night shift', layout: '16', tiles: [CAMERA, '', OTHER], tourSeconds: 30 };
    await admin.client.call('walls.save', wall);
    await admin.client.call('walls.save', { ...wall, layout: '9' });
    expect(await admin.client.call('walls.list', {})).toEqual([{ ...wall, layout: '9' }]);
    await admin.client.call('users.create', { username: 'duty', displayName: 'Duty', role: 'duty_officer', password: 'Watch-Floor-2026' });
    const duty = connectClient(core);
    await duty.call('auth.signIn', { username: 'duty', password: 'Watch-Floor-2026', station: 'wall' });
    expect(await duty.call('walls.list', {})).toEqual([]);
    await expect(duty.call('walls.delete', { name: 'Night shift' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(admin.client.call('walls.save', { ...wall, tiles: ['not-a-camera'] })).rejects.toMatchObject({ code: 'invalid_input' });
    await admin.client.call('walls.delete', { name: 'Night shift' });
    expect(await admin.client.call('walls.list', {})).toEqual([]);
  });
});

describe('playback', () => {
  it('plays a recording for one window, jumps within its range, says when it ended, and refuses what it cannot play', async () => {
    const day = Date.now() - 3600_000;
    core.registry.applyInfo({
      code: RECORDED, name: 'Recorded', area: 'North', building: 'A', floor: '1F', vendor: 'Test', model: 'NVR', at: Date.now(),
      streams: [{ profile: 'main', url: server.url('gate') }],
      recording: { vendor: 'generic', url: server.recordUrl('night'), channel: 1, timeZoneOffsetMinutes: 0, start: day },
    });
    const wall = await window();
    const code = async (promise: Promise<unknown>) => promise.then(() => 'ok', (error: ContractError) => error.code);
    expect(await code(wall.client.call('video.playback', { camera: CAMERA, from: day, to: day + 60_000, speed: 1, h265: false }))).toBe('unavailable');
    expect(await code(wall.client.call('video.playback', { camera: RECORDED, from: day, to: day - 1, speed: 1, h265: false }))).toBe('invalid_input');

    const { stream } = await wall.client.call('video.playback', { camera: RECORDED, from: day + 30_000, to: day + 34_000, speed: 1, h265: false });
    wall.media.set(stream, []);
    wall.client.onVideo(stream, (data) => wall.media.get(stream)!.push(data));
    await waitFor(() => (wall.media.get(stream)?.length ?? 0) > 3, 'recorded media');
    expect(box(wall.media.get(stream)![0]!)).toBe('ftyp');
    expect(core.audit.list({ limit: 5 }).find((entry) => entry.action === 'video.playback')).toMatchObject({ target: RECORDED, outcome: 'ok' });
    expect(await code(wall.client.call('video.seek', { stream, at: day, speed: 1 }))).toBe('invalid_input');
    await wall.client.call('video.seek', { stream, at: day + 32_000, speed: 2 });
    await waitFor(() => wall.states.some((state) => state.stream === stream && state.state === 'ended'), 'the end of the range', 15_000);
    expect(core.video.health().filter((entry) => entry.source.startsWith('recording:'))).toHaveLength(1);
    await wall.client.call('video.close', { stream });
    expect(core.video.health().filter((entry) => entry.source.startsWith('recording:'))).toHaveLength(0);
    wall.client.close();
  }, 30_000);
});
