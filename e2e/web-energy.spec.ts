import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, nav, openApp, screenshot, signedIn, signIn } from './web-helpers';

/** Picks an option of one of the toolbar's selects by its text. */
async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
}

/** The demo's year of meter history arrives over the site link at first start: wait for the site's total to be counted. */
async function totalOf(page: Page): Promise<number> {
  const total = page.getByTestId('energy-total');
  await expect.poll(async () => Number(await total.getAttribute('data-value')), { timeout: 30_000 }).toBeGreaterThan(0);
  return Number(await total.getAttribute('data-value'));
}

/** Yesterday is a whole day, today might have just begun. */
async function showYesterday(page: Page): Promise<string> {
  await page.getByTestId('energy-date').click();
  await page.keyboard.press('Control+A');
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await page.keyboard.type(yesterday);
  await page.keyboard.press('Enter');
  return yesterday;
}

/** The cost card's use is the trend's total once both show the period asked for (each keeps the last period's until then). */
async function costSettled(page: Page): Promise<void> {
  const used = async (testId: string, attribute: string) => Number(await page.getByTestId(testId).getAttribute(attribute));
  await expect.poll(async () => Math.abs((await used('energy-cost', 'data-amount')) - (await used('energy-total', 'data-value')))).toBeLessThan(0.01);
}

const costOf = async (page: Page) => Number(await page.getByTestId('energy-cost-total').getAttribute('data-value'));

