import { expect, test, type Page } from '@playwright/test';
import { makeClip, startRtspServer, type RtspServer } from '../main/testing/rtsp';
import { ACCOUNTS, brokerOf, openApp, publishToBroker, screenshot, signIn } from './web-helpers';

const SITE = 'demo-park';

/** Frames presented so far by each tile's video, in tile order. */
async function framesPerTile(page: Page): Promise<number[]> {
  return page.$$eval('[data-testid=video-tile] video', (videos) => videos.map((video) => (video as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames));
}

/** Announces a camera on the demo site, as an edge gateway would, streaming from the test rig. */
async function announceCamera(broker: string, code: string, name: string, url: string, recording?: object): Promise<void> {
  const info = { name, area: '测试区', building: '测试楼', floor: '1F', vendor: 'Test', model: 'RTSP', streams: [{ profile: 'main', url }, { profile: 'sub', url }], recording, ts: Date.now() };
  await publishToBroker(broker, [
    { topic: `vigil/v1/${SITE}/devices/${code}/info`, payload: JSON.stringify(info) },
    { topic: `vigil/v1/${SITE}/devices/${code}/state`, payload: JSON.stringify({ status: 'online', ts: Date.now() }) },
  ]);
}

test.describe('video wall', () => {
  test('a 16-tile wall plays 16 demo cameras, each on its own stream', async ({ page }) => {
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.duty);
    await expect(page.getByTestId('page-wall')).toBeVisible();
    await page.getByTestId('layout-select').click();
    await page.getByTitle('16 画面').click();
    await expect(page.getByTestId('video-tile')).toHaveCount(16);

    const cameras = page.getByTestId('camera-item');
    await expect(cameras.first()).toBeVisible();
    expect(await cameras.count()).toBeGreaterThanOrEqual(16);
    for (let i = 0; i < 16; i++) await cameras.nth(i).dblclick();
    const tiles = page.getByTestId('video-tile');
    const codes = await tiles.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-camera')));
    expect(new Set(codes).size).toBe(16);

    await expect(tiles.and(page.locator('[data-state=playing]'))).toHaveCount(16, { timeout: 30_000 });
    const before = await framesPerTile(page);
    await page.waitForTimeout(2_000);
    const after = await framesPerTile(page);
    // Every tile moved on by about 2 s of 25 fps video.
    for (const [index, frames] of after.entries()) expect(frames - before[index]!, `tile ${index + 1}`).toBeGreaterThan(25);
    await page.getByTestId('toggle-stats').click();
    await expect(page.getByTestId('tile-stats').first()).toContainText('640×360');
    await screenshot(page, 'wall-16', 'zh-CN');

    // The Ops page lists each camera's stream with its rate.
    await page.goto('/#/ops');
    const rows = page.getByTestId('ops-streams').locator('tbody tr.ant-table-row');
    // Each of the wall's sixteen has its stream listed (cameras kept warm for alarm linkage are listed too, main stream beside sub).
    for (const code of codes) await expect(rows.filter({ hasText: code! }).first()).toBeVisible();
    await expect(rows.filter({ hasText: codes[0]! }).first()).toContainText('avc1');
    await screenshot(page, 'ops-streams', 'zh-CN');
  });

  test.describe('cameras of the test rig', () => {
    let rig: RtspServer;
    test.beforeAll(async () => {
      rig = await startRtspServer({ cameras: [{ name: 'gate', offset: 0.3 }, { name: 'intercom', clip: makeClip({ audio: 'pcma', seconds: 6 }) }, { name: 'signed', offset: 1.1 }], recordings: [{ name: 'night', clip: makeClip({ seconds: 120 }) }] });
    });
    test.afterAll(async () => rig?.stop());

    test('a tile survives its camera dropping and coming back', async ({ page }) => {
      test.setTimeout(90_000);
      await openApp(page, 'en');
      await signIn(page, ACCOUNTS.duty);
      const code = '32061201011320099001';
      await announceCamera(await brokerOf(page), code, 'Rig gate', rig.url('gate'));
      const camera = page.locator(`[data-testid=camera-item][data-code="${code}"]`);
      await page.goto('/#/wall');
      await expect(camera).toBeVisible();
      await page.getByTestId('layout-select').click();
      await page.getByTitle('1-tile').click();
      await camera.dragTo(page.getByTestId('video-tile').first());
      const tile = page.getByTestId('video-tile').first();
      await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });

      await rig.kill();
      await expect(tile).toHaveAttribute('data-state', 'reconnecting', { timeout: 20_000 });
      await screenshot(page, 'wall-reconnecting', 'en');
      await rig.restart();
      await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
      const [before] = await framesPerTile(page);
      await page.waitForTimeout(1_500);
      const [after] = await framesPerTile(page);
      expect(after! - before!).toBeGreaterThan(15);
    });

    test('a tile plays its camera’s G.711 sound when asked, one tile heard at a time', async ({ page }) => {
      await openApp(page, 'en');
      await signIn(page, ACCOUNTS.duty);
      const code = '32061201011320099003';
      await announceCamera(await brokerOf(page), code, 'Rig intercom', rig.url('intercom'));
      await page.goto('/#/wall');
      await page.locator(`[data-testid=camera-item][data-code="${code}"]`).dblclick();
      const tile = page.locator(`[data-testid=video-tile][data-camera="${code}"]`);
      await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });
      const heard = () => tile.locator('video').evaluate((video: HTMLVideoElement & { webkitAudioDecodedByteCount?: number }) => ({ muted: video.muted, bytes: video.webkitAudioDecodedByteCount ?? 0 }));
      expect(await heard()).toEqual({ muted: true, bytes: 0 });

      await tile.getByTestId('tile-sound').click();
      await expect(tile).toHaveAttribute('data-audible', 'true');
      await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });
      await expect.poll(async () => (await heard()).bytes, { timeout: 10_000 }).toBeGreaterThan(1000);
      expect((await heard()).muted).toBe(false);
      // Sound on another tile turns this one's off.
      await page.getByTestId('camera-item').first().dblclick();
      const other = page.locator(`[data-testid=video-tile]:not([data-camera=""]):not([data-camera="${code}"])`);
      await other.getByTestId('tile-sound').click();
      await expect(other).toHaveAttribute('data-audible', 'true');
      await expect(tile).not.toHaveAttribute('data-audible', 'true');
      await other.getByTestId('tile-sound').click();
      await expect(other).not.toHaveAttribute('data-audible', 'true');
      // M on the selected tile turns sound on and off again; off is a silent stream once more.
      await tile.click();
      await page.keyboard.press('m');
      await expect(tile).toHaveAttribute('data-audible', 'true');
      await page.keyboard.press('m');
      await expect(tile).not.toHaveAttribute('data-audible', 'true');
      await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });
      expect(await heard()).toEqual({ muted: true, bytes: 0 });
    });

    test('an administrator sets a camera’s sign-in: the stream uses it and nothing shows it', async ({ page }) => {
      await openApp(page, 'en');
      await signIn(page, ACCOUNTS.admin);
      const code = '32061201011320099004';
      // A camera of its own: 'gate' has just been dropped and brought back by another test.
      await announceCamera(await brokerOf(page), code, 'Rig gate signed', rig.url('signed'));
      await page.goto('/#/devices');
      await page.getByTestId('device-search').fill('Rig gate signed');
      await page.getByTestId('device-table').getByText('Rig gate signed').click();
      const form = page.getByTestId('camera-credentials');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect(form.getByText('Enter the camera’s user name')).toBeVisible();
      await form.getByPlaceholder('User name').fill('viewer');
      await form.getByPlaceholder('Password').fill('Cam-Secret-7');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByText('Sign-in for Rig gate signed saved')).toBeVisible();
      await expect(form.getByPlaceholder('Password')).toHaveValue('');
      await screenshot(page, 'camera-credentials', 'en');

      await page.goto('/#/wall');
      await page.locator(`[data-testid=camera-item][data-code="${code}"]`).dblclick();
      await expect(page.locator(`[data-testid=video-tile][data-camera="${code}"]`)).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });
      await page.goto('/#/ops');
      const row = page.getByTestId('ops-streams').locator('tbody tr.ant-table-row', { hasText: '***@' });
      await expect(row).toHaveCount(1);
      await expect(page.locator('body')).not.toContainText('Cam-Secret-7');
    });

    test('a recorded clip plays from a chosen time, and jumps to another', async ({ page }) => {
      test.setTimeout(90_000);
      await openApp(page, 'en');
      await signIn(page, ACCOUNTS.duty);
      const code = '32061201011320099002';
      // The recording began 11 minutes ago: the drawer's default range (the last 10 minutes) falls inside its first 2.
      const start = Date.now() - 11 * 60_000;
      await announceCamera(await brokerOf(page), code, 'Rig recorder', rig.url('gate'), { vendor: 'generic', url: rig.recordUrl('night'), start });
      await page.goto('/#/wall');
      const camera = page.locator(`[data-testid=camera-item][data-code="${code}"]`);
      await expect(camera).toBeVisible();
      await camera.dblclick();
      const tile = page.locator(`[data-testid=video-tile][data-camera="${code}"]`);
      await tile.hover();
      await tile.getByTestId('tile-playback').click();
      const drawer = page.getByTestId('playback-drawer');
      await drawer.getByTestId('playback-play').click();
      const video = drawer.getByTestId('playback-video');
      await expect(video).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });
      const clock = drawer.getByTestId('recording-clock');
      const from = Number(await clock.getAttribute('data-at'));
      const rangeStart = new Date(Math.floor((Date.now() - 10 * 60_000) / 60_000) * 60_000).getTime();
      expect(Math.abs(from - rangeStart)).toBeLessThan(60_000);
      await expect.poll(async () => Number(await clock.getAttribute('data-at')) - from, { timeout: 10_000 }).toBeGreaterThan(1_500);
      await screenshot(page, 'playback', 'en');

      // Jump 40 s further: the clock shows the new time and runs on from there.
      const target = new Date(from + 40_000);
      const pad = (value: number) => String(value).padStart(2, '0');
      const typed = `${target.getFullYear()}-${pad(target.getMonth() + 1)}-${pad(target.getDate())} ${pad(target.getHours())}:${pad(target.getMinutes())}:${pad(target.getSeconds())}`;
      const before = await video.evaluate((element) => (element as HTMLVideoElement).src);
      await drawer.getByTestId('playback-jump').click();
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      await drawer.getByTestId('playback-jump-go').click();
      // The core started the recording again from there: a new init segment, so a new MediaSource.
      await expect.poll(() => video.evaluate((element) => (element as HTMLVideoElement).src), { timeout: 20_000 }).not.toBe(before);
      await expect(video).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });
      await expect.poll(async () => Number(await clock.getAttribute('data-at')) - target.getTime(), { timeout: 10_000 }).toBeGreaterThan(500);
      expect(Number(await clock.getAttribute('data-at')) - target.getTime()).toBeLessThan(10_000);
    });
  });
});
