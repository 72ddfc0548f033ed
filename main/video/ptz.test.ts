import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../contract';
import type { Core } from '../core';
import { connectClient, rejection, testCore } from '../testing/harness';
import { startOnvifSimulator, type OnvifSimulator } from '../testing/onvif-simulator';
import type { OnvifDevice } from './onvif';
import { PtzService } from './ptz';

const DOME = '32061201011310000001';
const WRONG_PASSWORD = '32061201011310000002';
const NO_ONVIF = '32061201011320000003';
const FIXED = '32061201011320000004';
const CREDENTIALS = { username: 'ptz-operator', password: 'Pan-Tilt-2026!' };
const STREAMS = { main: 'rtsp://10.0.0.5/main', sub: 'rtsp://10.0.0.5/sub' };
const PRESETS = [
  { token: '1', name: 'Main gate' },
  { token: '2', name: 'Car park' },
];
const PASSWORD = 'Duty-Officer-2026';

let dome: OnvifSimulator;
let fixed: OnvifSimulator;
let core: Core;
let officer: CoreClient;
let auditor: CoreClient;

async function signedIn(role: 'duty_officer' | 'auditor'): Promise<CoreClient> {
  await core.auth.createUser({ username: role, displayName: role, role, password: PASSWORD });
  const client = connectClient(core);
  await client.call('auth.signIn', { username: role, password: PASSWORD, station: 'wall' });
  return client;
}

beforeAll(async () => {
  dome = await startOnvifSimulator({ ...CREDENTIALS, streams: STREAMS, presets: PRESETS });
  fixed = await startOnvifSimulator({ ...CREDENTIALS, streams: STREAMS, ptz: false });
  core = testCore();
  const cameras: [string, string | undefined][] = [[DOME, dome.url], [WRONG_PASSWORD, dome.url], [NO_ONVIF, undefined], [FIXED, fixed.url]];
  for (const [code, onvif] of cameras) {
    core.registry.applyInfo({ code, name: `Camera ${code.slice(-1)}`, area: 'North', building: 'A', floor: '1F', vendor: 'Test', model: 'PTZ', streams: [], onvif, at: Date.now() });
  }
  core.cameras.setCredentials('*', CREDENTIALS.username, CREDENTIALS.password);
  core.cameras.setCredentials(WRONG_PASSWORD, CREDENTIALS.username, 'not-the-password');
  officer = await signedIn('duty_officer');
  auditor = await signedIn('auditor');
}, 30_000);
afterAll(async () => {
  await core?.close();
  await Promise.all([dome?.close(), fixed?.close()]);
});


const connects = () => dome.state.requests.filter((request) => request.action === 'GetProfiles').length;

