import { expect, test } from '@playwright/test';
import { ACCOUNTS, openApp, screenshot, signIn } from './web-helpers';

test('a screen layout opens a window per monitor, each with its page, the wall with its saved wall', async ({ page, context }) => {
  await openApp(page, 'en');
  await signIn(page, ACCOUNTS.duty);
  await expect(page.getByTestId('page-wall')).toBeVisible();

  const chooseLayout = async (title: string) => {
    await page.getByTestId('layout-select').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true }).click();
  };
  // A saved 6-tile wall, then a different wall on screen.
  await chooseLayout('6-tile');
  const cameras = page.getByTestId('camera-item');
  for (let i = 0; i < 6; i++) await cameras.nth(i).dblclick();
  const saved = await page.getByTestId('video-tile').evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-camera')));
  await page.getByPlaceholder('Wall name').fill('Gate watch');
  await page.getByPlaceholder('Wall name').press('Enter');
  await expect(page.getByText('Saved wall “Gate watch”')).toBeVisible();
  await chooseLayout('1-tile');
  await expect(page.getByTestId('video-tile')).toHaveCount(1);

  // Monitor 1: the wall "Gate watch"; monitor 2: the device list.
  await page.getByTestId('screen-layouts').click();
  const modal = page.getByTestId('screen-layouts-modal');
  // A duty officer's role comes with the duty desk; it cannot be deleted, only replaced by one of the same name.
  const dutyDesk = modal.getByTestId('screen-layout').filter({ hasText: 'Duty desk' });
  await expect(dutyDesk).toContainText('Comes with your role');
  await expect(dutyDesk.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  const editor = modal.getByTestId('screen-layout-editor');
  await editor.getByLabel('Wall').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('Gate watch', { exact: true }).click();
  await editor.getByRole('button', { name: 'Add monitor' }).click();
  await editor.getByLabel('Page').nth(1).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('Devices', { exact: true }).click();
  await editor.getByPlaceholder('Layout name').fill('Command desk');
  await editor.getByRole('button', { name: 'Save layout' }).click();
  const commandDesk = modal.getByTestId('screen-layout').filter({ hasText: 'Command desk' });
  await expect(commandDesk).toContainText('Monitor 2: Devices');
  await screenshot(page, 'screen-layouts', 'en');

  const popup = context.waitForEvent('page');
  await commandDesk.getByRole('button', { name: 'Open', exact: true }).click();
  const second = await popup;
  await second.waitForLoadState();
  expect(new URL(second.url()).hash).toBe('#/devices');
  // The pop-out shares this tab's session: it shows the device list, signed in.
  await expect(second.getByTestId('page-devices')).toBeVisible();

  // This window became monitor 1: the saved wall, tile for tile.
  await expect(page.getByTestId('wall-grid')).toHaveAttribute('data-layout', '6');
  await expect(page.getByTestId('video-tile')).toHaveCount(6);
  expect(await page.getByTestId('video-tile').evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-camera')))).toEqual(saved);

  // Pop out: a window of its own with this wall, signed in by the same session.
  const popOut = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Pop out' }).click();
  const third = await popOut;
  await expect(third.getByTestId('wall-grid')).toHaveAttribute('data-layout', '6');
  expect(await third.getByTestId('video-tile').evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-camera')))).toEqual(saved);
  await expect(third.locator('[data-testid=video-tile][data-state=playing]').first()).toBeVisible({ timeout: 20_000 });

  // A layout naming a wall the officer has since deleted says so.
  await page.evaluate(() => (location.hash = '#/wall?saved=Gone'));
  await expect(page.getByText('No saved wall named “Gone”')).toBeVisible();
});
