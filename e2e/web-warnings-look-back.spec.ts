import { expect, test, type Page } from '@playwright/test';
import mqtt from 'mqtt';
import { playFire } from '../main/demo/fire';
import { ACCOUNTS, brokerOf, nav, openApp, screenshot, signIn, type Language } from './web-helpers';

const [BUILDING, FLOOR] = ['B栋 办公楼', '2F'];
const PLACE = `${BUILDING} ${FLOOR}`;
const MIN = 60_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** As the range picker shows a moment (the browser runs in this machine's time zone). */
const shown = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

const TEXT = {
  'zh-CN': { rules: '预警规则', edit: '编辑', holding: '开始时已在预警中', lookBack: '已从区间开始前' },
  en: { rules: 'Warning rules', edit: 'Edit', holding: 'Already up at the start', lookBack: 'before the start' },
} as const;

/** Dry-runs the demo's smoke-and-heat rule from `from` to now, in the rule editor. */
async function dryRunFrom(page: Page, from: number, language: Language) {
  const text = TEXT[language];
  await page.getByRole('tab', { name: text.rules }).click();
  await page.getByRole('row').filter({ hasText: '烟感报警且温度骤升' }).getByRole('button', { name: text.edit }).click();
  const start = page.getByTestId('warning-dry-run').locator('.ant-picker-input input').first();
  await start.click();
  await start.fill(shown(from));
  await start.press('Enter');
  // The end keeps its value (when the editor opened); confirming it closes the picker.
  await page.getByTestId('warning-dry-run').locator('.ant-picker-input input').nth(1).press('Enter');
  await page.getByTestId('warning-dry-run-start').click();
  const run = page.getByTestId('warning-dry-run');
  await expect(run).toContainText(PLACE, { timeout: 20_000 });
  await expect(run).toContainText(text.holding);
  await expect(page.getByTestId('warning-dry-run-summary')).toContainText(text.lookBack);
  await run.scrollIntoViewIfNeeded();
  await screenshot(page, 'warnings-rule-dry-run-look-back', language);
  await page.locator('.ant-modal-footer .ant-btn-default').click();
}

test('a dry run starting while a fire warning is up shows it as holding from the start, in both languages', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page, 'zh-CN');
  await signIn(page, ACCOUNTS.commander);
  const broker = await brokerOf(page);
  const site = await mqtt.connectAsync(broker, { reconnectPeriod: 0, connectTimeout: 5_000 });
  const started = Date.now();
  await playFire((topic, payload) => site.publishAsync(topic, payload, { qos: 1 }), { building: BUILDING, floor: FLOOR, stepSeconds: 3, readings: 16 });
  await site.endAsync();

  // The range starts on the first whole minute after the smoke and the heat had both held (half a minute of readings).
  const from = Math.ceil((started + 45_000) / MIN) * MIN;
  await page.waitForTimeout(Math.max(0, from + 2_000 - Date.now()));
  await nav(page).getByText('预警', { exact: true }).click();
  await expect(page.getByTestId('page-warnings')).toBeVisible();
  await dryRunFrom(page, from, 'zh-CN');

  await page.getByTestId('language-switch').getByText('English').click();
  await dryRunFrom(page, from, 'en');
});
