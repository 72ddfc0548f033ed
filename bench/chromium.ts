/// <reference lib="dom" />
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

/** A page of a station process in Chromium at 1600×900, in English, signed in as `user`, once the page has shown. */
export async function stationPage(browser: Browser, url: string, user: { username: string; password: string }, route: string): Promise<Page> {
  const page = await benchPage(browser, { viewport: { width: 1600, height: 900 } });
  await page.addInitScript({ content: "localStorage.setItem('vigil.language', 'en');" });
  await page.goto(`${url}#/${route}`);
  await page.locator('#username').fill(user.username);
  await page.locator('#password').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId(`page-${route}`).waitFor();
  return page;
}

type PaintProbe = { painted: Record<string, number> };

/**
 * Stamps each element matching `selector` (by its data-id) with the moment
 * it was painted: seen in the DOM, then the next frame's callback, then the
 * task after it, once the frame that first holds it has been produced.
 */
export async function watchPainted(page: Page, selector: string): Promise<void> {
  await page.evaluate((selector) => {
    const probe: PaintProbe = { painted: {} };
    (window as unknown as { probe: PaintProbe }).probe = probe;
    const pending = new Set<string>();
    let scheduled = false;
    new MutationObserver(() => {
      for (const row of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
        const id = row.dataset.id!;
        if (!(id in probe.painted) && !pending.has(id)) pending.add(id);
      }
      if (scheduled || !pending.size) return;
      scheduled = true;
      requestAnimationFrame(() =>
        setTimeout(() => {
          const at = performance.timeOrigin + performance.now();
          for (const id of pending) probe.painted[id] = at;
          pending.clear();
          scheduled = false;
        }),
      );
    }).observe(document.body, { childList: true, subtree: true });
  }, selector);
}

/** When each of `ids` was painted, in the page's clock; throws naming how many never were within the timeout. */
export async function paintedAt(page: Page, ids: string[], what: string, timeout = 30_000): Promise<Record<string, number>> {
  const read = () => page.evaluate(() => (window as unknown as { probe: PaintProbe }).probe.painted);
  await page.waitForFunction((ids) => ids.every((id) => id in (window as unknown as { probe: PaintProbe }).probe.painted), ids, { timeout }).catch(async () => {
    const painted = await read();
    throw new Error(`only ${ids.filter((id) => id in painted).length} of ${ids.length} ${what} were painted`);
  });
  return read();
}