describe('pan-tilt-zoom through the core', () => {
  it('moves with the velocity asked, on a timer that stops the camera should the window go away', async () => {
    await officer.call('ptz.move', { camera: DOME, x: 0.5, y: -0.25, zoom: 0 });
    expect(dome.state.moves.at(-1)).toEqual({ profileToken: 'profile_main', x: 0.5, y: -0.25, zoom: 0, timeout: 'PT5S' });
    await officer.call('ptz.stop', { camera: DOME });
    expect(dome.state.stops.at(-1)).toEqual({ profileToken: 'profile_main' });
  });

  it('keeps one connection per camera', async () => {
    const before = connects();
    await Promise.all([officer.call('ptz.move', { camera: DOME, x: 0, y: 0, zoom: 1 }), officer.call('ptz.stop', { camera: DOME })]);
    expect(connects()).toBe(before);
  });

  it('sends a quick press and release in order, even when the move is slow to be answered', async () => {
    const sent: string[] = [];
    const slowCamera = async (): Promise<OnvifDevice> => ({
      profiles: () => [{ token: 'p', name: 'p', encoding: 'H264', width: 1, height: 1, ptz: true }],
      move: async () => {
        sent.push('move');
        await new Promise((resolve) => setTimeout(resolve, 50));
        sent.push('moving');
      },
      stop: async () => void sent.push('stop'),
      info: () => Promise.reject(new Error('unused')),
      streamUri: () => Promise.reject(new Error('unused')),
      presets: () => Promise.reject(new Error('unused')),
      gotoPreset: () => Promise.reject(new Error('unused')),
    });
    const ptz = new PtzService(core.registry, core.cameras, slowCamera);
    await Promise.all([ptz.move(DOME, { x: 1, y: 0, zoom: 0 }), ptz.stop(DOME)]);
    expect(sent).toEqual(['move', 'moving', 'stop']);
  });

  it('lists the presets and goes to one, audited with the camera as target', async () => {
    expect(await officer.call('ptz.presets', { camera: DOME })).toEqual(PRESETS);
    await officer.call('ptz.goto', { camera: DOME, preset: '2' });
    expect(dome.state.presetGotos.at(-1)).toEqual({ profileToken: 'profile_main', presetToken: '2' });
    const [entry] = core.audit.list({ limit: 1, action: 'ptz.goto' });
    expect(entry).toMatchObject({ actor: 'duty_officer', target: DOME, outcome: 'ok', detail: { camera: DOME, preset: '2' } });
    expect(core.audit.list({ limit: 10, action: 'ptz.move' })).toEqual([]);
  });

  it('connects afresh after a request failed', async () => {
    const error = await rejection(officer.call('ptz.goto', { camera: DOME, preset: '99' }));
    expect(error.code).toBe('unavailable');
    const before = connects();
    await officer.call('ptz.goto', { camera: DOME, preset: '1' });
    expect(connects()).toBe(before + 1);
  });

  it('says so when the camera refuses its credentials, and uses new ones as soon as they are set', async () => {
    const error = await rejection(officer.call('ptz.move', { camera: WRONG_PASSWORD, x: 1, y: 0, zoom: 0 }));
    expect(error.code).toBe('bad_credentials');
    expect(error.message).toBe('the camera refused the user name or password set for it');
    expect(error.message).not.toContain('not-the-password');
    core.cameras.setCredentials(WRONG_PASSWORD, CREDENTIALS.username, CREDENTIALS.password);
    await officer.call('ptz.move', { camera: WRONG_PASSWORD, x: 1, y: 0, zoom: 0 });
    expect(dome.state.moves.at(-1)).toMatchObject({ x: 1, y: 0, zoom: 0 });
  });

  it('refuses cameras that cannot pan, tilt or zoom', async () => {
    const none = await rejection(officer.call('ptz.presets', { camera: NO_ONVIF }));
    expect(none.code).toBe('unavailable');
    expect(none.message).toContain('announced no ONVIF address');
    const fixedCamera = await rejection(officer.call('ptz.move', { camera: FIXED, x: 0, y: 1, zoom: 0 }));
    expect(fixedCamera).toMatchObject({ code: 'unavailable', message: 'this camera has no PTZ' });
    expect(fixed.state.requests.filter((request) => request.service === 'ptz')).toEqual([]);
    expect((await rejection(officer.call('ptz.stop', { camera: '32061201011320000099' }))).code).toBe('not_found');
  });

  it('refuses speeds outside -1 to 1, and roles without video.ptz', async () => {
    expect((await rejection(officer.call('ptz.move', { camera: DOME, x: 2, y: 0, zoom: 0 }))).code).toBe('invalid_input');
    expect((await rejection(auditor.call('ptz.goto', { camera: DOME, preset: '1' }))).code).toBe('forbidden');
    expect((await rejection(auditor.call('ptz.move', { camera: DOME, x: 0, y: 0, zoom: 0 }))).code).toBe('forbidden');
  });

  it('tells windows which cameras announced an ONVIF address', async () => {
    expect((await officer.call('devices.get', { code: DOME })).onvif).toBe(dome.url);
    expect((await officer.call('devices.get', { code: NO_ONVIF })).onvif).toBeNull();
  });
});
