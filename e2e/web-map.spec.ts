import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ACCOUNTS, brokerOf, nav, openApp, publishToBroker, screenshot, signIn } from './web-helpers';

type Plan = { width: number; height: number };
type Manifest = {
  park: Plan;
  buildings: { name: string; x: number; y: number; elevation: Plan; floors: { name: string; band: [number, number, number, number] }[] }[];
};
type DeviceRow = { code: string; name: string; kind: string; status: string; x: number; y: number };

const MANIFEST = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../assets/maps/maps.json'), 'utf8')) as Manifest;
const BUILDING_A = MANIFEST.buildings.find((building) => building.name === 'A栋 研发楼')!;

/** Devices of a floor as the station stores them (the test reads the same SQLite file the core writes). */
function devicesOn(building: string, floor: string, kind: string): DeviceRow[] {
  const db = new Database(path.join(process.env.VIGIL_E2E_DATA!, 'vigil.db'), { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare('SELECT code, name, kind, status, x, y FROM devices WHERE building = ? AND floor = ? AND kind = ? ORDER BY name').all(building, floor, kind) as DeviceRow[];
  } finally {
    db.close();
  }
}

function positionOf(code: string): { x: number; y: number } {
  const db = new Database(path.join(process.env.VIGIL_E2E_DATA!, 'vigil.db'), { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare('SELECT x, y FROM devices WHERE code = ?').get(code) as { x: number; y: number };
  } finally {
    db.close();
  }
}

const map = (page: Page) => page.getByTestId('map-base');

/** The demo park raises an alarm every minute or two, which would move an open map: tests not about that keep it still. */
async function mapStaysPut(page: Page): Promise<void> {
  await page.addInitScript("localStorage.setItem('vigil.mapFollowsAlarms', 'off');");
}

const FOLLOW_PREFIX = 'e2e-follow-';

/**
 * Passes on to the page only the alarms this test raises, so that one the
 * demo park raises meanwhile cannot take the map (or the bar) first.
 */
async function onlyOwnAlarms(page: Page): Promise<void> {
  await page.routeWebSocket(/\/ws$/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (typeof message !== 'string') return socket.send(message);
      const event = JSON.parse(message) as { t: string; name?: string; payload?: { ids: string[] } };
      if (event.t !== 'event' || event.name !== 'alarms.changed') return socket.send(message);
      const ids = event.payload!.ids.filter((id) => id.startsWith(FOLLOW_PREFIX));
      if (ids.length) socket.send(JSON.stringify({ ...event, payload: { ids } }));
    });
  });
}

/** An intrusion on the demo broker, as the zone's panel would report it; the alarm takes the event's id. */
async function raiseIntrusion(broker: string, code: string): Promise<string> {
  const id = `${FOLLOW_PREFIX}${Date.now()}`;
  await publishToBroker(broker, [{ topic: `vigil/v1/demo-park/devices/${code}/events`, payload: JSON.stringify({ id, type: 'intrusion', ts: Date.now() }) }]);
  return id;
}

/**
 * Where a point of the current plan (fractions of its width and height) is
 * on the page: the map notes the plan's corners in pixels as it draws.
 */
async function pointOnMap(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const frame = (await map(page).getAttribute('data-frame'))!.split(',').map(Number) as [number, number, number, number];
  const box = (await map(page).boundingBox())!;
  return { x: box.x + frame[0] + x * (frame[2] - frame[0]), y: box.y + frame[1] + y * (frame[3] - frame[1]) };
}

async function clickOnMap(page: Page, x: number, y: number): Promise<void> {
  const point = await pointOnMap(page, x, y);
  await page.mouse.move(point.x, point.y);
  await page.mouse.click(point.x, point.y);
}

