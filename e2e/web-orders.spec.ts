import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { tempDir } from '../main/testing/harness';
import { openClient, startStationProcess, type StationProcess } from '../main/testing/station';
import { ACCOUNTS, brokerOf, closeNotices, openApp, publishToBroker, screenshot, signIn, signedIn, type Language } from './web-helpers';

const SITE = 'demo-park';
const ADMIN_2 = { username: 'desk2', displayName: '二号台管理员', password: 'Second-Desk-2026' };
/** At station 2 the property manager and the technician are accounts of their own (each station keeps its users). */
const PROPERTY_2 = { username: 'property', displayName: '物业管理员 刘芳', role: 'property_manager', password: 'Meter!Vigil2026' } as const;
const TECH_2 = { username: 'tech', displayName: '维修技师 赵磊', role: 'technician', password: 'Repair!Vigil2026' } as const;
const MINUTE = 60_000;

/** A water sensor of the demo park, read from the first station's own database. */
function waterSensor(): string {
  const db = new Database(path.join(process.env.VIGIL_E2E_DATA!, 'vigil.db'), { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    return (db.prepare(`SELECT code FROM devices WHERE kind = 'water_sensor' ORDER BY code LIMIT 1`).get() as { code: string }).code;
  } finally {
    db.close();
  }
}

/** Station 2's accounts, made through its contract as its administrator would; first passwords are changed at once, as the policy asks. */
async function stationTwoAccounts(url: string): Promise<void> {
  const admin = await openClient(url);
  await admin.call('auth.setup', { ...ADMIN_2, station: 'desk-2' });
  for (const account of [PROPERTY_2, TECH_2]) await admin.call('users.create', { ...account, password: `${account.password}-first` });
  admin.close();
  for (const account of [PROPERTY_2, TECH_2]) {
    const client = await openClient(url);
    await client.call('auth.signIn', { username: account.username, password: `${account.password}-first`, station: 'desk-2' });
    await client.call('auth.changePassword', { current: `${account.password}-first`, next: account.password });
    client.close();
  }
}

async function signedInAt(browser: Browser, url: string, account: { username: string; password: string }, language: Language): Promise<Page> {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await openApp(page, language);
  await signIn(page, account);
  return page;
}

const card = (page: Page, id: string) => page.locator(`[data-testid=order-card][data-id="${id}"]`);
const drawer = (page: Page) => page.getByTestId('order-detail');

async function openOrderAt(page: Page, id: string): Promise<void> {
  await page.goto('/#/orders');
  // A drawer left open by the last step covers the board: close it, as the officer would.
  if (await drawer(page).isVisible()) {
    await page.keyboard.press('Escape');
    await expect(drawer(page)).toBeHidden();
  }
  // The list holds ended orders too (the board only counts them): find it by its id.
  await page.getByTestId('order-view').locator('.ant-segmented-item').nth(1).click();
  await page.getByTestId('order-search').locator('input').fill(id);
  await page.locator(`[data-testid=order-row][data-id="${id}"]`).click({ timeout: 20_000 });
  await expect(drawer(page)).toHaveAttribute('data-id', id);
}

/** The same screens in English: the language is the window's, kept across a reload (the session too). */
async function inEnglish(page: Page, shots: (page: Page) => Promise<void>): Promise<void> {
  await page.evaluate("localStorage.setItem('vigil.language', 'en')");
  await page.reload();
  await shots(page);
  await page.evaluate("localStorage.setItem('vigil.language', 'zh-CN')");
  await page.reload();
}

/** The drawer from its top (fields, photos), then at its timeline. */
async function detailShots(page: Page, language: Language): Promise<void> {
  // Order notices already seen are put away; they would cover the drawer's lower half.
  await closeNotices(page, 'order-escalation-notice');
  await page.locator('.order-drawer .ant-drawer-body').evaluate((body) => body.scrollTo(0, 0));
  await screenshot(page, 'orders-detail', language);
  await drawer(page).getByTestId('order-timeline').scrollIntoViewIfNeeded();
  await screenshot(page, 'orders-timeline', language);
}

let second: StationProcess | null = null;
test.afterAll(async () => second?.kill('SIGTERM'));

test('a leak alarm opens an urgent order that escalates, is assigned at station 2, worked by the technician, confirmed and rated; a resident reports another from the app', async ({ page, browser }) => {
  test.setTimeout(240_000);
  // Station 1: the shift supervisor, told of late orders.
  await openApp(page, 'zh-CN');
  await signIn(page, ACCOUNTS.supervisor);
  const broker = await brokerOf(page);
  second = await startStationProcess({ dataDir: tempDir('vigil-e2e-orders2-'), broker, site: SITE, station: 'desk-2', mqtt: 4 });
  await stationTwoAccounts(second.url);
  const property = await signedInAt(browser, second.url, PROPERTY_2, 'zh-CN');
  await page.goto('/#/orders');
  await expect(page.getByTestId('order-board')).toBeVisible();

  // Water found 40 minutes ago: the urgent order's 30 minutes to respond are already past.
  const alarm = `e2e-leak-${Date.now()}`;
  const order = `a-${alarm}`;
  await publishToBroker(broker, [{ topic: `vigil/v1/${SITE}/devices/${waterSensor()}/events`, payload: JSON.stringify({ id: alarm, type: 'water_leak', ts: Date.now() - 40 * MINUTE }) }]);
  await expect(card(page, order)).toBeVisible({ timeout: 20_000 });
  await expect(card(page, order)).toHaveAttribute('data-state', 'new');
  await expect(card(page, order).getByTestId('order-sla')).toHaveAttribute('data-late', 'true');
  await expect(card(page, order).getByTestId('order-sla')).toContainText(/响应超时 1\d 分/);
  await expect(card(page, order).getByTestId('order-escalated')).toBeVisible({ timeout: 15_000 });
  // The demo park's own leaks may be late too: this order's notice is the one naming it.
  const notice = page.getByTestId('order-escalation-notice').filter({ hasText: order });
  await expect(notice).toContainText('报修单超时升级');
  await screenshot(page, 'orders-board', 'zh-CN');
  await notice.click();
  await expect(drawer(page)).toHaveAttribute('data-id', order);
  await expect(drawer(page).getByTestId('order-timeline')).toContainText('响应超时，升级给主管');
  await expect(drawer(page)).toContainText(alarm);

  // Station 2: the property manager gives it to the technician.
  await openOrderAt(property, order);
  await property.getByTestId('order-assign').click();
  await property.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '赵磊' }).click();
  await expect(drawer(property)).toHaveAttribute('data-state', 'assigned');
  await expect(drawer(property).getByTestId('order-assignee')).toHaveText('tech');
  await expect(card(page, order)).toHaveAttribute('data-state', 'assigned', { timeout: 15_000 });

  // Station 1: the technician accepts, starts, photographs the repair and completes it.
  const tech = await signedIn(browser, { username: 'tech', password: 'Repair!Vigil2026' }, 'zh-CN');
  await tech.goto('/#/orders');
  const mine = tech.locator(`[data-testid=my-order][data-id="${order}"]`);
  await expect(mine).toHaveAttribute('data-state', 'assigned', { timeout: 15_000 });
  await mine.getByTestId('order-accept').click();
  await expect(mine).toHaveAttribute('data-state', 'accepted');
  await mine.getByTestId('order-start').click();
  await expect(mine).toHaveAttribute('data-state', 'in_progress');
  await inEnglish(tech, async (english) => {
    await expect(english.locator(`[data-testid=my-order][data-id="${order}"]`).getByTestId('order-complete')).toHaveText('Complete');
    await screenshot(english, 'orders-technician', 'en');
  });
  // A large "photo" of the job, reduced to 1 600 px JPEG in the window before it is sent.
  const photo = await page.screenshot({ type: 'png' });
  await mine.getByTestId('photo-input').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: photo });
  await expect(mine.getByTestId('picked-photos').getByTestId('order-photo')).toHaveCount(1, { timeout: 15_000 });
  await mine.getByTestId('order-complete-text').fill('更换 B1 层阀门，已止水');
  await screenshot(tech, 'orders-technician', 'zh-CN');
  await mine.getByTestId('order-complete').click();
  await expect(mine).toHaveAttribute('data-state', 'completed');

  // Station 1: the supervisor records the resident's confirmation, rated 5; the order closes.
  await openOrderAt(page, order);
  await expect(drawer(page)).toHaveAttribute('data-state', 'completed');
  await expect(drawer(page).getByTestId('photos-after').getByTestId('order-photo')).toHaveCount(1);
  await drawer(page).getByTestId('order-resident').locator('.ant-rate-star').nth(4).click();
  await drawer(page).getByTestId('order-confirm').click();
  await expect(drawer(page)).toHaveAttribute('data-state', 'closed');
  await expect(drawer(page).getByTestId('order-rated')).toHaveAttribute('data-rating', '5');
  const steps = drawer(page).getByTestId('order-step');
  expect(await steps.evaluateAll((all) => all.map((step) => step.getAttribute('data-action')))).toEqual(['create', 'escalate', 'assign', 'accept', 'start', 'complete', 'confirm']);
  await expect(drawer(page).getByTestId('order-timeline')).toContainText('更换 B1 层阀门，已止水');
  await detailShots(page, 'zh-CN');

  // Both stations hold the same order.
  await openOrderAt(property, order);
  await expect(drawer(property)).toHaveAttribute('data-state', 'closed', { timeout: 15_000 });
  await expect(drawer(property).getByTestId('order-rated')).toHaveAttribute('data-rating', '5');
  await expect(drawer(property).getByTestId('photos-after').getByTestId('order-photo')).toHaveCount(1, { timeout: 15_000 });
  await expect(drawer(property).getByTestId('order-step')).toHaveCount(7);

  // A resident reports a repair from the app, with a photo published first (retained, named by its SHA-256).
  const image = await page.screenshot({ type: 'jpeg', quality: 60, clip: { x: 0, y: 0, width: 640, height: 360 } });
  const hash = createHash('sha256').update(image).digest('hex');
  const report = `app-${Date.now()}`;
  const resident = 'app-42';
  await publishToBroker(broker, [
    { topic: `vigil/v1/${SITE}/images/${hash}`, payload: JSON.stringify({ data: image.toString('base64'), ts: Date.now() }) },
    { topic: `vigil/v1/${SITE}/residents/${resident}/repairs`, payload: JSON.stringify({ id: report, title: '厨房水龙头漏水', description: '关不紧，一直滴水', category: 'plumbing', building: 'C栋 人才公寓', floor: '3F', unit: '302', photos: [hash], ts: Date.now() }) },
  ]);
  const fromApp = `r-${report}`;
  await openOrderAt(page, fromApp);
  await expect(drawer(page).getByTestId('photos-before').getByTestId('order-photo')).toHaveAttribute('data-hash', hash);
  // The resident's unit is personal: masked, and shown to the supervisor only on asking, which the audit trail records.
  await expect(drawer(page).getByTestId('order-reporter')).toHaveAttribute('data-state', 'masked');
  await expect(drawer(page).getByTestId('order-reporter')).not.toContainText('302');
  await drawer(page).getByTestId('order-reporter-show').click();
  await expect(drawer(page).getByTestId('order-reporter')).toContainText('302');
  await drawer(page).getByTestId('order-assign').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '赵磊' }).click();
  await expect(drawer(page)).toHaveAttribute('data-state', 'assigned');
  // The technician works it from his app; the resident confirms and rates it from theirs.
  const update = (n: number, body: object) => ({ topic: `vigil/v1/${SITE}/orders/${fromApp}/updates`, payload: JSON.stringify({ id: `${report}-${n}`, text: '', ts: Date.now(), ...body }) });
  await publishToBroker(broker, [update(1, { action: 'accept', by: 'tech' }), update(2, { action: 'start', by: 'tech' }), update(3, { action: 'complete', by: 'tech', text: '换了阀芯' })]);
  await expect(drawer(page)).toHaveAttribute('data-state', 'completed', { timeout: 15_000 });
  await publishToBroker(broker, [update(4, { action: 'confirm', by: `resident:${resident}`, rating: 4, text: '修好了' })]);
  await expect(drawer(page)).toHaveAttribute('data-state', 'closed', { timeout: 15_000 });
  await expect(drawer(page).getByTestId('order-rated')).toHaveAttribute('data-rating', '4');
  await openOrderAt(property, fromApp);
  await expect(drawer(property)).toHaveAttribute('data-state', 'closed', { timeout: 15_000 });
  await expect(drawer(property).getByTestId('order-rated')).toHaveAttribute('data-rating', '4');

  // The month's figures count both, rated 5 and 4, beside the demo park's own history of the month: the page shows what the core counts.
  const desk1 = await openClient(new URL(page.url()).origin);
  await desk1.call('auth.signIn', { ...ACCOUNTS.supervisor, station: 'figures' });
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
  const figures = await desk1.call('orders.figures', { month });
  desk1.close();
  expect(figures.rated).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Escape');
  await page.getByTestId('order-view').getByText('月度统计').click();
  await expect(page.getByTestId('figure-rating')).toContainText(figures.meanRating!.toFixed(1));
  await expect(page.getByTestId('figures-chart')).toBeVisible();
  await screenshot(page, 'orders-figures', 'zh-CN');

  await inEnglish(page, async (english) => {
    await english.getByTestId('order-view').getByText('Board').click();
    await expect(english.getByTestId('order-board')).toBeVisible();
    await screenshot(english, 'orders-board', 'en');
    await english.getByTestId('order-view').getByText('List').click();
    await english.locator(`[data-testid=order-row][data-id="${order}"]`).click();
    await expect(drawer(english)).toHaveAttribute('data-state', 'closed');
    await expect(drawer(english).getByTestId('order-timeline')).toContainText('Respond deadline missed, escalated to supervisor');
    await detailShots(english, 'en');
    await english.keyboard.press('Escape');
    await english.getByTestId('order-view').getByText('Monthly figures').click();
    await expect(english.getByTestId('figure-rating')).toContainText(figures.meanRating!.toFixed(1));
    await screenshot(english, 'orders-figures', 'en');
  });
  // The technician sees how both of these orders ended, among the demo park's earlier ones of his.
  for (const id of [order, fromApp]) await expect(tech.getByTestId('mine-closed').locator(`[data-testid=my-order][data-id="${id}"]`)).toHaveCount(1);
});
