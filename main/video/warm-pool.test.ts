import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { testCore, waitFor } from '../testing/harness';
import { startRtspServer, type RtspServer } from '../testing/rtsp';

const NEAR = '32061201011320000001';
const FAR = '32061201011320000002';
const ZONE = '32061201011340000001';
const OTHER_ZONE = '32061201011340000002';
let rig: RtspServer;
let core: Core;

beforeAll(async () => {
  rig = await startRtspServer({ cameras: [{ name: 'near' }, { name: 'far', offset: 0.5 }] });
  core = testCore({ video: { idleStopMs: 100 } });
  const place = (floor: string, x: number) => ({ area: 'North', building: 'A', floor, x, y: 0.5, vendor: 'Test', model: 'T', at: 1 });
  core.registry.applyInfo({ code: NEAR, name: 'Near', ...place('1F', 0.4), streams: [{ profile: 'main', url: rig.url('near') }] });
  core.registry.applyInfo({ code: FAR, name: 'Far', ...place('2F', 0.4), streams: [{ profile: 'main', url: rig.url('far') }] });
  core.registry.applyInfo({ code: ZONE, name: 'Fence', ...place('1F', 0.5), streams: [] });
  core.registry.applyInfo({ code: OTHER_ZONE, name: 'Roof', ...place('2F', 0.5), streams: [] });
}, 30_000);
afterAll(async () => {
  await core?.close();
  await rig?.stop();
});

const warmCameras = () => core.video.health().filter((stream) => stream.warm && stream.running).map((stream) => stream.camera);

describe('warm streams', () => {
  it('keeps the camera nearest each armed zone streaming with nobody watching, and lets go when the zone is disarmed', async () => {
    const pool = core.warm;
    let at = Date.now();
    const zone = (code: string, state: 'armed' | 'disarmed', status: 'online' | 'offline' = 'online') => core.registry.applyStatus({ code, status, at: ++at, zone: state });
    zone(ZONE, 'armed');
    zone(OTHER_ZONE, 'disarmed');
    pool.refresh();
    expect(pool.cameras()).toEqual([NEAR]);
    await waitFor(() => (core.video.health().find((stream) => stream.camera === NEAR)?.lastFragmentAt ?? 0) > 0, 'the warm stream to have media');
    expect(warmCameras()).toEqual([NEAR]);
    expect(core.video.health().find((stream) => stream.camera === NEAR)).toMatchObject({ viewers: 0, warm: true });

    zone(OTHER_ZONE, 'armed');
    zone(ZONE, 'armed', 'offline');
    pool.refresh();
    expect(pool.cameras()).toEqual([FAR]);
    await waitFor(() => !core.video.health().some((stream) => stream.camera === NEAR && stream.running), 'the near camera to stop');

    zone(OTHER_ZONE, 'disarmed');
    pool.refresh();
    expect(pool.cameras()).toEqual([]);
    await waitFor(() => core.video.health().every((stream) => !stream.running), 'every warm stream to stop');
  }, 30_000);
});
