import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, openApp, screenshot, signIn, type Language } from './web-helpers';

const TEXTS = {
  'zh-CN': { tab: '服务指标', week: '周', link: '站点链路可用率', header: 'key,metric,scope,target,actual,met,unit,count,done,p50,p90,max,mean', metric: '站点链路可用率', nothing: '本期没有数据', save: '保 存', percent: '0 到 100 之间的百分数' },
  en: { tab: 'Service figures', week: 'Week', link: 'Site link availability', header: 'key,metric,scope,target,actual,met,unit,count,done,p50,p90,max,mean', metric: 'Site link availability', nothing: 'Nothing in this period', save: 'Save', percent: 'A percentage from 0 to 100' },
} as const;

/**
 * 服务指标: the IT administrator reads the demo park's service figures on
 * the Operations page (the demo seeds weeks of device and link history),
 * takes the SLA report as CSV from the core and as a PDF printed from the
 * report's print view. In both languages, with screenshots.
 */
for (const language of ['zh-CN', 'en'] as const satisfies Language[]) {
  test(`service figures on the Operations page (${language})`, async ({ page }) => {
    const texts = TEXTS[language];
    await page.setViewportSize({ width: 1600, height: 900 });
    await openApp(page, language);
    await signIn(page, ACCOUNTS.admin);
    await page.goto('/#/ops');
    await page.getByTestId('ops-view').getByText(texts.tab, { exact: true }).click();
    await page.getByTestId('figures-period').getByText(texts.week, { exact: true }).click();
    // The week before this one: whole days of the seeded history.
    await page.getByTestId('figures-previous').click();
    await expect(page.getByTestId('verdict-linkAvailability')).toContainText(texts.link);
    await expect(page.getByTestId('verdict-deviceOnline')).toHaveAttribute('data-met', /met|missed/);
    // The availability chart has drawn the week's days (three lines of seven); the seeded history holds no alarm,
    // so the response and latency charts say the week has none rather than draw empty axes.
    await expect(page.getByTestId('figures-availability')).toHaveAttribute('data-painted', '21');
    await expect(page.getByTestId('figures-chart-empty')).toHaveCount(3);
    await expect(page.getByTestId('figures-chart-empty').first()).toContainText(texts.nothing);
    await expect(page.getByTestId('figures-worst').locator('tbody tr.ant-table-row').first()).toBeVisible();
    await screenshot(page, 'ops-figures', language);

    // IT holds the station to every device on line all the time: a bad figure is refused in words, then the verdict turns, and back.
    const verdict = page.getByTestId('verdict-deviceOnline');
    const before = await verdict.getAttribute('data-met');
    const setDeviceTarget = async (value: string) => {
      await page.getByTestId('figures-targets').click();
      await page.getByTestId('target-deviceOnlinePct').fill(value);
      await page.getByRole('dialog').getByRole('button', { name: texts.save }).click();
    };
    await setDeviceTarget('120');
    await expect(page.getByRole('dialog')).toContainText(texts.percent);
    await page.getByTestId('target-deviceOnlinePct').fill('100');
    await screenshot(page, 'ops-targets', language);
    await page.getByRole('dialog').getByRole('button', { name: texts.save }).click();
    await expect(verdict).toHaveAttribute('data-met', 'missed');
    await setDeviceTarget('98');
    await expect(verdict).toHaveAttribute('data-met', before!);

    const download = page.waitForEvent('download');
    await page.getByTestId('figures-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^sla-week-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await file.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(texts.header);
    expect(lines[1]).toMatch(new RegExp(`^linkAvailability,${texts.metric},site,99\\.9,\\d+(\\.\\d+)?,(true|false),%`));

    await page.getByTestId('figures-report').click();
    await expect(page.getByTestId('sla-report')).toContainText(texts.link);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'ops-figures-print', language);
    await page.emulateMedia({ media: 'screen' });
    // What "Save as PDF" gives: Chromium prints the report's print view to A4.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(20_000);
  });
}
