/// <reference lib="dom" />
import mqtt from 'mqtt';
import type { Page } from 'playwright-core';
import { topicOf } from '../../main/site-link/interface/topics';
import { tempDir } from '../../main/testing/harness';
import { startMosquitto } from '../../main/testing/mosquitto';
import { startRtspServer } from '../../main/testing/rtsp';
import { openClient, startStationProcess } from '../../main/testing/station';
import { benchPage, launchChromium } from '../chromium';
import { median, type Report } from '../report';

const SITE = 'alarm-video-bench';
const RUNS = 5;
const ADMIN = { username: 'linker', displayName: 'Linker', password: 'Alarm-Wall-2026' };
/** A camera beside the fence's intrusion zones, and one at a gate with door controllers and no zone. */
const FENCE_CAMERA = '32061201011320000001';
const GATE_CAMERA = '32061201011320000002';
const zoneOf = (run: number) => `3206120101134${String(run + 1).padStart(7, '0')}`;
const doorOf = (run: number) => `3206120101140${String(run + 1).padStart(7, '0')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * From an alarm event's publish at the site to its linked camera's first
 * frame on the wall (the tile turns 'playing' in requestVideoFrameCallback),
 * through the real station process, broker and wall UI. alarm_to_video_ms is
 * an intrusion in an armed zone, whose nearest camera the station keeps warm;
 * the idle figure is a forced door whose camera nobody watched for a while
 * (ffmpeg starts and waits for the camera's next keyframe, GOP 2 s).
 */
export async function alarmToVideo(report: Report): Promise<void> {
  const rig = await startRtspServer({ cameras: [{ name: 'fence', offset: 0.3 }, { name: 'gate', offset: 0.7 }] });
  const broker = await startMosquitto();
  const station = await startStationProcess({ dataDir: tempDir('vigil-bench-linkage-'), broker: broker.url, site: SITE, station: 'bench-linkage' });
  const browser = await launchChromium();
  const site = await mqtt.connectAsync(broker.url, { clientId: 'bench-linkage-site' });
  try {
    const fence = { area: 'Bench', building: 'Fence', floor: '1F', x: 0.5, y: 0.5, ts: Date.now() };
    const gate = { ...fence, building: 'Gate' };
    const announce = (code: string, info: object, state?: object) =>
      Promise.all([
        site.publishAsync(topicOf('deviceInfo', { site: SITE, code }), JSON.stringify(info), { qos: 1, retain: true }),
        site.publishAsync(topicOf('deviceState', { site: SITE, code }), JSON.stringify({ status: 'online', ts: Date.now(), ...state }), { qos: 1, retain: true }),
      ]);
    const streams = (name: string) => [{ profile: 'main', url: rig.url(name) }, { profile: 'sub', url: rig.url(name) }];
    await announce(FENCE_CAMERA, { name: 'Fence camera', ...fence, streams: streams('fence') });
    await announce(GATE_CAMERA, { name: 'Gate camera', ...gate, streams: streams('gate') });
    for (let run = 0; run < RUNS; run++) {
      await announce(zoneOf(run), { name: `Fence zone ${run + 1}`, ...fence }, { zone: 'armed' });
      await announce(doorOf(run), { name: `Gate door ${run + 1}`, ...gate }, { door: 'closed' });
    }
    const admin = await openClient(station.url);
    await admin.call('auth.setup', { ...ADMIN, station: 'bench' });
    // The station keeps the camera nearest the armed zones warm once it has heard of them.
    for (let tries = 0; !(await admin.call('video.health', {})).some((stream) => stream.camera === FENCE_CAMERA && stream.warm && stream.lastFragmentAt); tries++) {
      if (tries > 100) throw new Error('the fence camera was not kept warm');
      await sleep(100);
    }
    admin.close();

    const page = await signedInWall(browser, station.url);
    const armed: number[] = [];
    const idle: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      console.error(`alarms: alarm to video, intrusion in an armed zone, run ${run + 1} of ${RUNS}`);
      await sleep(1_000 + run * 170); // somewhere else in the GOP each time
      armed.push(await raiseAndWatch(page, site, zoneOf(run), 'intrusion', FENCE_CAMERA));
    }
    for (let run = 0; run < RUNS; run++) {
      console.error(`alarms: alarm to video, forced door with an idle camera, run ${run + 1} of ${RUNS}`);
      // Past the gateway's idle stop: the gate camera's ffmpeg is gone.
      await sleep(12_000);
      idle.push(await raiseAndWatch(page, site, doorOf(run), 'door_forced', GATE_CAMERA));
    }
    report.add('alarm_to_video_ms', median(armed), 'ms', 'lower', 1000);
    report.add('alarm_to_video_idle_camera_ms', median(idle), 'ms', 'lower');
  } finally {
    await site.endAsync();
    await browser.close();
    await station.kill('SIGTERM');
    await broker.stop();
    await rig.stop();
  }
}

async function signedInWall(browser: Awaited<ReturnType<typeof launchChromium>>, url: string): Promise<Page> {
  const page = await benchPage(browser, { viewport: { width: 1600, height: 900 } });
  await page.addInitScript({ content: "localStorage.setItem('vigil.language', 'en');" });
  await page.goto(url);
  await page.locator('#username').fill(ADMIN.username);
  await page.locator('#password').fill(ADMIN.password);
  await page.locator('button[type=submit]').click();
  await page.locator(`[data-testid=camera-item][data-code="${GATE_CAMERA}"]`).waitFor();
  return page;
}

/** Publishes an intrusion and returns the milliseconds until the wall plays its camera; then goes back to the wall it replaced. */
async function raiseAndWatch(page: Page, site: mqtt.MqttClient, sensor: string, type: string, camera: string): Promise<number> {
  await page.evaluate((camera) => {
    const probe = { playingAt: 0 };
    (window as unknown as { probe: typeof probe }).probe = probe;
    const observer = new MutationObserver(() => {
      if (document.querySelector(`[data-testid=video-tile][data-camera="${camera}"][data-state=playing]`)) {
        probe.playingAt = performance.timeOrigin + performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-state', 'data-camera'] });
  }, camera);
  const published = performance.timeOrigin + performance.now();
  const id = `bench-link-${sensor.slice(-7)}-${Date.now()}`;
  await site.publishAsync(topicOf('deviceEvent', { site: SITE, code: sensor }), JSON.stringify({ id, type, ts: Date.now() }), { qos: 1 });
  await page.waitForFunction(() => (window as unknown as { probe: { playingAt: number } }).probe.playingAt > 0, undefined, { timeout: 20_000 });
  const playingAt = await page.evaluate(() => (window as unknown as { probe: { playingAt: number } }).probe.playingAt);
  await page.getByTestId('alarm-linkage').getByRole('button').click();
  await page.getByTestId('alarm-linkage').waitFor({ state: 'detached' });
  return playingAt - published;
}
