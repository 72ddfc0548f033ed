import { expect, test, type Page } from '@playwright/test';
import { tempDir } from '../main/testing/harness';
import { openClient, startStationProcess, type StationProcess } from '../main/testing/station';
import { TerminalFleet, type SimulatedTerminal } from '../main/demo/terminals';
import { makePng } from '../main/testing/images';
import { ACCOUNTS, brokerOf, nav, openApp, screenshot, signIn } from './web-helpers';

const SITE = 'demo-park';
const ADMIN_2 = { username: 'desk2', displayName: '二号台管理员', password: 'Second-Desk-2026' };

/** The residents of C栋 (the flats) on their apps, the flats' lobby screen, and apps in other buildings that must not get it. */
const TERMINALS: SimulatedTerminal[] = [
  ...Array.from({ length: 8 }, (_, i) => ({ id: `e2e-app-c-${i}`, kind: 'resident-app' as const, building: 'C栋 人才公寓', unit: `${1 + (i % 3)}-${301 + i}` })),
  { id: 'e2e-screen-c', kind: 'signage', building: 'C栋 人才公寓', name: 'C栋大堂屏' },
  ...Array.from({ length: 3 }, (_, i) => ({ id: `e2e-app-b-${i}`, kind: 'resident-app' as const, building: 'B栋 办公楼', unit: `1-${101 + i}` })),
];

let second: StationProcess | null = null;
let fleet: TerminalFleet | null = null;
test.afterAll(async () => {
  await fleet?.unregister();
  await fleet?.stop();
  await second?.kill('SIGTERM');
});

async function typeDate(page: Page, testId: string, at: Date) {
  const text = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')} ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await expect(input).toHaveValue(text);
}

