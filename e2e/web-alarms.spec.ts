import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ACCOUNTS, brokerOf, nav, openApp, publishToBroker, screenshot, signedIn, signIn } from './web-helpers';

const SITE = 'demo-park';

type DeviceRow = { code: string; name: string; kind: string; area: string; building: string; floor: string };

/** Devices as the station stores them (the test reads the same SQLite file the core writes). */
function devices(sql: string): DeviceRow[] {
  const db = new Database(path.join(process.env.VIGIL_E2E_DATA!, 'vigil.db'), { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare(`SELECT code, name, kind, area, building, floor FROM devices a WHERE ${sql} ORDER BY code`).all() as DeviceRow[];
  } finally {
    db.close();
  }
}

/** Alarm inputs with a camera on their floor, so that their alarms have live video to link to. */
const alarmInputs = () => devices(`kind = 'alarm_input' AND EXISTS (SELECT 1 FROM devices c WHERE c.kind IN ('ipc', 'camera') AND c.building = a.building AND c.floor = a.floor)`);

let serial = 0;
/** A device event on the demo broker, as the device's gateway would send it; the alarm takes the event's id. */
async function raise(broker: string, code: string, type = 'intrusion', ts = Date.now()): Promise<string> {
  const id = `e2e-alarm-${Date.now()}-${++serial}`;
  await publishToBroker(broker, [{ topic: `vigil/v1/${SITE}/devices/${code}/events`, payload: JSON.stringify({ id, type, ts }) }]);
  return id;
}

const rowOf = (page: Page, id: string) => page.locator(`[data-testid=alarm-row][data-id="${id}"]`);

async function openAlarms(page: Page, label: string): Promise<void> {
  await page.goto('/#/wall');
  await nav(page).getByText(label, { exact: true }).click();
  await expect(page.getByTestId('page-alarms')).toBeVisible();
}

test.describe('alarm center', () => {
  test('an intrusion: in the list with its sound and live video, acknowledged by key, worked through and resolved with a note, the same at another station', async ({ page, browser }) => {
    test.setTimeout(120_000);
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.duty);
    const broker = await brokerOf(page);
    await openAlarms(page, '报警中心');
    const sensor = alarmInputs()[0]!;

    const id = await raise(broker, sensor.code);
    const row = rowOf(page, id);
    await expect(row).toBeVisible({ timeout: 15_000 });
    await expect(row).toHaveAttribute('data-state', 'new');
    await expect(row).toContainText(sensor.name);
    await expect(row).toContainText('入侵报警');
    await expect(row).toContainText('紧急');
    // A new alarm sounds; an intrusion is critical.
    await expect(page.getByTestId('alarm-mute')).toHaveAttribute('data-last-tone', 'critical');

    await row.click();
    const detail = page.getByTestId('alarm-detail');
    await expect(detail).toHaveAttribute('data-id', id);
    const steps = detail.getByTestId('procedure-step');
    await expect(steps).toHaveCount(5);
    await expect(steps.first()).toContainText('查看联动视频');
    // Resolving waits for the procedure, and says so.
    await expect(detail.getByTestId('alarm-resolve')).toBeDisabled();
    await expect(detail.getByTestId('alarm-resolve-hint')).toContainText('还差 5 步');
    await expect(detail.getByTestId('linked-camera')).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
    await screenshot(page, 'alarms-new', 'zh-CN');

    // A acknowledges the selected alarm (not while typing in the note).
    await detail.getByTestId('alarm-note').click();
    await page.keyboard.press('a');
    await expect(detail).toHaveAttribute('data-state', 'new');
    await detail.getByTestId('alarm-note').fill('');
    await row.click();
    await page.keyboard.press('a');
    await expect(detail).toHaveAttribute('data-state', 'acknowledged');
    await expect(row).toHaveAttribute('data-state', 'acknowledged');
    await expect(detail.getByTestId('alarm-history')).toContainText('duty');

    for (let step = 0; step < 5; step++) {
      await steps.nth(step).locator('label').click();
      await expect(steps.nth(step)).toHaveAttribute('data-done', 'true');
      await expect(steps.nth(step).locator('input')).toBeDisabled();
    }
    await expect(detail.getByTestId('alarm-resolve-hint')).toBeHidden();
    await detail.getByTestId('alarm-note').fill('巡逻人员到场确认：大风吹动围栏引起误报，已复位');
    await detail.getByTestId('alarm-resolve').click();
    await expect(detail).toHaveAttribute('data-state', 'resolved');
    await expect(row).toHaveAttribute('data-state', 'resolved');
    await expect(detail.getByTestId('alarm-history')).toContainText('大风吹动围栏');
    await screenshot(page, 'alarms-resolved', 'zh-CN');

    // Another station, another officer: the same alarm, in the same state, with the same note.
    const second = await signedIn(browser, ACCOUNTS.supervisor, 'zh-CN');
    await openAlarms(second, '报警中心');
    await expect(rowOf(second, id)).toHaveAttribute('data-state', 'resolved', { timeout: 15_000 });
    await rowOf(second, id).click();
    await expect(second.getByTestId('alarm-history')).toContainText('大风吹动围栏');
    await second.context().close();
  });

  test('keys move through the list, V puts the linked cameras on the wall, and the map is a click away', async ({ page }) => {
    await openApp(page, 'en');
    await signIn(page, ACCOUNTS.duty);
    const broker = await brokerOf(page);
    await openAlarms(page, 'Alarms');
    const [older, newer] = alarmInputs().slice(1, 3);
    const first = await raise(broker, older!.code);
    const second = await raise(broker, newer!.code);
    await expect(rowOf(page, second)).toBeVisible({ timeout: 15_000 });
    await expect(rowOf(page, first)).toBeVisible();

    // Newest first: J from the top selects the newer one, J again the older; Enter opens it, Esc closes.
    const search = page.getByTestId('alarm-search').locator('input');
    await search.fill('e2e-alarm');
    await search.blur();
    await page.keyboard.press('j');
    await expect(rowOf(page, second)).toHaveClass(/selected/);
    await page.keyboard.press('j');
    await expect(rowOf(page, first)).toHaveClass(/selected/);
    await page.keyboard.press('k');
    await expect(rowOf(page, second)).toHaveClass(/selected/);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('alarm-detail')).toHaveAttribute('data-id', second);
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('alarm-detail')).toHaveAttribute('data-id', first);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('alarm-detail')).toBeHidden();
    await expect(page.getByTestId('alarm-keys')).toContainText('V linked video to the wall');

    // H takes it into handling.
    await page.keyboard.press('h');
    await expect(rowOf(page, first)).toHaveAttribute('data-state', 'handling');

    // V: the wall, with the alarm's nearest camera on the first tile.
    const cameras = devices(`kind IN ('ipc', 'camera') AND building = '${older!.building}' AND floor = '${older!.floor}'`).map((camera) => camera.code);
    await page.keyboard.press('v');
    await expect(page.getByTestId('page-wall')).toBeVisible();
    const tile = page.getByTestId('video-tile').first();
    expect(cameras).toContain(await tile.getAttribute('data-camera'));
    await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });

    // The recorded clip around the alarm plays from the NVR; Esc closes the clip, not the detail under it.
    await page.goto('/#/alarms');
    await rowOf(page, first).click();
    await page.getByTestId('alarm-clip-open').click();
    const clip = page.getByTestId('alarm-clip-video');
    await expect(clip).toHaveAttribute('data-state', 'playing', { timeout: 20_000 });
    await expect.poll(() => clip.evaluate((element) => (element as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames), { timeout: 10_000 }).toBeGreaterThan(10);
    await screenshot(page, 'alarms-clip', 'en');
    await page.keyboard.press('Escape');
    await expect(clip).toBeHidden();
    await expect(page.getByTestId('alarm-detail')).toHaveAttribute('data-id', first);

    // The map button hands the device to the map page through the address (#/map?device=), which shows it on its floor.
    await page.getByTestId('alarm-on-map').click();
    await expect(page.getByTestId('map-device-panel')).toHaveAttribute('data-code', older!.code);
    await expect(page).toHaveURL(/#\/map\?b=.*&f=/);
  });

  test('filters narrow the list, and the export is a CSV Excel reads in Chinese', async ({ page }) => {
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.duty);
    const broker = await brokerOf(page);
    await openAlarms(page, '报警中心');
    const sensor = alarmInputs()[3]!;
    const door = devices(`kind = 'door'`)[0]!;
    const intrusion = await raise(broker, sensor.code);
    const forced = await raise(broker, door.code, 'door_forced');
    await expect(rowOf(page, intrusion)).toBeVisible({ timeout: 15_000 });
    await expect(rowOf(page, forced)).toBeVisible();

    await page.getByTestId('filter-type').click();
    await page.getByTitle('门被强行打开').click();
    await page.keyboard.press('Escape');
    await expect(rowOf(page, forced)).toBeVisible();
    await expect(rowOf(page, intrusion)).toBeHidden();
    await page.getByTestId('alarm-search').locator('input').fill(door.code);
    await expect(page.locator('[data-testid=alarm-row]')).toHaveCount(1);

    const download = page.waitForEvent('download');
    await page.getByTestId('alarm-export').click();
    const file = await (await download).path();
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('报警编号,级别,类型,报警源');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(forced);
    expect(lines[1]).toContain('门被强行打开');
    expect(lines[1]).toContain(`"\t${door.code}"`);
  });

  test('an alarm storm groups the list by area and type, and the page stays quick to answer', async ({ page }) => {
    await openApp(page, 'en');
    await signIn(page, ACCOUNTS.duty);
    const broker = await brokerOf(page);
    await openAlarms(page, 'Alarms');
    // Tamper from 80 devices at once: one alarm each, none folded.
    const sources = devices(`kind <> 'gateway'`).slice(0, 80);
    expect(sources.length).toBe(80);
    const stamp = Date.now();
    await publishToBroker(
      broker,
      sources.map((device, index) => ({ topic: `vigil/v1/${SITE}/devices/${device.code}/events`, payload: JSON.stringify({ id: `e2e-storm-${stamp}-${index}`, type: 'tamper', ts: Date.now() }) })),
    );
    await expect(page.getByTestId('alarm-storm')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('alarm-grouped')).toHaveAttribute('aria-pressed', 'true');
    const groups = page.getByTestId('alarm-group');
    await expect(groups.first()).toBeVisible();
    const group = groups.filter({ hasText: 'Tamper' }).first();
    await expect(group).toContainText(/Alarms \d+ · occurrences \d+/);

    // A click on a group opens it, and answers at once.
    const started = Date.now();
    await group.click();
    await expect(page.locator('[data-testid=alarm-row]').first()).toBeVisible();
    expect(Date.now() - started).toBeLessThan(1000);
    await screenshot(page, 'alarms-storm', 'en');

    await page.getByTestId('alarm-grouped').click();
    await expect(page.getByTestId('alarm-group')).toHaveCount(0);
    await expect(page.locator(`[data-testid=alarm-row][data-id="e2e-storm-${stamp}-79"]`)).toBeAttached();
  });

  test('an alarm nobody acknowledged in time reaches the supervisor, and only the supervisor', async ({ page, browser }) => {
    await openApp(page, 'en');
    await signIn(page, ACCOUNTS.supervisor);
    const broker = await brokerOf(page);
    await openAlarms(page, 'Alarms');
    const duty = await signedIn(browser, ACCOUNTS.duty, 'en');
    await openAlarms(duty, 'Alarms');

    // Raised 70 s ago: past the 60 s a critical alarm may wait for acknowledgement.
    const sensor = alarmInputs()[4]!;
    const id = await raise(broker, sensor.code, 'intrusion', Date.now() - 70_000);
    // Other alarms of the earlier tests may come due too: this one's notice is the one naming its sensor.
    const notice = page.locator('.ant-notification-notice').filter({ hasText: sensor.name });
    await expect(notice).toBeVisible({ timeout: 20_000 });
    await expect(notice).toContainText('Alarms not acknowledged in time');
    // Raised before the others, it is far down the list: find it.
    for (const window of [page, duty]) await window.getByTestId('alarm-search').locator('input').fill(id);
    await expect(rowOf(page, id).getByTestId('alarm-escalated')).toBeVisible();
    await screenshot(page, 'alarms-escalated', 'en');
    // It stays until clicked; the click opens the alarm.
    await page.waitForTimeout(5_000);
    await expect(notice).toBeVisible();
    await notice.click();
    await expect(notice).toBeHidden();
    await expect(page.getByTestId('alarm-detail')).toHaveAttribute('data-id', id);

    await expect(rowOf(duty, id).getByTestId('alarm-escalated')).toBeVisible();
    await expect(duty.locator('.ant-notification-notice')).toHaveCount(0);
    await duty.context().close();
  });
});

