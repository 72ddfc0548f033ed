import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless, as the benchmarks drive it; autoplay allowed for muted video tiles. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
  });
}

/** A page ready for `page.evaluate` of benchmark code. */
export async function benchPage(browser: Browser, options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
  const page = await browser.newPage(options);
  // tsx names functions with a helper the page does not have; give it one.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  return page;
}

/**
 * The page's clock minus this process's (ms), from the round trip with the
 * smallest delay. Both sides read performance.timeOrigin + now(); the offset
 * is what lets a time stamped in the page be compared with one stamped here.
 */
export async function pageClockOffset(page: Page): Promise<number> {
  let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 };
  for (let i = 0; i < 20; i++) {
    const sent = performance.timeOrigin + performance.now();
    const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
    const back = performance.timeOrigin + performance.now();
    if (back - sent < best.rtt) best = { rtt: back - sent, offset: pageNow - (sent + back) / 2 };
  }
  return best.offset;
}
