import { expect, test, type Page } from '@playwright/test';
import { openZip } from '../main/evidence/zip-reader';
import { ACCOUNTS, openApp, screenshot, signIn } from './web-helpers';

/**
 * 数据开放: a shift supervisor exports the demo's access events with
 * personal data in full (the download arrives, the disclosure is in the
 * audit trail); a duty officer sees the same form with "in full" disabled
 * and the reason, and gets the persons masked. Screenshots in both languages.
 */
async function exportEvents(page: Page): Promise<Record<string, string>[]> {
  await expect(page.getByTestId('page-openData')).toBeVisible();
  // The demo's doors report every few seconds: the last week holds some.
  const download = page.waitForEvent('download');
  await page.getByTestId('open-data-start').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^events-.*\.zip$/);
  const zip = await openZip(await file.path());
  try {
    const lines = (await zip.read('data.jsonl', 64 * 1024 * 1024)).toString('utf8').trimEnd().split('\n');
    return lines.filter(Boolean).map((line) => JSON.parse(line) as Record<string, string>);
  } finally {
    zip.close();
  }
}

async function chooseJsonLines(page: Page) {
  await page.getByTestId('open-data-format').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'JSON Lines' }).click();
  await expect(page.getByTestId('open-data-format')).toContainText('JSON Lines');
}

test('a shift supervisor exports access events with personal data in full, and the disclosure is audited', async ({ page }) => {
  await openApp(page, 'zh-CN');
  await signIn(page, ACCOUNTS.supervisor);
  await page.goto('/#/openData');
  await chooseJsonLines(page);
  await page.getByTestId('open-data-full').click();
  // The demo starts with an empty store: wait until a door has reported.
  await expect.poll(async () => (await exportEvents(page)).filter((row) => row.person).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const rows = (await exportEvents(page)).filter((row) => row.person);
  for (const row of rows) expect(row.person).toMatch(/卡号 \d{8}$/);
  await expect(page.getByTestId('open-data-result')).toHaveAttribute('data-personal', 'full');
  await screenshot(page, 'open-data', 'zh-CN');

  await page.goto('/#/audit');
  await expect(page.getByTestId('audit-table')).toContainText('openData.disclosure');
});

test('a duty officer sees full personal data disabled with the reason, and gets the persons masked', async ({ page }) => {
  await openApp(page, 'en');
  await signIn(page, ACCOUNTS.duty);
  await page.goto('/#/openData');
  await expect(page.getByTestId('open-data-full')).toBeDisabled();
  await expect(page.getByTestId('open-data-full-denied')).toContainText('shift supervisor or IT');
  await chooseJsonLines(page);
  const rows = (await exportEvents(page)).filter((row) => row.person);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.person).toMatch(/^\S\** · 卡号 \*{4}\d{4}$/);
  await expect(page.getByTestId('open-data-result')).toHaveAttribute('data-personal', 'masked');
  await screenshot(page, 'open-data', 'en');
});
