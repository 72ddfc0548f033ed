import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { ACCOUNTS, nav, openApp, publishToBroker, screenshot, signIn, type Language } from './web-helpers';

const LABELS = {
  'zh-CN': { devices: '设备', users: '用户', audit: '审计', settings: '设置', admin: 'IT 管理员', duty: '值班员' },
  en: { devices: 'Devices', users: 'Users', audit: 'Audit', settings: 'Settings', admin: 'IT administrator', duty: 'Duty officer' },
} as const;

// antd spaces out a two-character Chinese label, and a spinner that has just
// finished can linger in the button's accessible name while it fades out.
const SAVE = /保\s?存$/;

const PART_LABELS = {
  'zh-CN': ['行政区划', '基层单位', '行业', '类型', '网络', '序号'],
  en: ['Division', 'Unit', 'Industry', 'Type', 'Network', 'Serial'],
} as const;

async function siteCount(page: Page): Promise<string> {
  return (await page.locator('[data-level=site] [data-testid=tree-count]').textContent()) ?? '';
}

async function checkDevices(page: Page, language: Language): Promise<void> {
  await nav(page).getByText(LABELS[language].devices, { exact: true }).click();
  const tree = page.getByTestId('device-tree');
  await expect(tree.locator('[data-level=site] [data-testid=tree-count]')).toHaveText(/^\d+\/\d+$/);
  const [online, total] = (await siteCount(page)).split('/').map(Number) as [number, number];
  expect(total).toBeGreaterThanOrEqual(100);
  expect(online).toBeLessThanOrEqual(total);
  await expect(tree.locator('[data-level=floor]').first()).toBeVisible();

  // A floor narrows the table to devices on that floor.
  const floor = tree.locator('[data-level=floor]').first();
  const floorName = (await floor.locator('.tree-node-name').textContent())!;
  const [floorOnline, floorTotal] = (await floor.getByTestId('tree-count').textContent())!.split('/').map(Number) as [number, number];
  expect(floorOnline).toBeLessThanOrEqual(floorTotal);
  await floor.click();
  const rows = page.getByTestId('device-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(Math.min(floorTotal, 50));
  for (const location of await rows.locator('td:nth-child(4)').allTextContents()) expect(location).toContain(floorName);
  await screenshot(page, 'devices', language);

  // The detail drawer splits the 20-digit code into its labelled parts.
  const code = (await rows.first().locator('td:nth-child(2)').textContent())!.trim();
  expect(code).toMatch(/^\d{20}$/);
  await rows.first().click();
  const drawer = page.getByRole('dialog');
  const parts = drawer.getByTestId('code-parts');
  await expect(parts).toBeVisible();
  const digits = await parts.locator('.code-part-digits').allTextContents();
  expect(digits.join('')).toBe(code);
  expect(digits.map((part) => part.length)).toEqual([6, 2, 2, 3, 1, 6]);
  expect(await parts.locator('.code-part-label').allTextContents()).toEqual([...PART_LABELS[language]]);
  await expect(drawer.getByTestId('device-fields')).toContainText(code);
  await screenshot(page, 'device-detail', language);
  await drawer.getByRole('button', { name: language === 'zh-CN' ? '关闭' : 'Close' }).click();
  await expect(parts).toBeHidden();
}

async function checkUsers(page: Page, language: Language): Promise<void> {
  await nav(page).getByText(LABELS[language].users, { exact: true }).click();
  const table = page.getByTestId('user-table');
  for (const username of Object.keys(ACCOUNTS)) await expect(table.getByText(username, { exact: true })).toBeVisible();
  await expect(table.locator('tr', { hasText: 'duty' }).first()).toContainText(LABELS[language].duty);
  await screenshot(page, 'users', language);
}

async function checkAudit(page: Page, language: Language): Promise<void> {
  await nav(page).getByText(LABELS[language].audit, { exact: true }).click();
  const table = page.getByTestId('audit-table');
  await expect(table.locator('tbody tr', { hasText: 'auth.signIn' }).first()).toBeVisible();
  await page.getByTestId('audit-verify').click();
  const result = page.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(result).toContainText(language === 'zh-CN' ? '哈希链完整' : 'Hash chain intact');
  const checked = Number(/(\d+)/.exec((await result.textContent())!)?.[1]);
  expect(checked).toBeGreaterThan(0);
  // A row opens to show its detail and hash.
  await table.locator('tbody tr.ant-table-row').first().click();
  await expect(table.locator('.audit-expanded').first()).toContainText(/[0-9a-f]{64}/);
  await screenshot(page, 'audit', language);
}

const OPS = {
  'zh-CN': { nav: '运维', online: '在线', onlineFor: /^已在线 \d/, lastMessage: /^最后消息 (刚刚|\d+ 秒前)$/, empty: '隔离区为空' },
  en: { nav: 'Operations', online: 'Online', onlineFor: /^Online for \d/, lastMessage: /^Last message (just now|\d+ s ago)$/, empty: 'Quarantine is empty' },
} as const;

async function dataValue(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

/** The Ops page, live: the link is up, messages arrive, totals climb, the sparkline fills. */
async function checkOps(page: Page, language: Language): Promise<void> {
  await nav(page).getByText(OPS[language].nav, { exact: true }).click();
  await expect(page.getByTestId('page-ops')).toBeVisible();
  const link = page.getByTestId('ops-link');
  await expect(link).toHaveAttribute('data-state', 'online');
  await expect(link).toContainText(OPS[language].online);
  await expect(page.getByTestId('ops-link-duration')).toHaveText(OPS[language].onlineFor);
  await expect(page.getByTestId('ops-broker')).toHaveText(/^mqtts?:\/\//);

  await expect.poll(() => dataValue(page, 'ops-rate-received'), { timeout: 20_000 }).toBeGreaterThan(0);
  const before = await dataValue(page, 'ops-total-received');
  await expect.poll(() => dataValue(page, 'ops-total-received'), { timeout: 15_000 }).toBeGreaterThan(before);
  // One render, one set of totals: every message received was stored as something or quarantined (or is still in the write batch).
  const totals = Object.fromEntries(
    await page.locator('[data-testid^=ops-total-]').evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-testid')!.slice(10), Number(node.getAttribute('data-value'))])),
  ) as Record<'received' | 'events' | 'telemetry' | 'states' | 'quarantined', number>;
  expect(totals.received).toBeGreaterThanOrEqual(totals.events + totals.telemetry + totals.states + totals.quarantined);
  await expect(page.getByTestId('ops-last-message')).toHaveText(OPS[language].lastMessage);
  await expect
    .poll(async () => Number(await page.getByTestId('ops-sparkline').getAttribute('data-samples')), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(8);

  // The demo park may send nothing bad: then the quarantine says so in words.
  const table = page.getByTestId('ops-quarantine-table');
  const empty = page.getByTestId('ops-quarantine-empty');
  await expect(table.or(empty)).toBeVisible();
  if (await empty.isVisible()) await expect(empty).toContainText(OPS[language].empty);
  else await expect(table.locator('tbody tr.ant-table-row').first()).toBeVisible();
  await screenshot(page, 'ops', language);
}

async function checkSettings(page: Page, language: Language): Promise<void> {
  await nav(page).getByText(LABELS[language].settings, { exact: true }).click();
  const lock = page.getByTestId('setting-sessionLockMinutes');
  await expect(lock).toHaveValue(/^\d+$/);
  expect(Number(await lock.inputValue())).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('settings-save')).toBeEnabled();
  await screenshot(page, 'settings', language);
}

test('sign-in page shows the site and demo accounts, and refuses a wrong password', async ({ page }) => {
  await openApp(page, 'zh-CN');
  await expect(page.getByTestId('site-name')).toHaveText(/\S/);
  await expect(page.getByTestId('demo-badge')).toHaveText('演示');
  await expect(page.getByTestId('demo-accounts')).toContainText('Ops!Vigil2026');
  await expect(page.getByText(/版本 \d+\.\d+\.\d+/)).toBeVisible();
  await screenshot(page, 'sign-in', 'zh-CN');

  await page.locator('#username').fill('commander');
  await page.locator('#password').fill('not-the-password');
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('用户名或密码错误');
  await expect(page.getByTestId('user-menu')).toHaveCount(0);

  // The language switch works before sign-in too, and the error follows it.
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('Wrong username or password');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await screenshot(page, 'sign-in', 'en');
});

test('admin works through every page in Chinese', async ({ page }) => {
  await openApp(page, 'zh-CN');
  await signIn(page, ACCOUNTS.admin);
  await expect(page.getByTestId('user-role')).toHaveText(LABELS['zh-CN'].admin);
  await expect(nav(page).locator('.ant-menu-item')).toHaveText(['视频墙', '报警中心', '电子地图', '门禁', '入侵报警', '报警规则', '能源管理', '节能控制', '设备', '物业报修', '社区公告', '生活服务', '预警', '事件', '用户', '审计', '运维', '数据开放', '设置']);
  await expect(page.getByTestId('site-link')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('site-link')).toContainText('站点链路在线');

  await checkDevices(page, 'zh-CN');
  // Live: the demo site changes a device every two seconds, and the counts follow.
  const before = await siteCount(page);
  await expect.poll(() => siteCount(page), { timeout: 30_000 }).not.toBe(before);

  await checkUsers(page, 'zh-CN');
  await checkAudit(page, 'zh-CN');
  await checkSettings(page, 'zh-CN');
});

test('switching to English relabels every page, and survives a reload', async ({ page }) => {
  await openApp(page, 'zh-CN');
  await signIn(page, ACCOUNTS.admin);
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(nav(page).locator('.ant-menu-item')).toHaveText(['Video wall', 'Alarms', 'Site map', 'Doors', 'Intrusion', 'Alarm rules', 'Energy', 'Saving', 'Devices', 'Repairs', 'Notices', 'Services', 'Warnings', 'Incidents', 'Users', 'Audit', 'Operations', 'Open data', 'Settings']);
  await expect(page.getByTestId('user-role')).toHaveText(LABELS.en.admin);

  // The token is resumed and the language remembered across a reload.
  await page.reload();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await expect(nav(page).locator('.ant-menu-item')).toHaveText(['Video wall', 'Alarms', 'Site map', 'Doors', 'Intrusion', 'Alarm rules', 'Energy', 'Saving', 'Devices', 'Repairs', 'Notices', 'Services', 'Warnings', 'Incidents', 'Users', 'Audit', 'Operations', 'Open data', 'Settings']);

  await checkDevices(page, 'en');
  await checkUsers(page, 'en');
  await checkAudit(page, 'en');
  await checkSettings(page, 'en');
});

test('a duty officer sees only the pages the role allows', async ({ page }) => {
  await openApp(page, 'zh-CN');
  await signIn(page, ACCOUNTS.duty);
  await expect(page.getByTestId('user-role')).toHaveText(LABELS['zh-CN'].duty);
  await expect(nav(page).locator('.ant-menu-item')).toHaveText(['视频墙', '报警中心', '电子地图', '门禁', '入侵报警', '报警规则', '能源管理', '节能控制', '设备', '物业报修', '社区公告', '生活服务', '预警', '事件', '运维', '数据开放']);
  // The video wall is where an officer starts.
  await expect(page.getByTestId('page-wall')).toBeVisible();
  // Asking for a page the role lacks, by address, shows the first allowed one; Alt+digit is the page at that place in the menu:
  // Alt+8 the eighth (energy saving, read only), Alt+9 the ninth (devices).
  await page.goto('/#/users');
  await expect(page.getByTestId('page-wall')).toBeVisible();
  await expect(page.getByTestId('page-users')).toHaveCount(0);
  await page.keyboard.press('Alt+8');
  await expect(page.getByTestId('page-saving')).toBeVisible();
  await expect(page.getByTestId('saving-read-only')).toBeVisible();
  await page.keyboard.press('Alt+9');
  await expect(page.getByTestId('page-devices')).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('device-search')).toBeFocused();
  await page.keyboard.type('烟感');
  const rows = page.getByTestId('device-table').locator('tbody tr.ant-table-row');
  await expect(rows.first()).toContainText('烟感');
  for (const name of await rows.locator('td:first-child').allTextContents()) expect(name).toContain('烟感');
  await screenshot(page, 'duty-devices', 'zh-CN');
});

test('an administrator creates a user; the password policy is enforced by the core', async ({ page }) => {
  await openApp(page, 'zh-CN');
  await signIn(page, ACCOUNTS.admin);
  await nav(page).getByText('用户', { exact: true }).click();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('#username').fill('guard.li');
  await dialog.locator('#displayName').fill('保安 李');
  await dialog.locator('#password').fill('short');
  await dialog.getByRole('button', { name: SAVE }).click();
  await expect(dialog.getByTestId('user-error')).toContainText('密码不符合策略');
  await expect(dialog.getByTestId('user-error')).toContainText('至少 10 个字符');
  await screenshot(page, 'user-create-error', 'zh-CN');

  await dialog.locator('#password').fill('Gate#Keeper2026');
  await dialog.getByRole('button', { name: SAVE }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('user-table').locator('tr', { hasText: 'guard.li' });
  await expect(row).toContainText('值班员');
  await expect(row).toContainText('待改密');
});

test('a row changed behind the core’s back is found by verification and shown', async ({ page }) => {
  await openApp(page, 'zh-CN');
  await signIn(page, ACCOUNTS.auditor);
  await expect(nav(page).locator('.ant-menu-item')).toHaveText(['报警中心', '电子地图', '门禁', '入侵报警', '报警规则', '能源管理', '节能控制', '设备', '物业报修', '社区公告', '生活服务', '预警', '事件', '用户', '审计', '运维', '数据开放', '设置']);
  // Someone with access to the disk rewrites an old row, as an attacker covering tracks would.
  const db = new Database(path.join(process.env.VIGIL_E2E_DATA!, 'vigil.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare("UPDATE audit SET outcome = 'ok', target = 'someone-else' WHERE id = 1").run();
  } finally {
    db.close();
  }

  await nav(page).getByText('审计', { exact: true }).click();
  await page.getByTestId('audit-verify').click();
  const result = page.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toContainText('第一条被篡改的记录为 #1（写入后内容被修改）');
  await result.getByRole('button', { name: '定位到 #1' }).click();
  const bad = page.getByTestId('audit-table').locator('tr.audit-row-bad');
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText('#1');
  await expect(bad).toContainText('someone-else');
  await expect(page.getByTestId('audit-detail-1')).toBeVisible();
  await screenshot(page, 'audit-tampered', 'zh-CN');
});

test('a duty officer watches the site link and the ingest live on the Ops page', async ({ page }) => {
  await openApp(page, 'zh-CN');
  await signIn(page, ACCOUNTS.duty);
  await checkOps(page, 'zh-CN');

  // Broken messages straight into the demo broker land in the quarantine, with their reasons.
  const broker = (await page.getByTestId('ops-broker').textContent())!;
  const before = await dataValue(page, 'ops-total-quarantined');
  const unknown = '32061201011320999999';
  await publishToBroker(broker, [
    { topic: `vigil/v1/demo-park/devices/${unknown}/events`, payload: '{"id": "e2e-broken", "type": ' },
    { topic: `vigil/v1/demo-park/devices/${unknown}/events`, payload: JSON.stringify({ id: `e2e-${Date.now()}`, type: 'tamper', ts: Date.now() }) },
    { topic: `vigil/v1/demo-park/devices/${unknown}/events`, payload: '{}' },
    { topic: 'vigil/v1/demo-park/devices/12345/events', payload: '{}' },
  ]);
  await expect.poll(() => dataValue(page, 'ops-total-quarantined')).toBeGreaterThanOrEqual(before + 4);
  const rows = page.getByTestId('ops-quarantine-table').locator('tbody tr.ant-table-row');
  await expect(rows.filter({ hasText: 'e2e-broken' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'e2e-broken' })).toContainText('载荷不是 JSON');
  await expect(page.getByTestId('ops-quarantine-reasons')).toContainText('设备未注册');
  await expect(page.getByTestId('ops-quarantine-reasons')).toContainText('设备编码无效');
  await rows.filter({ hasText: 'e2e-broken' }).click();
  await expect(page.locator('.ops-preview-full').first()).toContainText('"id": "e2e-broken"');
  await page.mouse.move(0, 0);
  await screenshot(page, 'ops-quarantine', 'zh-CN');

  await page.getByTestId('language-switch').getByText('English').click();
  await checkOps(page, 'en');
  await expect(page.getByTestId('ops-quarantine-reasons')).toContainText('Device not registered');
});
