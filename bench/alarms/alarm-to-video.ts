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
const CAMERA = '32061201011320000001';
const sensorOf = (run: number) => `3206120101134${String(run + 1).padStart(7, '0')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * From an intrusion event's publish at the site to its linked camera's first
 * frame on the wall (the tile turns 'playing' in requestVideoFrameCallback),
 * through the real station process, broker and wall UI: with the camera's
 * stream idle (nobody watched it for a while: ffmpeg starts and waits for a
 * keyframe) and with it already streaming to another window.
 */
export async function alarmToVideo(report: Report): Promise<void> {
  const rig = await startRtspServer({ cameras: [{ name: 'gate', offset: 0.7 }] });
  const broker = await startMosquitto();
  const station = await startStationProcess({ dataDir: tempDir('vigil-bench-linkage-'), broker: broker.url, site: SITE, station: 'bench-linkage' });
  const browser = await launchChromium();
  const site = await mqtt.connectAsync(broker.url, { clientId: 'bench-linkage-site' });
  try {
    const place = { area: 'Bench', building: 'Bench', floor: '1F', x: 0.5, y: 0.5, ts: Date.now() };
    const url = rig.url('gate');
    await site.publishAsync(topicOf('deviceInfo', { site: SITE, code: CAMERA }), JSON.stringify({ name: 'Gate camera', ...place, streams: [{ profile: 'main', url }, { profile: 'sub', url }] }), { qos: 1, retain: true });
    for (let run = 0; run < RUNS * 2; run++) {
      await site.publishAsync(topicOf('deviceInfo', { site: SITE, code: sensorOf(run) }), JSON.stringify({ name: `Fence ${run + 1}`, ...place }), { qos: 1, retain: true });
    }
    const admin = await openClient(station.url);
    await admin.call('auth.setup', { ...ADMIN, station: 'bench' });
    admin.close();

    const page = await signedInWall(browser, station.url);
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      console.error(`alarms: alarm to video, idle camera, run ${run + 1} of ${RUNS}`);
      // Past the gateway's idle stop: the camera's ffmpeg is gone.
      await sleep(12_000);
      cold.push(await raiseAndWatch(page, site, sensorOf(run)));
    }
    // Another window watching the camera keeps its stream, and GOP, warm.
    const watcher = await signedInWall(browser, station.url);
    await watcher.locator(`[data-testid=camera-item][data-code="${CAMERA}"]`).dblclick();
    await watcher.locator(`[data-testid=video-tile][data-camera="${CAMERA}"][data-state=playing]`).waitFor({ timeout: 20_000 });
    for (let run = 0; run < RUNS; run++) {
      console.error(`alarms: alarm to video, streaming camera, run ${run + 1} of ${RUNS}`);
      await sleep(1_000 + run * 170); // somewhere else in the GOP each time
      warm.push(await raiseAndWatch(page, site, sensorOf(RUNS + run)));
    }
    report.add('alarm_to_video_ms', median([...cold, ...warm]), 'ms', 'lower', 1000);
    report.add('alarm_to_video_idle_camera_ms', median(cold), 'ms', 'lower', 1000);
    report.add('alarm_to_video_streaming_camera_ms', median(warm), 'ms', 'lower', 1000);
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
  await page.locator(`[data-testid=camera-item][data-code="${CAMERA}"]`).waitFor();
  return page;
}

/** Publishes an intrusion and returns the milliseconds until the wall plays its camera; then goes back to the wall it replaced. */
async function raiseAndWatch(page: Page, site: mqtt.MqttClient, sensor: string): Promise<number> {
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
  }, CAMERA);
  const published = performance.timeOrigin + performance.now();
  const id = `bench-link-${sensor.slice(-7)}-${Date.now()}`;
  await site.publishAsync(topicOf('deviceEvent', { site: SITE, code: sensor }), JSON.stringify({ id, type: 'intrusion', ts: Date.now() }), { qos: 1 });
  await page.waitForFunction(() => (window as unknown as { probe: { playingAt: number } }).probe.playingAt > 0, undefined, { timeout: 20_000 });
  const playingAt = await page.evaluate(() => (window as unknown as { probe: { playingAt: number } }).probe.playingAt);
  await page.getByTestId('alarm-linkage').getByRole('button').click();
  await page.getByTestId('alarm-linkage').waitFor({ state: 'detached' });
  return playingAt - published;
}