test.describe('alarm pop-up', () => {
  test('with no wall open, a new intrusion pops its camera up over the page; V puts it on the wall, Esc closes the next', async ({ page }) => {
    await openApp(page, 'zh-CN', { alarmPopup: true });
    await signIn(page, ACCOUNTS.duty);
    const broker = await brokerOf(page);
    await nav(page).getByText('设备', { exact: true }).click();
    await expect(page.getByTestId('page-devices')).toBeVisible();
    const [first, second] = alarmInputs().slice(6, 8);
    const id = await raise(broker, first!.code);
    const popup = page.getByTestId('alarm-popup');
    // The demo park raises alarms of its own now and then: one that pops up before this one is put away with Esc.
    await expect(async () => {
      const shown = await popup.getAttribute('data-alarm', { timeout: 1_000 });
      if (shown !== id && shown) await page.keyboard.press('Escape');
      expect(shown).toBe(id);
    }).toPass({ timeout: 15_000 });
    await expect(popup).toContainText(`入侵报警 · ${first!.name}`);
    await expect(popup.getByTestId('alarm-popup-camera')).toHaveAttribute('data-state', 'playing', { timeout: 15_000 });
    const camera = await popup.getByTestId('alarm-popup-camera').getAttribute('data-camera');
    await screenshot(page, 'alarm-popup', 'zh-CN');

    await page.keyboard.press('v');
    await expect(page.getByTestId('page-wall')).toBeVisible();
    await expect(page.locator(`[data-testid=video-tile][data-camera="${camera}"]`).first()).toBeVisible();
    await expect(popup).toHaveCount(0);

    // The wall is open now: the next alarm goes to the wall, not into a pop-up. Away from it, it pops up again.
    await nav(page).getByText('设备', { exact: true }).click();
    await raise(broker, second!.code);
    await expect(popup).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(popup).toHaveCount(0);
    await expect(page.getByTestId('page-devices')).toBeVisible();
  });
});
