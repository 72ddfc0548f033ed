import { build } from 'esbuild';
import { benchPage, launchChromium } from '../chromium';
import type { Report } from '../report';

type Measured = { ms: number; perCase: number[]; matched: number[] };

/**
 * The alarm list's filter over 100 000 alarms, in Chromium as the window runs
 * it: the renderer's own filter module (renderer/alarms/filter-bench.ts),
 * bundled as it is for the window, the slowest common filter's median.
 */
export async function alarmFilter(report: Report): Promise<void> {
  const bundle = await build({
    entryPoints: ['renderer/alarms/filter-bench.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'filterBench',
    platform: 'browser',
    write: false,
    minify: true,
  });
  const browser = await launchChromium();
  try {
    const page = await benchPage(browser);
    await page.goto('about:blank');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const measured = await page.evaluate(() => (globalThis as unknown as { filterBench: { measureFilter: () => Measured } }).filterBench.measureFilter());
    if (measured.matched.some((count) => count === 0)) throw new Error(`a filter matched nothing (${measured.matched.join(', ')}): the benchmark data is wrong`);
    console.error(`alarms: filter per case ${measured.perCase.map((ms) => ms.toFixed(1)).join(', ')} ms`);
    report.add('filter_100k_ms', measured.ms, 'ms', 'lower', 50);
  } finally {
    await browser.close();
  }
}
