import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { silentLogger } from '../logging/logger';
import { connectClient, testCore, waitFor } from '../testing/harness';
import { startRtspServer, type RtspServer } from '../testing/rtsp';
import { authorization, readChallenge } from './rtsp-auth';
import { RtspRelay } from './rtsp-relay';

const SIGN_IN = { username: 'viewer', password: 'Cam:Pw@7"x' };

describe('answering a camera’s challenge', () => {
  it('gives the RFC 2617 Digest response, with and without qop, and Basic where only Basic is offered', () => {
    const rfc = readChallenge(['CSeq: 2', 'WWW-Authenticate: Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"']);
    const mufasa = { username: 'Mufasa', password: 'Circle Of Life' };
    const header = authorization(rfc!, mufasa, 'GET', '/dir/index.html', 1, '0a4f113b');
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(header).toContain('nc=00000001');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');

    const plain = readChallenge(['WWW-Authenticate: Basic realm="cam"', 'WWW-Authenticate: Digest realm="IP Camera", nonce="abc"']);
    expect(plain).toEqual({ scheme: 'digest', realm: 'IP Camera', nonce: 'abc', opaque: undefined, qop: false, algorithm: undefined });
    expect(authorization(plain!, mufasa, 'DESCRIBE', 'rtsp://cam/1', 1)).not.toContain('qop');
    expect(authorization(readChallenge(['WWW-Authenticate: Basic realm="cam"'])!, mufasa, 'DESCRIBE', 'rtsp://cam/1', 1)).toBe(`Basic ${Buffer.from('Mufasa:Circle Of Life').toString('base64')}`);
    expect(readChallenge(['WWW-Authenticate: Digest realm="x", nonce="y", algorithm=SHA-256'])).toBeNull();
    expect(readChallenge(['CSeq: 1'])).toBeNull();
  });
});

/** Runs ffmpeg on `url` for three frames; its exit code and what it said. */
function play(url: string): Promise<{ code: number | null; said: string }> {
  return new Promise((resolve) => {
    const child = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-rtsp_transport', 'tcp', '-i', url, '-map', '0:v', '-c', 'copy', '-frames:v', '3', '-f', 'null', '-']);
    let said = '';
    child.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, said });
    });
  });
}

describe('the RTSP relay, against cameras that ask for a sign-in', () => {
  const cameras: RtspServer[] = [];
  const relay = new RtspRelay(silentLogger());
  beforeAll(async () => {
    await relay.start();
    for (const method of ['digest', 'basic'] as const) cameras.push(await startRtspServer({ cameras: [{ name: 'gate' }], recordings: [{ name: 'night' }], auth: { method, ...SIGN_IN } }));
  }, 60_000);
  afterAll(async () => {
    await relay.close();
    await Promise.all(cameras.map((camera) => camera.stop()));
  });

  it('plays a live camera and a recording by Digest and by Basic, the password on no command line', async () => {
    for (const camera of cameras) {
      expect((await play(camera.url('gate'))).said).toMatch(/401 Unauthorized/);
      for (const url of [camera.url('gate'), camera.recordUrl('night')]) {
        const local = relay.route(url, SIGN_IN);
        expect(local).toMatch(/^rtsp:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/(cam\/gate|record\/night)$/);
        expect(local).not.toContain('viewer');
        // ffmpeg probes by decoding: a live camera joined mid-GOP makes the H.264 decoder complain, which is not the relay's doing.
        const played = await play(local);
        expect([played.code, played.said.split('\n').filter((line) => line && !line.startsWith('[h264 @'))]).toEqual([0, []]);
      }
    }
  }, 60_000);

  it('passes the camera’s refusal of a wrong password on to ffmpeg, and says when a camera cannot be reached', async () => {
    const wrong = await play(relay.route(cameras[0]!.url('gate'), { ...SIGN_IN, password: 'not-it' }));
    expect([wrong.code, wrong.said]).toEqual([1, expect.stringMatching(/401 Unauthorized/)]);
    const away = await play(relay.route('rtsp://127.0.0.1:1/cam/away', SIGN_IN));
    expect([away.code, away.said]).toEqual([1, expect.stringMatching(/503 Camera unreachable \(connect ECONNREFUSED 127\.0\.0\.1:1\)/)]);
  }, 30_000);

  it('refuses a route it never gave, and a URL that carries its own sign-in or is not RTSP', async () => {
    const local = relay.route(cameras[0]!.url('gate'), SIGN_IN);
    const forged = local.replace(/\/[0-9a-f]{32}\//, `/${'0'.repeat(32)}/`);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(local).port), '127.0.0.1', () => socket.write(`OPTIONS ${forged} RTSP/1.0\r\nCSeq: 1\r\n\r\n`));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toBe('RTSP/1.0 404 Not Found\r\nCSeq: 1\r\n\r\n');
    expect(() => relay.route('rtsp://a:b@cam/1', SIGN_IN)).toThrow('takes the sign-in apart');
    expect(() => relay.route('http://cam/1', SIGN_IN)).toThrow('not http://');
  });
});

describe('a station playing a camera with a sign-in', () => {
  let camera: RtspServer;
  let core: Core;
  beforeAll(async () => {
    camera = await startRtspServer({ cameras: [{ name: 'gate' }], auth: { method: 'digest', ...SIGN_IN } });
    core = testCore({});
  }, 60_000);
  afterAll(async () => {
    await core?.close();
    await camera?.stop();
  });

  it('streams it while no process on the machine has the password on its command line', async () => {
    const code = '32061201011320000071';
    core.registry.applyInfo({ code, name: 'Signed gate', area: 'North', building: 'A', floor: '1F', vendor: 'Test', model: 'RTSP', at: Date.now(), streams: [{ profile: 'main', url: camera.url('gate') }] });
    const client = connectClient(core);
    await client.call('auth.setup', { username: 'admin', password: 'Video-Wall-2026', displayName: 'Admin', station: 'wall' });
    await client.call('video.credentials', { scope: code, username: SIGN_IN.username, password: SIGN_IN.password });
    const { stream } = await client.call('video.open', { camera: code, profile: 'main', h265: false });
    let fragments = 0;
    client.onVideo(stream, () => fragments++);
    await waitFor(() => fragments > 3, 'fragments from the signed-in camera', 15_000);

    const commandLines = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        return ''; // gone since the listing
      }
    });
    const ffmpeg = commandLines.filter((line) => line.includes('ffmpeg') && line.includes('127.0.0.1'));
    expect(ffmpeg.length).toBeGreaterThan(0);
    expect(commandLines.filter((line) => line.includes(SIGN_IN.password) || line.includes(encodeURIComponent(SIGN_IN.password)))).toEqual([]);
    expect(JSON.stringify(await client.call('video.health', {}))).toContain(`rtsp://***@127.0.0.1:${camera.port}/cam/gate`);
    client.close();
  }, 30_000);
});
