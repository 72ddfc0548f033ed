import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOnvifSimulator, type OnvifSimulator } from '../testing/onvif-simulator';
import { freePort } from '../testing/processes';
import { connectOnvif, OnvifError, type OnvifDevice, type OnvifTarget } from './onvif';

const USERNAME = 'operator';
const PASSWORD = 'Gate-4711!';
const STREAMS = { main: 'rtsp://10.0.0.7:554/Streaming/101?transport=tcp&audio=0', sub: 'rtsp://10.0.0.7:554/Streaming/102' };
const PRESETS = [
  { token: '1', name: 'Main gate' },
  { token: '2', name: 'Car park & exit' },
];

let sim: OnvifSimulator;
let camera: OnvifDevice;
const target = (over: Partial<OnvifTarget> = {}): OnvifTarget => ({ host: sim.host, port: sim.port, username: USERNAME, password: PASSWORD, ...over });

beforeAll(async () => {
  sim = await startOnvifSimulator({ username: USERNAME, password: PASSWORD, streams: STREAMS, manufacturer: 'Acme', model: 'Dome X2', presets: PRESETS });
  camera = await connectOnvif(target());
});
afterAll(() => sim?.close());

/** Rejection of a promise (or throw of a call) as an OnvifError. */
async function failure(run: () => Promise<unknown>): Promise<OnvifError> {
  const error: unknown = await run().then(
    () => null,
    (err: unknown) => err,
  );
  if (!(error instanceof OnvifError)) throw new Error(`expected an OnvifError, got ${String(error)}`);
  return error;
}

describe('onvif camera', () => {
  it('connects through the advertised services and reads the device information as the camera wrote it', async () => {
    // "2.10" and "1.0" would come back as 2.1 and 1 from the package's parsed objects.
    expect(await camera.info()).toEqual({ manufacturer: 'Acme', model: 'Dome X2', firmwareVersion: '2.10', serialNumber: '0042', hardwareId: '1.0' });
    const connecting = sim.state.requests.slice(0, 4);
    expect(connecting.map((r) => `${r.service}:${r.action}`)).toEqual(['device:GetSystemDateAndTime', 'device:GetServices', 'media:GetProfiles', 'media:GetVideoSources']);
    expect(sim.state.requests.every((r) => r.accepted)).toBe(true);
  });

  it('lists the main and sub profiles with encoder, resolution and PTZ', () => {
    expect(camera.profiles()).toEqual([
      { token: 'profile_main', name: 'mainStream', encoding: 'H264', width: 1920, height: 1080, ptz: true },
      { token: 'profile_sub', name: 'subStream', encoding: 'H264', width: 640, height: 360, ptz: true },
    ]);
  });

  it('gives each profile its RTSP address, and a device fault for a profile the camera lacks', async () => {
    expect(await camera.streamUri('profile_main')).toBe(STREAMS.main);
    expect(await camera.streamUri('profile_sub')).toBe(STREAMS.sub);
    const error = await failure(() => camera.streamUri('profile_none'));
    expect(error.kind).toBe('device_fault');
    expect(error.message).toMatch(/profile token does not exist/);
  });

  it('sends ContinuousMove with the velocity, profile and timeout, then Stop', async () => {
    await camera.move('profile_sub', { x: 0.5, y: -0.25, zoom: 0 }, 1500);
    await camera.move('profile_main', { x: -1, y: 1, zoom: 0.75 });
    expect(sim.state.moves.slice(-2)).toEqual([
      { profileToken: 'profile_sub', x: 0.5, y: -0.25, zoom: 0, timeout: 'PT1.5S' },
      { profileToken: 'profile_main', x: -1, y: 1, zoom: 0.75, timeout: null },
    ]);
    await camera.stop('profile_main');
    expect(sim.state.stops.at(-1)).toEqual({ profileToken: 'profile_main' });
  });

  it('refuses a velocity outside -1..1, or a bad timeout, before sending anything', async () => {
    const sent = sim.state.requests.length;
    await expect(camera.move('profile_main', { x: 1.5, y: 0, zoom: 0 })).rejects.toThrow(RangeError);
    await expect(camera.move('profile_main', { x: 0, y: 0, zoom: -1.01 })).rejects.toThrow(/zoom must be from -1 to 1/);
    await expect(camera.move('profile_main', { x: 0, y: Number.NaN, zoom: 0 })).rejects.toThrow(/y must be/);
    await expect(camera.move('profile_main', { x: 0, y: 0, zoom: 0 }, -5)).rejects.toThrow(/timeout/);
    expect(sim.state.requests.length).toBe(sent);
  });

  it('lists the presets and goes to one', async () => {
    expect(await camera.presets('profile_main')).toEqual(PRESETS);
    await camera.gotoPreset('profile_main', '2');
    expect(sim.state.presetGotos.at(-1)).toEqual({ profileToken: 'profile_main', presetToken: '2' });
    expect((await failure(() => camera.gotoPreset('profile_main', '9'))).kind).toBe('device_fault');
  });

  it('reports a wrong password or user name as bad credentials, without the password', async () => {
    const refusedBefore = sim.state.requests.filter((r) => !r.accepted).length;
    for (const wrong of [{ password: 'gate-4711!' }, { username: 'admin' }]) {
      const error = await failure(() => connectOnvif(target(wrong)));
      expect(error.kind).toBe('bad_credentials');
      expect(error.message).toBe(`the camera at 127.0.0.1:${sim.port} refused the user name or password`);
      expect(error.message).not.toContain(wrong.password ?? PASSWORD);
    }
    expect(sim.state.requests.filter((r) => !r.accepted).length).toBeGreaterThan(refusedBefore);
  });

  it('reports a closed port and a silent camera as unreachable, naming host and port', async () => {
    const closed = await freePort();
    const refused = await failure(() => connectOnvif(target({ port: closed })));
    expect(refused.kind).toBe('unreachable');
    expect(refused.message).toContain(`127.0.0.1:${closed}`);

    const silent = net.createServer(() => {}); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const started = Date.now();
      const timedOut = await failure(() => connectOnvif(target({ port }), 300));
      expect(timedOut.kind).toBe('unreachable');
      expect(timedOut.message).toBe(`the camera at 127.0.0.1:${port} did not answer within 300 ms`);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      silent.close();
    }
  });

  it('signs tokens with the camera clock, so a camera an hour off still connects', async () => {
    const skewed = await startOnvifSimulator({ username: USERNAME, password: PASSWORD, streams: STREAMS, clockSkewMs: 3_600_000 });
    try {
      const device = await connectOnvif({ ...target(), port: skewed.port });
      expect(await device.streamUri('profile_main')).toBe(STREAMS.main);
    } finally {
      await skewed.close();
    }
  });

  it('connects to a camera whose profiles name no video source it has, which stalls a stock Cam.connect', async () => {
    const odd = await startOnvifSimulator({ username: USERNAME, password: PASSWORD, streams: STREAMS, profileSourceToken: 'sensor_2' });
    try {
      const device = await connectOnvif({ ...target(), port: odd.port }, 1_000);
      expect(device.profiles().map((p) => p.token)).toEqual(['profile_main', 'profile_sub']);
      expect(await device.streamUri('profile_sub')).toBe(STREAMS.sub);
    } finally {
      await odd.close();
    }
  }, 5_000);

  it('says a camera without PTZ is unsupported, and sends it no PTZ request', async () => {
    const fixed = await startOnvifSimulator({ username: USERNAME, password: PASSWORD, streams: STREAMS, ptz: false });
    try {
      const device = await connectOnvif({ ...target(), port: fixed.port });
      expect(device.profiles().map((p) => p.ptz)).toEqual([false, false]);
      for (const call of [() => device.move('profile_main', { x: 0.1, y: 0, zoom: 0 }), () => device.presets('profile_main')]) {
        const error = await failure(call);
        expect(error.kind).toBe('unsupported');
        expect(error.message).toMatch(/no pan-tilt-zoom/);
      }
      expect(fixed.state.requests.filter((r) => r.service === 'ptz')).toEqual([]);
    } finally {
      await fixed.close();
    }
  });
});

