import type { Browser, Page } from 'playwright-core';
import { benchPage } from '../chromium';

/** The alarm center of a station process in Chromium, in English, signed in as `user`. */
export async function alarmPage(browser: Browser, url: string, user: { username: string; password: string }): Promise<Page> {
  const page = await benchPage(browser, { viewport: { width: 1600, height: 900 } });
  await page.addInitScript({ content: "localStorage.setItem('vigil.language', 'en');" });
  await page.goto(`${url}#/alarms`);
  await page.locator('#username').fill(user.username);
  await page.locator('#password').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('page-alarms').waitFor();
  return page;
}