test.describe('energy', () => {
  test('a property manager follows the site down to a building and a meter, compares periods, reads the table and exports it', async ({ page }) => {
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.property);
    await nav(page).getByText('能源管理', { exact: true }).click();
    await expect(page.getByTestId('energy-trend-chart').locator('canvas').first()).toBeVisible();
    const yesterday = await showYesterday(page);
    const site = await totalOf(page);
    await expect(page.getByTestId('energy-breakdown-chart')).toBeVisible();
    await expect(page.getByTestId('energy-meter-table')).toContainText('A栋 B1 电表');
    await screenshot(page, 'energy-site', 'zh-CN');

    // The building uses part of the site's total; its breakdown is by floor.
    await choose(page, 'energy-building', 'C栋 人才公寓');
    await expect.poll(async () => Number(await page.getByTestId('energy-total').getAttribute('data-value'))).toBeLessThan(site);
    await expect(page.locator('.energy-breakdown')).toContainText('按楼层');
    // Water: the building's meter, picked from the meter table.
    await page.getByTestId('energy-kind').getByText('水', { exact: true }).click();
    await page.getByTestId('energy-meter-table').getByText('C栋 1F 水表').click();
    await expect(page).toHaveURL(/#\/energy\?meter=\d{20}/);
    await expect(page.locator('.energy-trend')).toContainText('C栋 1F 水表');
    await expect(page.getByTestId('energy-previous-change')).not.toContainText('—');

    // The table beside the chart: 24 hours with the day before and a year before.
    await page.getByTestId('energy-view').getByText('表格').click();
    const table = page.getByTestId('energy-trend-table');
    await expect(table.locator('.ant-table-row')).toHaveCount(24);
    await expect(table.locator('thead')).toContainText('上期（环比）');
    await expect(table.locator('thead')).toContainText('去年同期（同比）');
    await expect(table.locator('.ant-table-row').first()).toContainText('00:00');
    await screenshot(page, 'energy-meter-table', 'zh-CN');

    const download = page.waitForEvent('download');
    await page.getByTestId('energy-export').click();
    const file = await (await download).path();
    const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('时间,本期 (m³),上期（环比） (m³),去年同期（同比） (m³)');
    expect(lines).toHaveLength(25);
    expect(lines[1]).toMatch(new RegExp(`^${yesterday} 00:00,\\d+\\.\\d{3},\\d+\\.\\d{3},\\d+\\.\\d{3}$`));
    const used = lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[1]), 0);
    expect(used).toBeGreaterThan(0);

    // A month by days, then a year by months: the steps follow the period.
    await page.getByTestId('energy-period').getByText('年', { exact: true }).click();
    await expect(page.getByTestId('energy-step')).toContainText('月');
    await page.getByTestId('energy-step').getByText('月', { exact: true }).click();
    await expect(table.locator('.ant-table-row')).toHaveCount(12);
  });

  test('a property manager reads what electricity cost by band, who used most and how much per m², and changes the tariffs', async ({ page }) => {
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.property);
    await nav(page).getByText('能源管理', { exact: true }).click();
    await showYesterday(page);
    await totalOf(page);
    await costSettled(page);
    expect(await costOf(page)).toBeGreaterThan(0);
    for (const band of ['peak', 'flat', 'valley']) await expect(page.getByTestId(`energy-cost-${band}`)).toContainText('¥');
    await expect(page.getByTestId('energy-cost-chart').locator('canvas').first()).toBeVisible();
    const top = page.getByTestId('energy-top').locator('.ant-table-row');
    await expect(top).toHaveCount(4);
    await expect(top.first()).toContainText('电表');
    await screenshot(page, 'energy-cost', 'zh-CN');

    // The tables: the bands with their hours and prices; per m² for every building, per resident for the apartments only.
    await page.getByTestId('energy-view').getByText('表格').click();
    const bands = page.getByTestId('energy-cost-table').locator('.ant-table-row');
    await expect(bands).toHaveCount(3);
    await expect(bands.first()).toContainText('08–11, 13–15, 18–21');
    const breakdown = page.getByTestId('energy-breakdown-table');
    await expect(breakdown.locator('thead')).toContainText('kWh/m²');
    await expect(breakdown.locator('thead')).toContainText('kWh/人');
    await expect(breakdown.locator('.ant-table-row', { hasText: 'C栋' }).locator('td').last()).not.toHaveText('—');
    await expect(breakdown.locator('.ant-table-row', { hasText: 'A栋' }).locator('td').last()).toHaveText('—');
    await screenshot(page, 'energy-cost-table', 'zh-CN');

    // A peak hour more costs more: 21:00 moves from flat to peak. Leaving it in no span first is refused with the hour.
    const before = await costOf(page);
    await page.getByTestId('energy-tariff').click();
    const drawer = page.getByTestId('tariff-drawer');
    await expect(drawer.getByTestId('tariff-span')).toHaveCount(8);
    const peakUntil = drawer.getByTestId('tariff-span').nth(6).locator('.ant-input-number-input').nth(1);
    const lastFrom = drawer.getByTestId('tariff-span').nth(7).locator('.ant-input-number-input').first();
    await lastFrom.fill('21');
    await peakUntil.fill('22');
    await expect(drawer.getByTestId('tariff-problem')).toContainText('21:00–22:00 同时属于峰和平两个时段');
    await expect(drawer.getByTestId('tariff-save')).toBeDisabled();
    await drawer.getByTestId('tariff-span').nth(7).getByRole('button', { name: '删除' }).click();
    await expect(drawer.getByTestId('tariff-problem')).toHaveCount(0);
    await drawer.getByTestId('tariff-price-peak').fill('1.30');
    await screenshot(page, 'energy-tariff', 'zh-CN');
    await drawer.getByTestId('tariff-save').click();
    await expect(page.getByText('电价已保存，并已同步到园区所有工作站')).toBeVisible();
    await expect.poll(() => costOf(page)).toBeGreaterThan(before);
    await expect(page.getByTestId('energy-cost-table').locator('.ant-table-row').first()).toContainText('08–11, 13–15, 18–22');

    // A top consumer opens its meter.
    await page.getByTestId('energy-top').locator('.ant-table-row').first().click();
    await expect(page).toHaveURL(/#\/energy\?meter=\d{20}/);
  });

  test('reads in English, and a duty officer sees energy too', async ({ browser }) => {
    const duty = await signedIn(browser, ACCOUNTS.duty, 'en');
    await nav(duty).getByText('Energy', { exact: true }).click();
    await duty.getByTestId('energy-period').getByText('Month', { exact: true }).click();
    await totalOf(duty);
    await costSettled(duty);
    await expect(duty.getByTestId('energy-total')).toContainText('kWh');
    await expect(duty.locator('.energy-breakdown')).toContainText('By building');
    await expect(duty.getByTestId('energy-previous-change')).not.toContainText('—');
    await screenshot(duty, 'energy-site', 'en');
    // Costs and top consumers in English; the tariffs are the property manager's: a duty officer only reads them.
    await expect(duty.getByTestId('energy-cost')).toContainText('Cost this period');
    await expect(duty.locator('.energy-top')).toContainText('Top consumers');
    await duty.getByTestId('energy-view').getByText('Table', { exact: true }).click();
    await expect(duty.getByTestId('energy-breakdown-table').locator('thead')).toContainText('kWh/resident');
    await screenshot(duty, 'energy-cost-table', 'en');
    await duty.getByTestId('energy-tariff').click();
    const drawer = duty.getByTestId('tariff-drawer');
    await expect(drawer).toContainText('Only property managers may change the tariffs');
    await expect(drawer.getByTestId('tariff-save')).toHaveCount(0);
    await expect(drawer.getByTestId('tariff-price-water')).toBeDisabled();
    await screenshot(duty, 'energy-tariff', 'en');
    await duty.context().close();
  });

  test("the demo park's night leak is an alarm whose detail shows the night on the meter's chart", async ({ page }) => {
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.duty);
    await page.goto('/#/alarms');
    await page.getByTestId('alarm-search').locator('input').fill('night-flow');
    const leak = page.locator('[data-testid=alarm-row][data-id^="night-flow-"]');
    await expect(leak).toHaveCount(1, { timeout: 30_000 });
    await expect(leak).toContainText('C栋 1F 水表');
    await leak.click();
    const detail = page.getByTestId('alarm-detail');
    await expect(detail.getByTestId('alarm-anomaly')).toContainText('疑似漏水');
    await expect(detail.getByTestId('alarm-anomaly-chart').locator('canvas').first()).toBeVisible();
    await screenshot(page, 'alarm-night-leak', 'zh-CN');
    await page.getByTestId('language-switch').getByText('English').click();
    await expect(detail.getByTestId('alarm-anomaly')).toContainText('Water flowing while nobody uses it is a leak');
    await screenshot(page, 'alarm-night-leak', 'en');
    await page.getByTestId('language-switch').getByText('中文').click();
    await detail.getByTestId('alarm-anomaly-energy').click();
    await expect(page).toHaveURL(/#\/energy\?meter=\d{20}/);
    await expect(page.locator('.energy-trend')).toContainText('C栋 1F 水表');
  });

  test("B栋's overuse and the canteen's burner left on are alarms whose detail says why, against the meter's profile", async ({ page }) => {
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.duty);
    await page.goto('/#/alarms');
    const search = page.getByTestId('alarm-search').locator('input');
    const detail = page.getByTestId('alarm-detail');
    await search.fill('over-profile');
    const overuse = page.locator('[data-testid=alarm-row][data-id^="over-profile-"]');
    await expect(overuse).toHaveCount(1, { timeout: 30_000 });
    await expect(overuse).toContainText('B栋');
    await overuse.click();
    await expect(detail.getByTestId('alarm-anomaly')).toContainText('周用能基线');
    await expect(detail.getByTestId('alarm-anomaly-chart').locator('canvas').first()).toBeVisible();
    await screenshot(page, 'alarm-over-profile', 'zh-CN');
    await search.fill('gas-idle');
    const burner = page.locator('[data-testid=alarm-row][data-id^="gas-idle-"]');
    await expect(burner).toHaveCount(1);
    await expect(burner).toContainText('D栋');
    await burner.click();
    await expect(detail.getByTestId('alarm-anomaly')).toContainText('可能有灶具未关');
    await page.getByTestId('language-switch').getByText('English').click();
    await expect(detail.getByTestId('alarm-anomaly')).toContainText('A burner may have been left on');
    await screenshot(page, 'alarm-gas-idle', 'en');
    await page.getByTestId('language-switch').getByText('中文').click();
  });

  test("a building's monthly report shows its month beside the month before and a year before, and saves as CSV and as a PDF with its fonts", async ({ page }) => {
    await openApp(page, 'zh-CN');
    await signIn(page, ACCOUNTS.property);
    await nav(page).getByText('能源管理', { exact: true }).click();
    await page.getByTestId('energy-report-open').click();
    await choose(page, 'report-building', 'D栋 食堂');
    const report = page.getByTestId('energy-report');
    const now = new Date(Date.now() + 8 * 3_600_000);
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const days = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).getUTCDate();
    await expect(report.locator('h1')).toHaveText(`D栋 食堂 · ${lastMonth} 能耗月报`, { timeout: 30_000 });
    // Electricity, water and gas, each with its chart and meters; every comparison has a month to compare with.
    await expect(report.locator('.energy-report-summary tbody tr')).toHaveCount(3);
    await expect(report.locator('.energy-report-summary')).not.toContainText('—');
    await expect(report.locator('.energy-report-summary tbody tr').first()).toContainText('¥');
    for (const kind of ['electricity', 'water', 'gas']) await expect(page.getByTestId(`report-chart-${kind}`).locator('canvas').first()).toBeVisible();
    await expect(report).toContainText('D栋 1F 燃气表');
    await screenshot(page, 'energy-report', 'zh-CN');

    const download = page.waitForEvent('download');
    await page.getByTestId('report-csv').click();
    const csv = fs.readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toBe('时间,电 (kWh),电 上期（环比）,电 去年同期（同比）,水 (m3),水 上期（环比）,水 去年同期（同比）,燃气 (m3),燃气 上期（环比）,燃气 去年同期（同比）');
    expect(csv[1]).toMatch(new RegExp(`^${lastMonth}-01(,\\d+\\.\\d{3}){9}$`));
    expect(csv.filter((line) => line.startsWith(lastMonth))).toHaveLength(days);

    // What "Save as PDF" gives: Chromium prints the page with the print styles, the report alone, its fonts embedded.
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/\/FontFile2/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'energy-report-print', 'zh-CN');
    await page.emulateMedia({ media: 'screen' });

    // The dialog covers the language switch: close it, switch, open it again.
    await page.keyboard.press('Escape');
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('energy-report-open').click();
    await choose(page, 'report-building', 'D栋 食堂');
    await expect(report.locator('h1')).toHaveText(`D栋 食堂 · energy report for ${lastMonth}`);
    await expect(report.locator('.energy-report-summary thead')).toContainText('Year on year');
    await screenshot(page, 'energy-report', 'en');
    await page.keyboard.press('Escape');
    await page.getByTestId('language-switch').getByText('中文').click();
  });
});
