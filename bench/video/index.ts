/// <reference lib="dom" />
import mqtt from 'mqtt';
import type { Page } from 'playwright-core';
import { benchPage, launchChromium } from '../chromium';
import { topicOf } from '../../main/site-link/interface/topics';
import { tempDir } from '../../main/testing/harness';
import { startMosquitto } from '../../main/testing/mosquitto';
import { startRtspServer } from '../../main/testing/rtsp';
import { openClient, startStationProcess } from '../../main/testing/station';
import { median, percentile, Unmeasured, type Report } from '../report';
import { addedLatency, directClient, FPS, numberedClip, stopNumbers, takePresented, watchNumbers } from './latency';
import { liveEdge, type Presented } from './live-edge';
import { naiveFirstFrame } from './naive';
import { treeUsage } from './process-tree';
import { STALL_MS, tileCounts, watchTiles } from './tiles';

const SITE = 'video-bench';
const WALL = 16;
const RUNS = 7;
const ADMIN = { username: 'bench', displayName: 'Bench', password: 'Wall-Screen-2026' };
/** The live-edge run, after the 16-tile minute: 10 minutes, as the issue asks; BENCH_VIDEO_MINUTES shortens it for a quick look. */
const LIVE_MINUTES = Number(process.env.BENCH_VIDEO_MINUTES ?? 10);
/** Tiles whose frame numbers are read at a time during the live-edge run, and for how long each turn. */
const READ_AT_ONCE = 4;
const WATCH_S = 10;

