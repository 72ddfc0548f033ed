import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { ACCOUNTS, openApp, screenshot, signIn, type Language } from './web-helpers';

/** The demo park's first camera on A栋 3F, read from the station's own database. */
function floorCamera(): string {
  const db = new Database(path.join(process.env.VIGIL_E2E_DATA!, 'vigil.db'), { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    return (db.prepare(`SELECT code FROM devices WHERE kind IN ('camera', 'ipc') AND floor = '3F' AND building LIKE 'A栋%' ORDER BY code LIMIT 1`).get() as { code: string }).code;
  } finally {
    db.close();
  }
}

const TEXT = {
  en: { offer: 'Your screens: 指挥席 Command desk', open: 'Open', title: 'Smoke on 3F, building A' },
  'zh-CN': { offer: '您的屏幕布局：指挥席 Command desk', open: '打开', title: 'A栋3F 烟雾' },
} as const;

/**
 * A commander signs in and gets the command desk: the board here, and a
 * window each for the map, the wall and the timeline of the incident in
 * focus. Opening an incident on the board moves the three with it.
 */
async function commandDesk(page: Page, language: Language): Promise<void> {
  const text = TEXT[language];
  const context = page.context();
  await openApp(page, language);
  await signIn(page, ACCOUNTS.commander);
  const offer = page.locator('.ant-notification-notice').filter({ hasText: text.offer });
  await expect(offer).toBeVisible();
  const opened: Page[] = [];
  context.on('page', (popup) => opened.push(popup));
  await page.getByTestId('open-layout-at-sign-in').click();
  await expect.poll(() => opened.length).toBe(3);
  const windowOf = (hash: string) => opened.find((popup) => new URL(popup.url()).hash.startsWith(hash))!;
  await expect.poll(() => opened.map((popup) => new URL(popup.url()).hash).sort()).toEqual(['#/incidents?view=timeline&focus=incident', '#/map?focus=incident', '#/wall?focus=incident']);
  const [map, wall, timeline] = [windowOf('#/map'), windowOf('#/wall'), windowOf('#/incidents')];
  await expect(page.getByTestId('page-incidents')).toBeVisible();

  // An incident opened on the board, a camera of its floor linked: it is the focus of every window of the desk.
  await page.getByTestId('incident-open').click();
  await page.getByTestId('new-incident-title').fill(text.title);
  await page.getByTestId('new-incident-building').fill('A栋');
  await page.getByTestId('new-incident-floor').fill('3F');
  await page.getByRole('dialog').getByRole('button', { name: language === 'en' ? 'Open' : '立 案' }).click();
  const detail = page.getByTestId('incident-detail');
  await expect(detail.getByTestId('incident-title')).toContainText(text.title);
  const id = await detail.getAttribute('data-id');
  const camera = floorCamera();
  await detail.getByTestId('link-ref').fill(camera);
  await detail.getByTestId('link-ref').press('Enter');
  await expect(detail.locator(`[data-testid=incident-link][data-ref="${camera}"]`)).toBeVisible();

  for (const window of [map, wall, timeline]) await expect(window.getByTestId('incident-focus-bar')).toHaveAttribute('data-incident', id!);
  await expect(wall.locator(`[data-testid=video-tile][data-camera="${camera}"]`)).toBeVisible();
  await expect(map.getByTestId('map-device-panel')).toHaveAttribute('data-code', camera);
  await expect(timeline.locator('[data-testid=incident-entry][data-kind=link]')).toBeVisible();
  await screenshot(page, 'command-desk-board', language);
  await screenshot(map, 'command-desk-map', language);
  await screenshot(wall, 'command-desk-wall', language);
  await screenshot(timeline, 'command-desk-timeline', language);

  await detail.getByTestId('incident-to-cancelled').click();
  await expect(timeline.getByTestId('incident-focus-bar').getByTestId('incident-state')).toHaveAttribute('data-state', 'cancelled');
  for (const window of opened) await window.close();
}

test('a commander signs in to the command desk: board, map, wall and timeline follow the incident in focus (English)', async ({ page }) => {
  test.setTimeout(120_000);
  await commandDesk(page, 'en');
});

test('指挥长登录即得指挥席：看板、地图、视频墙与时间线跟随当前事件（中文）', async ({ page }) => {
  test.setTimeout(120_000);
  await commandDesk(page, 'zh-CN');
});