test('an announcement drafted at one station, approved and scheduled at another, received, counted and revoked at the terminals', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await openApp(page, 'zh-CN');
  await signIn(page, ACCOUNTS.duty);
  const broker = await brokerOf(page);
  // The simulated terminals: real MQTT clients on the site broker (the demo's speaks MQTT 3.1.1), four to a connection.
  fleet = await TerminalFleet.start({ broker, site: SITE, terminals: TERMINALS, perConnection: 4, readAfterMs: 500, protocolVersion: 4 });

  // A second station on the same broker, where the property manager works, in English.
  second = await startStationProcess({ dataDir: tempDir('vigil-e2e-notices-'), broker, site: SITE, station: 'desk-notices', mqtt: 4 });
  const admin = await openClient(second.url);
  await admin.call('auth.setup', { ...ADMIN_2, station: 'desk-notices' });
  await admin.call('users.create', { username: 'property', displayName: '物业 刘经理', role: 'property_manager', password: 'First-Sign-In-2026' });
  admin.close();
  // A new account changes the password it was given on first sign-in.
  const property = await openClient(second.url);
  await property.call('auth.signIn', { username: 'property', password: 'First-Sign-In-2026', station: 'desk-notices' });
  await property.call('auth.changePassword', { current: 'First-Sign-In-2026', next: ACCOUNTS.property.password });
  property.close();
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const desk2 = await context.newPage();
  await desk2.addInitScript({ content: "localStorage.setItem('vigil.language', 'en');" });
  await desk2.goto(second.url);
  await signIn(desk2, ACCOUNTS.property);

  // The duty officer drafts it at station 1, in both languages, for building C, and submits it with Ctrl+Enter.
  await nav(page).getByText('社区公告', { exact: true }).click();
  await expect(page.getByTestId('page-notices')).toBeVisible();
  await page.keyboard.press('n');
  const composer = page.getByTestId('notice-composer');
  await expect(composer).toBeVisible();
  const title = `C栋停水通知 ${Date.now().toString(36)}`;
  await composer.getByTestId('notice-title-zh').fill(title);
  await composer.getByTestId('notice-body-zh').locator('.tiptap').click();
  await page.keyboard.type('因管道检修，本周六 ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('8:00–12:00 停水');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('，请提前储水。');
  // A picture of the affected floors, uploaded to the site and shown in the editor from there.
  await page.keyboard.press('Enter');
  await composer.getByTestId('notice-body-zh-image').setInputFiles({ name: '停水范围.png', mimeType: 'image/png', buffer: makePng(320, 120, [40, 110, 200]) });
  await expect(composer.getByTestId('notice-body-zh').locator('img[src^="data:image/png"]')).toBeVisible();
  await composer.getByRole('tab', { name: 'English' }).click();
  await composer.getByTestId('notice-title-en').fill('Water cut in building C');
  await composer.getByTestId('notice-body-en').locator('.tiptap').click();
  await page.keyboard.type('Water is off on Saturday 8:00–12:00 for pipe repairs.');
  await composer.getByRole('tab', { name: '中文' }).click();
  await composer.getByTestId('notice-audience-kind').click();
  await page.locator('.ant-select-dropdown:visible').getByText('楼栋', { exact: true }).click();
  await composer.getByTestId('notice-audience-targets').locator('input').fill('C栋 人才公寓');
  await page.keyboard.press('Enter');
  await screenshot(page, 'notices-composer', 'zh-CN');
  await page.keyboard.press('Control+Enter');
  await expect(composer).toBeHidden();
  const row = page.getByTestId('notice-table').locator('tr', { hasText: title });
  await expect(row.getByTestId('notice-state')).toHaveText('待审批');

  // The property manager at station 2 finds it in the approval queue and schedules it for the next minute but one.
  await nav(desk2).getByText('Notices', { exact: true }).click();
  const queued = desk2.getByTestId('notice-queue').locator('tr', { hasText: title });
  await expect(queued).toBeVisible({ timeout: 15_000 });
  await screenshot(desk2, 'notices-queue', 'en');
  await queued.getByText(title).click();
  const detail2 = desk2.getByTestId('notice-detail');
  await expect(detail2.getByTestId('notice-state')).toHaveText('Submitted');
  await detail2.getByTestId('notice-approve').click();
  // The next whole minute at least 25 s away (the picker takes minutes): time to see it scheduled and held back first.
  const at = new Date(Math.ceil((Date.now() + 25_000) / 60_000) * 60_000);
  await typeDate(desk2, 'notice-approve-at', at);
  await desk2.getByTestId('notice-approve-ok').click();
  await expect(detail2.getByTestId('notice-state')).toHaveText('Scheduled');
  // Not yet: no terminal has it before its time.
  expect(fleet.holding(await idOf(page, row))).toBe(0);

  // At its time it reaches the eight flats' apps and the lobby screen, not building B; both stations count them.
  const id = await idOf(page, row);
  await expect.poll(() => fleet!.holding(id), { timeout: 150_000, intervals: [1_000] }).toBe(9);
  // What the terminals got names its picture by hash, never carries its bytes.
  const got = fleet.holdings.get('e2e-app-c-0')!.get(id)!;
  expect(got.images).toHaveLength(1);
  expect(got.body!.zh).toContain(`vigil-image:${got.images[0]}`);
  await expect(detail2.getByTestId('notice-state')).toHaveText('Published', { timeout: 15_000 });
  await expect(detail2.getByTestId('notice-receipts')).toContainText('9/9', { timeout: 15_000 });
  await screenshot(desk2, 'notices-detail', 'en');
  await row.getByText(title).click();
  const detail1 = page.getByTestId('notice-detail');
  await expect(detail1.getByTestId('notice-state')).toHaveText('已发布');
  await expect(detail1.getByTestId('notice-receipts')).toContainText('8/8');
  await expect(detail1.getByTestId('notice-receipts')).toContainText('9/9');
  await expect(detail1).toContainText('duty');
  await expect(detail1.getByTestId('notice-read-zh').locator('img[src^="data:image/png"]')).toBeVisible();
  await screenshot(page, 'notices-detail', 'zh-CN');

  // Revoked at station 2, with confirmation: every terminal removes it, and station 1 shows it revoked.
  await detail2.getByTestId('notice-revoke').click();
  await desk2.getByTestId('notice-revoke-confirm').click();
  await expect(detail2.getByTestId('notice-state')).toHaveText('Revoked');
  await expect.poll(() => fleet!.holding(id), { timeout: 15_000 }).toBe(0);
  await expect(detail1.getByTestId('notice-state')).toHaveText('已撤回', { timeout: 15_000 });
  await page.getByTestId('notice-detail').locator('.ant-drawer-close').click();
  await screenshot(page, 'notices-list', 'zh-CN');
  await context.close();
});

/** The notice's id, which the list keeps in its row key. */
async function idOf(page: Page, row: ReturnType<Page['locator']>): Promise<string> {
  const key = await row.getAttribute('data-row-key');
  if (!key) throw new Error(`no row key on ${await row.textContent()}`);
  return key;
}