describe('onvif simulator authentication', () => {
  type Token = { username?: string; password?: string; created?: string; type?: 'PasswordDigest' | 'PasswordText' };
  // The digest is computed here, independently of the simulator: Base64(SHA1(nonce + created + password)).
  function securityHeader({ username = USERNAME, password = PASSWORD, created = new Date().toISOString(), type = 'PasswordDigest' }: Token) {
    const nonce = randomBytes(16);
    const secret = type === 'PasswordText' ? password : createHash('sha1').update(Buffer.concat([nonce, Buffer.from(created), Buffer.from(password)])).digest('base64');
    return (
      '<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" ' +
      'xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"><wsse:UsernameToken>' +
      `<wsse:Username>${username}</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#${type}">${secret}</wsse:Password>` +
      `<wsse:Nonce>${nonce.toString('base64')}</wsse:Nonce><wsu:Created>${created}</wsu:Created></wsse:UsernameToken></wsse:Security>`
    );
  }
  async function post(action: string, header: string) {
    const body =
      `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header>${header}</s:Header>` +
      `<s:Body><${action} xmlns="http://www.onvif.org/ver10/device/wsdl"/></s:Body></s:Envelope>`;
    const response = await fetch(sim.url, { method: 'POST', headers: { 'Content-Type': 'application/soap+xml; charset=utf-8' }, body });
    return { status: response.status, text: await response.text() };
  }

  it('accepts a digest made with the right password', async () => {
    const { status, text } = await post('GetDeviceInformation', securityHeader({}));
    expect(status).toBe(200);
    expect(text).toContain('<tds:Manufacturer>Acme</tds:Manufacturer>');
  });

  it.each<[string, string]>([
    ['a digest made with a wrong password', securityHeader({ password: 'Gate-4712!' })],
    ['a wrong user name', securityHeader({ username: 'admin' })],
    ['the password in clear text', securityHeader({ type: 'PasswordText' })],
    ['a token created ten minutes ago', securityHeader({ created: new Date(Date.now() - 600_000).toISOString() })],
    ['no token at all', ''],
  ])('refuses %s with HTTP 400 and ter:NotAuthorized', async (_, header) => {
    const { status, text } = await post('GetDeviceInformation', header);
    expect(status).toBe(400);
    expect(text).toContain('<env:Value>ter:NotAuthorized</env:Value>');
    expect(text).not.toContain('Manufacturer');
  });

  it('tells anyone its clock, as devices must', async () => {
    const { status, text } = await post('GetSystemDateAndTime', '');
    expect(status).toBe(200);
    expect(text).toContain(`<tt:Year>${new Date().getUTCFullYear()}</tt:Year>`);
  });
});