async function expectView(page: Page, view: string): Promise<void> {
  await expect(map(page)).toHaveAttribute('data-view', view);
  await expect.poll(async () => Number(await map(page).getAttribute('data-markers')), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(map(page)).toHaveAttribute('data-frame', /\d/);
}

/** A device's marker sits where the floor plan says; fanned-out spots (gateways, meters) are not used here. */
async function clickDevice(page: Page, device: DeviceRow): Promise<void> {
  await clickOnMap(page, device.x, device.y);
  await expect(page.getByTestId('map-device-panel')).toHaveAttribute('data-code', device.code);
}

test.describe('site map', () => {
  test('drills from the park into a floor, shows a camera’s detail and live video, and goes back up by keyboard', async ({ page }) => {
    test.setTimeout(90_000);
    await mapStaysPut(page);
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.duty);
    await nav(page).getByText('电子地图', { exact: true }).click();
    await expect(page.getByTestId('page-map')).toBeVisible();
    await expectView(page, 'park');
    // The perimeter's devices are on the park plan, with a layer per kind.
    await expect(page.getByTestId('map-layer').and(page.locator('[data-kind=camera]'))).toContainText('4');
    await expect(page.getByTestId('map-layer').and(page.locator('[data-kind=alarm_input]'))).toContainText('4');
    await screenshot(page, 'map-park', 'zh-CN');

    // A building on the park plan opens its side view, one band per floor.
    await clickOnMap(page, BUILDING_A.x, BUILDING_A.y);
    await expectView(page, 'building:A栋 研发楼');
    await expect(page.getByTestId('map-crumb-building')).toHaveText('A栋 研发楼');
    await screenshot(page, 'map-building', 'zh-CN');

    // A band opens its floor; click near the band's left end, clear of its markers.
    const band = BUILDING_A.floors.find((floor) => floor.name === '2F')!.band;
    await clickOnMap(page, (band[0] + 10) / BUILDING_A.elevation.width, (band[1] + band[3]) / 2 / BUILDING_A.elevation.height);
    await expectView(page, 'floor:A栋 研发楼:2F');
    await expect(page.getByTestId('map-crumb-floor')).toHaveText('2F');
    await expect(page).toHaveURL(/#\/map\?b=.+&f=2F$/);

    // A camera's marker opens its detail beside the map, with its live picture.
    const camera = devicesOn('A栋 研发楼', '2F', 'ipc')[0]!;
    await clickDevice(page, camera);
    const panel = page.getByTestId('map-device-panel');
    await expect(panel.getByTestId('map-device-name')).toHaveText(camera.name);
    await expect(panel).toContainText(camera.code);
    const video = panel.getByTestId('map-video');
    await expect(video).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
    const frames = () => panel.getByTestId('map-video-element').evaluate((element) => (element as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);
    const before = await frames();
    await expect.poll(frames, { timeout: 10_000 }).toBeGreaterThan(before + 10);
    await screenshot(page, 'map-floor-camera', 'zh-CN');

    // The full detail is the device list's own drawer.
    await panel.getByTestId('map-device-detail').click();
    await expect(page.getByTestId('device-fields')).toContainText(camera.code);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('device-fields')).toBeHidden();
    // Escape closed only the drawer: the panel and the floor are still there.
    await expect(panel).toBeVisible();
    await expectView(page, 'floor:A栋 研发楼:2F');

    // Escape closes the panel, then Backspace and Escape climb floor → building → park.
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await page.keyboard.press('Backspace');
    await expectView(page, 'building:A栋 研发楼');
    await page.keyboard.press('Escape');
    await expectView(page, 'park');
  });

  test('an open alarm makes its device pulse, and its building and floor light up', async ({ page }) => {
    await mapStaysPut(page);
    await openApp(page, 'en');
    await signIn(page, ACCOUNTS.duty);
    await page.goto('/#/ops');
    const broker = (await page.getByTestId('ops-broker').textContent())!;
    const sensor = devicesOn('A栋 研发楼', '3F', 'smoke_detector')[0]!;
    await publishToBroker(broker, [
      { topic: `vigil/v1/demo-park/devices/${sensor.code}/events`, payload: JSON.stringify({ id: `e2e-map-${Date.now()}`, type: 'smoke', severity: 'critical', ts: Date.now() }) },
    ]);
    await page.goto(`/#/map?b=${encodeURIComponent('A栋 研发楼')}&f=3F`);
    await expectView(page, 'floor:A栋 研发楼:3F');
    await expect.poll(async () => Number(await map(page).getAttribute('data-alarms')), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('map-legend-alarms')).toContainText(/Alarms [1-9]/);
    await clickDevice(page, sensor);
    await expect(page.getByTestId('map-device-alarms')).toContainText('Smoke');
    await screenshot(page, 'map-alarm', 'en');

    // Up on the building's side view the floor is counted in alarm.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Backspace');
    await expectView(page, 'building:A栋 研发楼');
    await expect.poll(async () => Number(await map(page).getAttribute('data-alarms')), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  });

  test('an administrator drags a device into place; the position is kept after a reload', async ({ page }) => {
    test.setTimeout(90_000);
    await mapStaysPut(page);
    await openApp(page, 'en');
    await signIn(page, ACCOUNTS.admin);
    await page.goto(`/#/map?b=${encodeURIComponent('B栋 办公楼')}&f=3F`);
    await expectView(page, 'floor:B栋 办公楼:3F');
    const door = devicesOn('B栋 办公楼', '3F', 'door')[0]!;
    const target = { x: 0.3, y: 0.5 };

    await page.getByTestId('map-placing').click();
    await expect(page.getByTestId('map-placing')).toHaveAttribute('aria-pressed', 'true');
    const from = await pointOnMap(page, door.x, door.y);
    const to = await pointOnMap(page, target.x, target.y);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
    await expect(page.locator('.ant-message')).toContainText(`Position of “${door.name}” saved`);
    // Within a pixel of where it was dropped.
    await expect.poll(() => Math.hypot(positionOf(door.code).x - target.x, positionOf(door.code).y - target.y)).toBeLessThan(0.003);
    await screenshot(page, 'map-placed', 'en');

    // After a reload the address brings back the floor, and the door is where it was put.
    await page.reload();
    await expectView(page, 'floor:B栋 办公楼:3F');
    await clickDevice(page, { ...door, ...target });
  });

  test('a device announced without a position is dragged from the unplaced list onto its floor', async ({ page }) => {
    await mapStaysPut(page);
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.admin);
    await page.goto('/#/ops');
    const broker = (await page.getByTestId('ops-broker').textContent())!;
    const code = '32061201011410099001';
    const name = 'D栋 2F 新装烟感';
    await publishToBroker(broker, [
      { topic: `vigil/v1/demo-park/devices/${code}/info`, payload: JSON.stringify({ name, area: '南区', building: 'D栋 食堂', floor: '2F', ts: Date.now() }) },
      { topic: `vigil/v1/demo-park/devices/${code}/state`, payload: JSON.stringify({ status: 'online', ts: Date.now() }) },
    ]);
    await page.goto(`/#/map?b=${encodeURIComponent('D栋 食堂')}&f=2F`);
    await expectView(page, 'floor:D栋 食堂:2F');
    await page.getByTestId('map-placing').click();
    await page.getByRole('button', { name: /未布点 1/ }).click();
    const item = page.getByTestId('map-unplaced').getByText(name);
    const target = { x: 0.62, y: 0.3 };
    const point = await pointOnMap(page, target.x, target.y);
    const canvas = page.getByTestId('map-canvas');
    const box = (await canvas.boundingBox())!;
    await item.dragTo(canvas, { targetPosition: { x: point.x - box.x, y: point.y - box.y } });
    await expect(page.locator('.ant-message')).toContainText(`已保存“${name}”的位置`);
    await expect.poll(() => Math.hypot(positionOf(code).x - target.x, positionOf(code).y - target.y)).toBeLessThan(0.003);
    await expect(page.getByRole('button', { name: /未布点/ })).toBeHidden();
    await screenshot(page, 'map-unplaced', 'zh-CN');
  });

  test('a position the core refuses to save goes back, with the reason', async ({ page }) => {
    // Stand in for a core that refuses: answer devices.place with an error, pass everything else through.
    await page.routeWebSocket(/\/ws$/, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => {
        const call = JSON.parse(String(message)) as { t: string; id: number; method?: string };
        if (call.method === 'devices.place') socket.send(JSON.stringify({ t: 'result', id: call.id, ok: false, error: { code: 'unavailable', message: 'the station store is read-only' } }));
        else server.send(message);
      });
    });
    await mapStaysPut(page);
    await openApp(page, 'en');
    await signIn(page, ACCOUNTS.admin);
    await page.goto(`/#/map?b=${encodeURIComponent('C栋 人才公寓')}&f=4F`);
    await expectView(page, 'floor:C栋 人才公寓:4F');
    const door = devicesOn('C栋 人才公寓', '4F', 'door')[0]!;
    await page.getByTestId('map-placing').click();
    const from = await pointOnMap(page, door.x, door.y);
    const to = await pointOnMap(page, 0.7, 0.5);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
    await expect(page.locator('.ant-message')).toContainText(`Could not save the position of “${door.name}”; it is back where it was`);
    await expect(page.locator('.ant-message')).toContainText('the station store is read-only');
    await screenshot(page, 'map-place-refused', 'en');
    expect(positionOf(door.code)).toEqual({ x: door.x, y: door.y });

    // The marker is back at its stored place: clicking there (placing off) selects the door.
    await page.getByTestId('map-placing').click();
    await clickDevice(page, door);
  });

  test('a new alarm takes the open map to its device and back; a map in use only offers to', async ({ page }) => {
    test.setTimeout(90_000);
    await onlyOwnAlarms(page);
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.duty);
    const broker = await brokerOf(page);
    await page.goto('/#/map');
    await expectView(page, 'park');
    await expect(page.getByTestId('map-follow-switch')).toHaveAttribute('aria-checked', 'true');
    const [first] = devicesOn('C栋 人才公寓', '5F', 'alarm_input');
    const [second] = devicesOn('C栋 人才公寓', '6F', 'alarm_input');

    // Nobody has touched the map: it drills to the sensor's floor and opens its panel.
    const id = await raiseIntrusion(broker, first!.code);
    const bar = page.getByTestId('map-follow');
    const panel = page.getByTestId('map-device-panel');
    await expect(bar).toHaveAttribute('data-alarm', id, { timeout: 15_000 });
    await expect(bar).toHaveAttribute('data-shown', 'true');
    await expect(bar).toContainText(`报警联动：已定位到 入侵报警 · ${first!.name}`);
    await expectView(page, 'floor:C栋 人才公寓:5F');
    await expect(panel).toHaveAttribute('data-code', first!.code);
    await expect(page.getByTestId('map-device-alarms')).toContainText('入侵报警');
    await screenshot(page, 'map-follows-alarm', 'zh-CN');

    // Back to where the officer was: the park plan, nothing selected.
    await bar.getByTestId('map-follow-back').click();
    await expectView(page, 'park');
    await expect(panel).toBeHidden();
    await expect(bar).toBeHidden();

    // A map just used stays put; the bar offers the alarm instead.
    await page.getByTestId('map-reset-zoom').click();
    const next = await raiseIntrusion(broker, second!.code);
    await expect(bar).toHaveAttribute('data-alarm', next, { timeout: 15_000 });
    await expect(bar).toHaveAttribute('data-shown', 'false');
    await expect(map(page)).toHaveAttribute('data-view', 'park');
    await expect(panel).toBeHidden();
    await bar.getByTestId('map-follow-show').click();
    await expectView(page, 'floor:C栋 人才公寓:6F');
    await expect(panel).toHaveAttribute('data-code', second!.code);
    await expect(bar).toHaveAttribute('data-shown', 'true');

    // Escape closes the panel, then the bar; the map stays on the floor.
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(bar).toBeHidden();
    await expectView(page, 'floor:C栋 人才公寓:6F');
  });
});
