import { expect, test } from '@playwright/test';
import { tempDir } from '../main/testing/harness';
import { startMosquitto, type Broker } from '../main/testing/mosquitto';
import { openClient, startStationProcess, type StationProcess } from '../main/testing/station';
import { nav, screenshot, signIn } from './web-helpers';

/**
 * The idle lock waits out real minutes, so it runs on a station of its own
 * (its own `vigil serve`, its own broker and site), in the playwright config's
 * second lane beside the other specs: a one-minute lock set on the demo server
 * would lock any other spec's window left a minute without input.
 */
const ADMIN = { username: 'lockadmin', displayName: '锁屏测试管理员', password: 'Idle-Lock-Desk-2026' };
const STATION = 'desk-lock';

let broker: Broker | null = null;
let station: StationProcess | null = null;
test.afterAll(async () => {
  await station?.kill('SIGTERM');
  await broker?.close();
});

test('an idle session locks, and only the password unlocks it', async ({ page }) => {
  test.setTimeout(180_000);
  broker = await startMosquitto();
  station = await startStationProcess({ dataDir: tempDir('vigil-e2e-lock-'), broker: broker.url, site: 'e2e-lock', station: STATION, args: ['--site-name', '锁屏测试园区'] });
  const setup = await openClient(station.url);
  await setup.call('auth.setup', { ...ADMIN, station: STATION });
  setup.close();

  await page.addInitScript({ content: "localStorage.setItem('vigil.language', 'zh-CN');" });
  await page.goto(station.url);
  await signIn(page, ADMIN);
  await nav(page).getByText('设置', { exact: true }).click();
  const lockMinutes = page.getByTestId('setting-sessionLockMinutes');
  await lockMinutes.fill('1');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();

  // The core locks after a minute without input (heartbeats every 30 s, lock checks every 5 s).
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible({ timeout: 120_000 });
  await expect(lock).toContainText('会话已锁定');
  // What was on screen is covered and taken out of reach of keyboard and screen readers.
  await expect(page.locator('.app-root')).toHaveAttribute('aria-hidden', 'true');
  await expect(page.locator('.app-root')).toHaveAttribute('inert', '');
  await screenshot(page, 'lock', 'zh-CN');

  await lock.locator('#password').fill('not-the-password');
  await lock.locator('button[type=submit]').click();
  await expect(lock).toContainText('密码错误');
  await lock.locator('#password').fill(ADMIN.password);
  await lock.locator('button[type=submit]').click();
  await expect(lock).toBeHidden();
  await expect(page.locator('.app-root')).not.toHaveAttribute('inert');
  await expect(page.getByTestId('page-settings')).toBeVisible();
});
