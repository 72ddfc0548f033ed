import { expect, test } from '@playwright/test';
import mqtt from 'mqtt';
import { playFire } from '../main/demo/fire';
import { ACCOUNTS, brokerOf, nav, openApp, screenshot, signIn } from './web-helpers';

const [BUILDING, FLOOR] = ['B栋 办公楼', '2F'];
const PLACE = `${BUILDING} ${FLOOR}`;
const MIN = 60_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** As the range picker shows a moment (the browser runs in this machine's time zone). */
const shown = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

test('a fire on a floor of the demo park raises its warning to level II, acknowledged, and the rule dry-runs over the history (from a start while it is up, too), in both languages', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page, 'zh-CN');
  await signIn(page, ACCOUNTS.commander);
  const broker = await brokerOf(page);

  // The scripted fire, through the site interface as the floor's smoke detector would send it: smoke, then the room heating 8 °C a minute.
  const site = await mqtt.connectAsync(broker, { reconnectPeriod: 0, connectTimeout: 5_000 });
  const started = Date.now();
  const fire = playFire((topic, payload) => site.publishAsync(topic, payload, { qos: 1 }), { building: BUILDING, floor: FLOOR, stepSeconds: 3, readings: 16 });

  await nav(page).getByText('预警', { exact: true }).click();
  await expect(page.getByTestId('page-warnings')).toBeVisible();
  const card = page.getByTestId('warning-card').filter({ hasText: PLACE }).first();
  // Blue (IV) on the smoke alone, then orange (II) once half a minute of readings shows the climb.
  await expect(card.getByTestId('warning-level').first()).toHaveText('Ⅳ级 蓝色预警', { timeout: 20_000 });
  await expect(card.getByTestId('warning-level').first()).toHaveText('Ⅱ级 橙色预警', { timeout: 60_000 });
  await expect(card).toContainText('火灾');
  await fire;
  await site.endAsync();

  await card.getByTestId('warning-acknowledge').click();
  await page.getByTestId('warning-note').fill('已通知消防控制室，保安到场核实');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(card).toContainText('已通知消防控制室，保安到场核实');
  await screenshot(page, 'warnings-active', 'zh-CN');

  // The rules: the demo's fire rules, and a dry run of the combination over the last week finds this fire.
  await page.getByRole('tab', { name: '预警规则' }).click();
  const row = page.getByRole('row').filter({ hasText: '烟感报警且温度骤升' });
  await expect(row).toContainText('Ⅱ级 橙色预警');
  await row.getByRole('button', { name: '编辑' }).click();
  await page.getByTestId('warning-dry-run-start').click();
  await expect(page.getByTestId('warning-dry-run')).toContainText(PLACE, { timeout: 20_000 });
  await expect(page.getByTestId('warning-dry-run-summary')).toBeVisible();
  await page.getByTestId('warning-dry-run').scrollIntoViewIfNeeded();
  await screenshot(page, 'warnings-rule-dry-run', 'zh-CN');
  await page.locator('.ant-modal-footer .ant-btn-default').click();

  // The same in English.
  await page.getByTestId('language-switch').getByText('English').click();
  await page.getByRole('tab', { name: 'Warnings', exact: true }).click();
  await expect(page.getByTestId('warning-card').filter({ hasText: PLACE }).first().getByTestId('warning-level').first()).toHaveText('Level Ⅱ · Orange warning');
  await screenshot(page, 'warnings-active', 'en');
  // A dry run whose range starts while the fire's warning is up reads the history before its start, as the rule
  // running all along would have: the warning shows as already up at the start, not as raised then. The range
  // starts on the first whole minute (the picker's step) after the smoke and the heat had both held.
  const from = Math.ceil((started + 45_000) / MIN) * MIN;
  await page.waitForTimeout(Math.max(0, from + 2_000 - Date.now()));
  await page.getByRole('tab', { name: 'Warning rules' }).click();
  await page.getByRole('row').filter({ hasText: '烟感报警且温度骤升' }).getByRole('button', { name: 'Edit' }).click();
  const run = page.getByTestId('warning-dry-run');
  const start = run.locator('.ant-picker-input input').first();
  await start.click();
  await start.fill(shown(from));
  await start.press('Enter');
  // The end keeps its value (when the editor opened); confirming it closes the picker.
  await run.locator('.ant-picker-input input').nth(1).press('Enter');
  await page.getByTestId('warning-dry-run-start').click();
  await expect(run).toContainText(PLACE, { timeout: 20_000 });
  await expect(run).toContainText('Already up at the start');
  await expect(page.getByTestId('warning-dry-run-summary')).toContainText('1 places already warning at the start');
  await expect(page.getByTestId('warning-dry-run-summary')).toContainText('before the start');
  await run.scrollIntoViewIfNeeded();
  await screenshot(page, 'warnings-rule-dry-run-look-back', 'en');
});
