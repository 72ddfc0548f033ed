/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { tempDir } from '../../main/testing/harness';
import { startMosquitto } from '../../main/testing/mosquitto';
import { openClient, startStationProcess } from '../../main/testing/station';
import { openDatabase } from '../../main/store/database';
import { launchChromium, stationPage } from '../chromium';
import { armListPaint, listPainted } from '../list-paint';
import { median, type Report } from '../report';
import { storeAlarms } from './stored-alarms';
import path from 'node:path';

const ALARMS = 100_000;
const ROUNDS = 7;
const ADMIN = { username: 'filters', displayName: 'Filters', password: 'Filter-Desk-2026' };


/** Picks an option of one of the toolbar's selects, as the officer does: open it, click the option, close it. */
async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).waitFor();
  await armListPaint(page, 'alarm-shown');
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).click();
}

/** Filters the officer sets through the toolbar, each undone with the toolbar's reset. */
const CASES: Record<string, (page: Page) => Promise<void>> = {
  critical: (page) => choose(page, 'filter-severity', 'Critical'),
  state_new: (page) => choose(page, 'filter-state', 'New'),
  area: (page) => choose(page, 'filter-area', 'Area 1'),
  search: async (page) => {
    await armListPaint(page, 'alarm-shown');
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
    const page = await stationPage(browser, station.url, ADMIN, 'alarms');
    await page.waitForFunction((count) => Number(document.querySelector<HTMLElement>('[data-testid=alarm-shown]')?.dataset.total) === count, ALARMS, { timeout: 60_000 });

    const times: Record<string, number[]> = Object.fromEntries([...Object.keys(CASES), 'reset'].map((name) => [name, []]));
    // The first round warms the page up, as the officer's first filters do.
    for (let round = 0; round <= ROUNDS; round++) {
      for (const [name, apply] of Object.entries(CASES)) {
        await apply(page);
        const narrowed = await listPainted(page, name);
        if (!(narrowed.shown > 0 && narrowed.shown < ALARMS)) throw new Error(`filter ${name} shows ${narrowed.shown} of ${narrowed.total}: the benchmark data is wrong`);
        // A multiple select stays open after a choice: close it, as the officer does, before the reset.
        // A select's list left open is closed; never for the search box, where Escape would clear what was typed before the reset is timed.
        if (name !== 'search' && (await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count())) await page.keyboard.press('Escape');
        await armListPaint(page, 'alarm-shown');
        await page.getByTestId('alarm-filters-reset').click();
        const reset = await listPainted(page, 'reset');
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
