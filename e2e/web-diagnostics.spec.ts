import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, openApp, screenshot, signIn, type Language } from './web-helpers';

/**
 * 诊断包: the IT administrator makes the diagnostics bundle from the
 * Operations page and the browser downloads it; a duty officer never sees
 * the button. In both languages, with screenshots.
 */
for (const language of ['zh-CN', 'en'] as const satisfies Language[]) {
  test(`diagnostics bundle from the Operations page (${language})`, async ({ page }) => {
    await openApp(page, language);
    await signIn(page, ACCOUNTS.admin);
    await page.goto('/#/ops');
    await expect(page.getByTestId('page-ops')).toBeVisible();
    const button = page.getByTestId('ops-diagnostics');
    await expect(button).toHaveText(language === 'en' ? 'Diagnostics bundle' : '诊断包');
    const download = page.waitForEvent('download');
    await button.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^vigil-diagnostics-.*\.zip$/);
    // A zip: its first bytes are the local file header.
    const bytes = fs.readFileSync(await file.path());
    expect(bytes.subarray(0, 4).toString('hex')).toBe('504b0304');
    await expect(page.getByTestId('ops-diagnostics-result')).toContainText(/diagnostics\/vigil-diagnostics-.*\.zip/);
    // The button's tooltip would cover the outbox panel in the picture.
    await page.mouse.move(0, 0);
    await expect(page.locator('.ant-tooltip:visible')).toHaveCount(0);
    await screenshot(page, 'ops-diagnostics', language);
  });
}

test('a duty officer has no diagnostics button', async ({ page }) => {
  await openApp(page, 'en');
  await signIn(page, ACCOUNTS.duty);
  await page.goto('/#/ops');
  await expect(page.getByTestId('page-ops')).toBeVisible();
  await expect(page.getByTestId('ops-diagnostics')).toHaveCount(0);
});
