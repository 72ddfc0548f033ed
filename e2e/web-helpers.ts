import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';

export const SCREENSHOTS = path.join(import.meta.dirname, 'output', 'screenshots');

export const ACCOUNTS = {
  admin: { username: 'admin', password: 'Ops!Vigil2026' },
  duty: { username: 'duty', password: 'Watch!Vigil2026' },
  supervisor: { username: 'supervisor', password: 'Shift!Vigil2026' },
  commander: { username: 'commander', password: 'Incident!Vigil2026' },
  auditor: { username: 'auditor', password: 'Ledger!Vigil2026' },
  property: { username: 'property', password: 'Meter!Vigil2026' },
} as const;

export type Language = 'zh-CN' | 'en';

/** What a new alarm does to a window on its own: pop up its camera, put it on the wall. */
export type Linkage = { alarmPopup?: boolean; wallLinkage?: boolean };

/**
 * Opens the app with a language already chosen, as a returning operator
 * would. Alarm linkage (pop-up and wall) is off unless asked for: the demo
 * park raises alarms of its own, and one taking the wall or popping up over
 * the page would upset another test's wall or catch its clicks.
 */
export async function openApp(page: Page, language: Language, linkage: Linkage = {}): Promise<void> {
  const stored = (key: string, value: string) => `if (!localStorage.getItem('${key}')) localStorage.setItem('${key}', ${JSON.stringify(value)});`;
  // This file is type-checked without DOM types, so the page-side code is a string.
  await page.addInitScript(
    stored('vigil.language', language) + stored('vigil.alarmPopup', linkage.alarmPopup ? 'on' : 'off') + stored('vigil.alarmLinkage', linkage.wallLinkage ? 'on' : 'off'),
  );
  await page.goto('/');
}

export async function signIn(page: Page, account: { username: string; password: string }): Promise<void> {
  await page.locator('#username').fill(account.username);
  await page.locator('#password').fill(account.password);
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Full-page screenshot once the page has settled and its fonts are loaded. */
export async function screenshot(page: Page, name: string, language: Language): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate('document.fonts.ready.then(() => true)');
  // Let drawers and modals finish sliding in; endless spinners do not count.
  await page.waitForFunction(() => {
    type Animation = { playState: string; effect: { getTiming(): { iterations?: number } } | null };
    const { document } = globalThis as unknown as { document: { getAnimations(): Animation[] } };
    return document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
  });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.${language}.png`), fullPage: true });
}

export function nav(page: Page) {
  return page.getByTestId('nav');
}

/**
 * Publishes straight to the demo park's broker (an open aedes on loopback, its
 * address shown on the Ops page), as a faulty or hostile device would.
 */
export async function publishToBroker(brokerUrl: string, messages: { topic: string; payload: string | Buffer }[]): Promise<void> {
  const { default: mqtt } = await import('mqtt');
  const client = await mqtt.connectAsync(brokerUrl, { reconnectPeriod: 0, connectTimeout: 5_000 });
  try {
    for (const { topic, payload } of messages) await client.publishAsync(topic, payload, { qos: 1 });
  } finally {
    await client.endAsync();
  }
}

/** The demo broker's address, from the Ops page. */
export async function brokerOf(page: Page): Promise<string> {
  await page.goto('/#/ops');
  return (await page.getByTestId('ops-broker').textContent())!;
}

/** Another browser, signed in: a second officer at their own desk. */
export async function signedIn(browser: Browser, account: { username: string; password: string }, language: Language): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await openApp(page, language);
  await signIn(page, account);
  return page;
}

/**
 * Puts away the notices in the lower right (escalations of the demo's unanswered alarms and orders):
 * on a long run they arrive at any moment and lie over the table's row actions.
 */
export async function closeNotices(page: Page, testId?: string): Promise<void> {
  const notices = testId ? `[data-testid=${testId}]` : '.ant-notification-notice';
  // All at once in the page: closing one takes it out of the list, so locators by position would point past the end.
  await page.evaluate((selector) => document.querySelectorAll<HTMLElement>(selector).forEach((close) => close.click()), `${notices} .ant-notification-notice-close`);
}
