import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { tempDir } from '../main/testing/harness';
import { openClient, startStationProcess, type StationProcess } from '../main/testing/station';
import { ACCOUNTS, brokerOf, nav, openApp, publishToBroker, screenshot, signIn } from './web-helpers';

const SITE = 'demo-park';
const DESK_2 = { username: 'desk2', displayName: '二号台值班长', password: 'Second-Desk-2026' };

/** An alarm input of the demo park with a camera on its floor, read from the first station's own database. */
function fenceSensor(): { code: string; name: string } {
  const db = new Database(path.join(process.env.VIGIL_E2E_DATA!, 'vigil.db'), { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db
      .prepare(`SELECT code, name FROM devices a WHERE kind = 'alarm_input' AND EXISTS (SELECT 1 FROM devices c WHERE c.kind IN ('ipc', 'camera') AND c.building = a.building AND c.floor = a.floor) ORDER BY code DESC LIMIT 1`)
      .get() as { code: string; name: string };
  } finally {
    db.close();
  }
}

const rowOf = (page: Page, id: string) => page.locator(`[data-testid=alarm-row][data-id="${id}"]`);

let second: StationProcess | null = null;
test.afterAll(async () => second?.kill('SIGTERM'));

test('two stations of the site: an intrusion on the wall and in the list at one, worked through at the other, the same at both', async ({ page, browser }) => {
  test.setTimeout(150_000);
  await openApp(page, 'zh-CN', { wallLinkage: true });
  await signIn(page, ACCOUNTS.duty);
  const broker = await brokerOf(page);

  // A second station: its own core and database on the same site broker (the demo's speaks MQTT 3.1.1).
  second = await startStationProcess({ dataDir: tempDir('vigil-e2e-desk2-'), broker, site: SITE, station: 'desk-2', mqtt: 4 });
  const admin = await openClient(second.url);
  await admin.call('auth.setup', { ...DESK_2, station: 'desk-2' });
  admin.close();
  const context = await browser.newContext();
  const desk2 = await context.newPage();
  await desk2.addInitScript({ content: "localStorage.setItem('vigil.language', 'zh-CN');" });
  await desk2.goto(second.url);
  await desk2.locator('#username').fill(DESK_2.username);
  await desk2.locator('#password').fill(DESK_2.password);
  await desk2.locator('button[type=submit]').click();
  await nav(desk2).getByText('报警中心', { exact: true }).click();

  // The site raises an intrusion; station 1's wall shows its camera at once.
  await page.goto('/#/wall');
  const sensor = fenceSensor();
  const id = `e2e-two-${Date.now()}`;
  await publishToBroker(broker, [{ topic: `vigil/v1/${SITE}/devices/${sensor.code}/events`, payload: JSON.stringify({ id, type: 'intrusion', ts: Date.now() }) }]);
  await expect(page.getByTestId('alarm-linkage')).toHaveAttribute('data-alarm', id, { timeout: 15_000 });
  await expect(page.locator('[data-testid=video-tile][data-state=playing]').first()).toBeVisible({ timeout: 20_000 });
  await screenshot(page, 'wall-alarm-linkage', 'zh-CN');

  // Station 1 acknowledges it in the list; station 2 sees it acknowledged by station 1's officer.
  await nav(page).getByText('报警中心', { exact: true }).click();
  await rowOf(page, id).click();
  await page.keyboard.press('a');
  await expect(rowOf(page, id)).toHaveAttribute('data-state', 'acknowledged');
  await expect(rowOf(desk2, id)).toHaveAttribute('data-state', 'acknowledged', { timeout: 15_000 });
  await rowOf(desk2, id).click();
  const detail = desk2.getByTestId('alarm-detail');
  await expect(detail.getByTestId('alarm-history')).toContainText('duty');

  // Station 2 works the procedure and resolves it with a note; station 1 sees the same.
  const steps = detail.getByTestId('procedure-step');
  for (let step = 0; step < (await steps.count()); step++) {
    await steps.nth(step).locator('label').click();
    await expect(steps.nth(step)).toHaveAttribute('data-done', 'true');
  }
  await detail.getByTestId('alarm-note').fill('二号台：巡逻确认为误报');
  await detail.getByTestId('alarm-resolve').click();
  await expect(detail).toHaveAttribute('data-state', 'resolved');
  await expect(rowOf(page, id)).toHaveAttribute('data-state', 'resolved', { timeout: 15_000 });
  await rowOf(page, id).click();
  await expect(page.getByTestId('alarm-history')).toContainText('二号台：巡逻确认为误报');
  await expect(page.getByTestId('alarm-history')).toContainText('desk2');
  await screenshot(desk2, 'alarms-second-station', 'zh-CN');
  await context.close();
});