const codeOf = (index: number) => `32061201011320${String(index + 1).padStart(6, '0')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Probe = { clickAt: number; shownAt: number };

/**
 * Milliseconds from double-clicking a camera to its first frame shown on
 * tile 1: requestVideoFrameCallback's expectedDisplayTime on the tile's
 * video, not the tile's state attribute, which React sets a render later.
 */
async function firstFrame(page: Page, code: string): Promise<number> {
  await page.evaluate(() => {
    const probe: Probe = { clickAt: 0, shownAt: 0 };
    (window as unknown as { probe: Probe }).probe = probe;
    const video = document.querySelector('[data-testid=video-tile] video') as HTMLVideoElement;
    document.addEventListener('dblclick', () => (probe.clickAt = performance.now()), { capture: true, once: true });
    video.requestVideoFrameCallback((_, metadata) => (probe.shownAt = metadata.expectedDisplayTime));
  });
  await page.locator(`[data-testid=camera-item][data-code="${code}"]`).dblclick();
  await page.waitForFunction(() => (window as unknown as { probe: Probe }).probe.shownAt > 0, undefined, { timeout: 20_000 });
  const elapsed = await page.evaluate(() => {
    const { probe } = window as unknown as { probe: Probe };
    return probe.shownAt - probe.clickAt;
  });
  await page.locator('[data-testid=video-tile][data-state=playing]').first().waitFor();
  // Empty the tile again (Delete on the selected tile) for the next run.
  await page.keyboard.press('Delete');
  await page.locator('[data-testid=video-tile][data-state=idle]').first().waitFor();
  return elapsed;
}

async function chooseLayout(page: Page, id: string): Promise<void> {
  await page.getByTestId('layout-select').click();
  await page.getByTitle(`${id}-tile`, { exact: true }).click();
}

/** Frames decoded and frames Chromium counts as dropped, summed over the wall's tiles. */
function playbackQuality(page: Page): Promise<{ total: number; dropped: number }> {
  return page.$$eval('[data-testid=video-tile] video', (videos) =>
    videos.reduce(
      (sum, video) => {
        const quality = (video as HTMLVideoElement).getVideoPlaybackQuality();
        return { total: sum.total + quality.totalVideoFrames, dropped: sum.dropped + quality.droppedVideoFrames };
      },
      { total: 0, dropped: 0 },
    ),
  );
}

/**
 * On screen, in Debian's Chromium, through the real wall UI, against a core
 * running as its own process (`vigil serve`) and GStreamer RTSP cameras of
 * 640×360, 25 fps, a keyframe every 2 s, each joined mid-GOP.
 */
export async function video(report: Report): Promise<void> {
  // The wall's cameras, one more per first-frame run, and one for latency; all play the numbered clip, so any tile's frames can be told apart.
  const cameras = WALL + RUNS + 1;
  const latencyCamera = cameras - 1;
  const rig = await startRtspServer({ cameras: Array.from({ length: cameras }, (_, i) => ({ name: `cam${i}`, offset: (i * 0.37) % 2, clip: numberedClip() })) });
  const broker = await startMosquitto();
  const station = await startStationProcess({ dataDir: tempDir('vigil-bench-video-'), broker: broker.url, site: SITE, station: 'bench-wall' });
  const browser = await launchChromium();
  const direct: ReturnType<typeof directClient>[] = [];
  try {
    const site = await mqtt.connectAsync(broker.url, { clientId: 'bench-video-gateway' });
    for (let i = 0; i < cameras; i++) {
      const url = rig.url(`cam${i}`);
      const info = { name: `Cam ${i + 1}`, area: 'Bench', building: 'Bench', floor: '1F', streams: [{ profile: 'main', url }, { profile: 'sub', url }], ts: Date.now() };
      await site.publishAsync(topicOf('deviceInfo', { site: SITE, code: codeOf(i) }), JSON.stringify(info), { qos: 1, retain: true });
    }
    await site.endAsync();
    const admin = await openClient(station.url);
    await admin.call('auth.setup', { ...ADMIN, station: 'bench' });
    admin.close();

    const page = await benchPage(browser, { viewport: { width: 1600, height: 900 } });
    await page.addInitScript({ content: "localStorage.setItem('vigil.language', 'en');" });
    await page.goto(station.url);
    await page.locator('#username').fill(ADMIN.username);
    await page.locator('#password').fill(ADMIN.password);
    await page.locator('button[type=submit]').click();
    await page.getByTestId('camera-item').nth(cameras - 1).waitFor();
    await chooseLayout(page, '1');
    const idle = treeUsage(station.child.pid!);

    // First frames of one camera per run: cold (nobody watching), warm (its
    // stream still running), then the naive and the tuned naive pipe straight
    // from the same camera, neither of which touches the gateway.
    const cold: number[] = [];
    const warm: number[] = [];
    const naive: number[] = [];
    const tuned: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      console.error(`video: first-frame run ${run + 1} of ${RUNS}`);
      const code = codeOf(WALL + run);
      cold.push(await firstFrame(page, code));
      await sleep(300 + run * 170); // come back somewhere in the GOP
      warm.push(await firstFrame(page, code));
      naive.push(await naiveFirstFrame(browser, rig.url(`cam${WALL + run}`)));
      tuned.push(await naiveFirstFrame(browser, rig.url(`cam${WALL + run}`), true));
    }
    report.add('first_frame_warm_median_ms', median(warm), 'ms', 'lower', 400, warm);
    report.add('first_frame_cold_median_ms', median(cold), 'ms', 'lower', undefined, cold);
    report.add('first_frame_naive_median_ms', median(naive), 'ms', 'lower', undefined, naive);
    report.add('first_frame_tuned_naive_median_ms', median(tuned), 'ms', 'lower', undefined, tuned);
    // Each path against the reference that, like it, has no picture cached.
    report.add('naive_over_cold_ratio', median(naive) / median(cold), 'ratio', 'higher');
    report.add('tuned_naive_over_warm_ratio', median(tuned) / median(warm), 'ratio', 'higher');

    await page.locator(`[data-testid=camera-item][data-code="${codeOf(latencyCamera)}"]`).dblclick();
    await page.locator('[data-testid=video-tile][data-state=playing]').waitFor();
    await sleep(3_000);
    const latencies = await addedLatency(page, rig.url(`cam${latencyCamera}`), 20);
    report.add('added_latency_median_ms', median(latencies), 'ms', 'lower', 150);
    report.add('added_latency_p95_ms', percentile(latencies, 95), 'ms', 'lower');
    await page.keyboard.press('Delete');

    // Sixteen tiles (sub-streams) for a minute.
    await chooseLayout(page, '16');
    for (let i = 0; i < WALL; i++) await page.locator(`[data-testid=camera-item][data-code="${codeOf(i)}"]`).dblclick();
    await page.locator('[data-testid=video-tile][data-state=playing]').nth(WALL - 1).waitFor({ timeout: 60_000 });
    await sleep(5_000);
    await watchTiles(page);
    await sleep(1_000);
    const before = { counts: await tileCounts(page), quality: await playbackQuality(page), usage: treeUsage(station.child.pid!), at: performance.now() };
    await sleep(60_000);
    const after = { counts: await tileCounts(page), quality: await playbackQuality(page), usage: treeUsage(station.child.pid!), at: performance.now() };
    // What the cameras sent, from the wall clock: the rig serves every camera's
    // frames at 25 fps on it, so this is exact to a frame per tile. Sixteen
    // direct RTSP clients counting instead would be sixteen more processes on
    // the two cores this minute measures; a rig falling behind would count
    // against the product, never for it.
    const seconds = (after.counts.at - before.counts.at) / 1000;
    const sent = FPS * seconds;
    const perTile = after.counts.tiles.map((tile, i) => {
      const start = before.counts.tiles[i]!;
      return { lostPct: ((sent - (tile.presented - start.presented)) / sent) * 100, jumps: tile.jumps - start.jumps, stalls: tile.stalls - start.stalls, jumpMaxMs: tile.jumpMaxMs };
    });
    console.error(`video: per tile (lost %, jumps, stalls): ${perTile.map((tile) => `${tile.lostPct.toFixed(1)}/${tile.jumps}/${tile.stalls}`).join(' ')}`);
    const presented = after.counts.tiles.reduce((sum, tile, i) => sum + tile.presented - before.counts.tiles[i]!.presented, 0);
    report.add('tiles16_lost_pct', ((sent * WALL - presented) / (sent * WALL)) * 100, '%', 'lower', 1);
    report.add('tiles16_lost_worst_tile_pct', Math.max(...perTile.map((tile) => tile.lostPct)), '%', 'lower');
    report.add('tiles16_jumps', perTile.reduce((sum, tile) => sum + tile.jumps, 0), `jumps in ${WALL} tiles over ${Math.round(seconds)} s`, 'lower');
    report.add('tiles16_stalls', perTile.reduce((sum, tile) => sum + tile.stalls, 0), `stalls ≥ ${STALL_MS} ms in ${WALL} tiles over ${Math.round(seconds)} s`, 'lower');
    const decoded = after.quality.total - before.quality.total;
    report.add('tiles16_dropped_pct', ((after.quality.dropped - before.quality.dropped) / Math.max(1, decoded)) * 100, '% of decoded', 'lower');
    report.add('tiles16_core_cpu_pct', ((after.usage.cpuSeconds - before.usage.cpuSeconds) / ((after.at - before.at) / 1000)) * 100, '% of one core', 'lower', 25);
    report.add('tiles16_fps_per_tile', presented / WALL / seconds, 'fps', 'higher');
    report.add('rss_per_stream_mb', (after.usage.rssMb - idle.rssMb) / WALL, 'MB', 'lower');

    // Then the live edge: every tile's presented frame numbers against direct RTSP clients, over the run.
    const onTiles = await page.$$eval('[data-testid=video-tile]', (tiles) => tiles.map((tile) => tile.getAttribute('data-camera')));
    for (const code of onTiles) {
      const camera = Array.from({ length: WALL }, (_, i) => i).find((i) => codeOf(i) === code);
      if (camera === undefined) throw new Unmeasured(report.bench, 'live_edge_max_ms', `a tile shows ${code}, not a wall camera`);
      direct.push(directClient(rig.url(`cam${camera}`), { keyframesOnly: true }));
    }
    await sleep(3_000); // a keyframe from every camera first
    // Reading a frame's number is a canvas read per frame: sixteen tiles read at
    // once took the page from 24.7 to 16.8 presented fps a tile, a wall slowed
    // by its own measurement. So READ_AT_ONCE tiles are read at a time, in turn,
    // WATCH_S each, all sixteen playing throughout.
    const shown: Presented[][] = [];
    for (let turn = 0, until = performance.now() + LIVE_MINUTES * 60_000; performance.now() < until; turn++) {
      await watchNumbers(page, Array.from({ length: READ_AT_ONCE }, (_, i) => (turn * READ_AT_ONCE + i) % WALL));
      await sleep(Math.min(WATCH_S * 1000, until - performance.now()));
      shown.push(await takePresented(page));
    }
    await stopNumbers(page);
    const edge = liveEdge(shown, direct.map((client) => client.sightings));
    const frames = shown.reduce((sum, turn) => sum + turn.length, 0);
    console.error(`video: live edge from ${edge.lags.length} of ${frames} frames shown (${edge.misread} misread)`);
    if (edge.misread > frames / 100) throw new Unmeasured(report.bench, 'live_edge_max_ms', `${edge.misread} of ${frames} frame numbers misread`);
    if (edge.lags.length < frames / 2) throw new Unmeasured(report.bench, 'live_edge_max_ms', `only ${edge.lags.length} of ${frames} frames matched a direct client's`);
    report.add('live_edge_max_ms', Math.max(...edge.lags), 'ms', 'lower', 1000);
    report.add('live_edge_p95_ms', percentile(edge.lags, 95), 'ms', 'lower');
    report.add('live_edge_jumps', edge.jumps.length, `jumps in ${WALL} tiles`, 'lower');
    report.add('live_edge_jump_max_ms', Math.max(0, ...edge.jumps), 'ms', 'lower');
    report.add('live_edge_run_minutes', LIVE_MINUTES, 'min', 'higher');
  } finally {
    for (const client of direct) client.stop();
    await browser.close();
    await station.kill('SIGTERM');
    await broker.stop();
    await rig.stop();
  }
}
