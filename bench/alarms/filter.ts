/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { tempDir } from '../../main/testing/harness';
import { startMosquitto } from '../../main/testing/mosquitto';
import { openClient, startStationProcess } from '../../main/testing/station';
import { openDatabase } from '../../main/store/database';
import { launchChromium } from '../chromium';
import { median, type Report } from '../report';
import { alarmPage } from './station-page';
import { storeAlarms } from './stored-alarms';
import path from 'node:path';

const ALARMS = 100_000;
const ROUNDS = 7;
const ADMIN = { username: 'filters', displayName: 'Filters', password: 'Filter-Desk-2026' };

type Paint = { ms: number; shown: number; total: number };

/**
 * Arms the page for one filter change: the time runs from the officer's
 * input (the pointerdown or input event's own timestamp, so time the event
 * waited for a busy main thread counts) until the list's new result is
 * painted. "Painted": the status line's count changed (React commits it with
 * the rows), then a requestAnimationFrame runs before that frame's paint and
 * a second one at the start of the next frame, after it was presented.
 */
function arm(page: Page): Promise<void> {
  return page.evaluate(() => {
    const bench = window as unknown as { input: number | null; painted: Paint | null; listening?: boolean };
    if (!bench.listening) {
      bench.listening = true;
      for (const type of ['pointerdown', 'input', 'keydown']) window.addEventListener(type, (event) => (bench.input = event.timeStamp), { capture: true });
    }
    bench.input = null;
    bench.painted = null;
    const status = document.querySelector<HTMLElement>('[data-testid=alarm-shown]')!;
    const before = status.dataset.shown;
    const observer = new MutationObserver(() => {
      if (status.dataset.shown === before) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          bench.painted = { ms: performance.now() - (bench.input ?? Number.NaN), shown: Number(status.dataset.shown), total: Number(status.dataset.total) };
        }),
      );
    });
    observer.observe(status, { attributes: true, attributeFilter: ['data-shown'] });
  });
}

async function painted(page: Page, what: string): Promise<Paint> {
  const handle = await page.waitForFunction(() => (window as unknown as { painted: Paint | null }).painted, undefined, { timeout: 10_000 }).catch(() => {
    throw new Error(`the list did not show the result of "${what}" within 10 s`);
  });
  const paint = (await handle.jsonValue())!;
  if (!Number.isFinite(paint.ms)) throw new Error(`no input event was seen for "${what}"`);
  return paint;
}

/** Picks an option of one of the toolbar's selects, as the officer does: open it, click the option, close it. */
async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).waitFor();
  await arm(page);
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).click();
}

/** Filters the officer sets through the toolbar, each undone with the toolbar's reset. */
const CASES: Record<string, (page: Page) => Promise<void>> = {
  critical: (page) => choose(page, 'filter-severity', 'Critical'),
  state_new: (page) => choose(page, 'filter-state', 'New'),
  area: (page) => choose(page, 'filter-area', 'Area 1'),
  search: async (page) => {
    await arm(page);
    await page.getByTestId('alarm-search').locator('input').fill('Sensor 12');
  },
};

/**
 * A filter change in the alarm center of a station process holding 100 000
 * alarms, as the officer makes it in the toolbar, until the new rows are
 * painted; the figure is the slowest case's median (setting a filter, or
 * clearing it back to all 100 000).
 */
export async function alarmFilter(report: Report): Promise<void> {
  const dataDir = tempDir('vigil-bench-filter-');
  const db = openDatabase(path.join(dataDir, 'vigil.db'));
  storeAlarms(db, { count: ALARMS, devices: 2_000, areas: 20, now: Date.now(), days: 30 });
  db.close();
  const broker = await startMosquitto();
  const station = await startStationProcess({ dataDir, broker: broker.url, site: 'filter-bench', station: 'bench-filter' });
  const browser = await launchChromium();
  try {
    const admin = await openClient(station.url);
    await admin.call('auth.setup', { ...ADMIN, station: 'bench' });
    admin.close();
    const page = await alarmPage(browser, station.url, ADMIN);
    await page.waitForFunction((count) => Number(document.querySelector<HTMLElement>('[data-testid=alarm-shown]')?.dataset.total) === count, ALARMS, { timeout: 60_000 });

    const times: Record<string, number[]> = Object.fromEntries([...Object.keys(CASES), 'reset'].map((name) => [name, []]));
    // The first round warms the page up, as the officer's first filters do.
    for (let round = 0; round <= ROUNDS; round++) {
      for (const [name, apply] of Object.entries(CASES)) {
        await apply(page);
        const narrowed = await painted(page, name);
        if (!(narrowed.shown > 0 && narrowed.shown < ALARMS)) throw new Error(`filter ${name} shows ${narrowed.shown} of ${narrowed.total}: the benchmark data is wrong`);
        // A multiple select stays open after a choice: close it, as the officer does, before the reset.
        if (await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()) await page.keyboard.press('Escape');
        await arm(page);
        await page.getByTestId('alarm-filters-reset').click();
        const reset = await painted(page, 'reset');
        if (reset.shown !== ALARMS) throw new Error(`the reset shows ${reset.shown} of ${ALARMS}`);
        if (round === 0) continue;
        times[name]!.push(narrowed.ms);
        times.reset!.push(reset.ms);
      }
    }
    const medians = Object.entries(times).map(([name, list]) => [name, median(list)] as const);
    console.error(`alarms: filter change to painted, medians ${medians.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ')} ms`);
    report.add('filter_100k_ms', Math.max(...medians.map(([, ms]) => ms)), 'ms', 'lower', 50);
  } finally {
    await browser.close();
    await station.kill('SIGTERM');
    await broker.stop();
  }
}
