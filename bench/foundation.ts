/// <reference lib="dom" />
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { tempDir } from '../main/testing/harness';
import { freePort } from '../main/testing/processes';
import { benchPage, launchChromium, pageClockOffset } from './chromium';
import { median, type Report } from './report';
import { storeInsertRates } from './store-insert';

const CLI = 'out/core/cli.js';
const RENDERER = 'out/renderer';
const STARTS = 5;

/**
 * Milliseconds from spawning `vigil serve --demo` on `dataDir` to the
 * sign-in form painted in Chromium: the time stops after the first frame
 * that holds the form.
 * An empty folder is a real first start: database, migrations, the demo's
 * accounts (password hashing) and its history.
 */
async function startToSignIn(browser: Browser, dataDir: string): Promise<number> {
  const port = await freePort();
  const page = await benchPage(browser);
  const started = performance.timeOrigin + performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', '--demo', '--port', String(port), '--data', dataDir], { stdio: 'ignore' });
  try {
    // Node asks until the server answers (a refused page load costs Chromium up to 150 ms), then the window loads it.
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' })).ok) break;
      } catch {
        // not listening yet
      }
      if (performance.timeOrigin + performance.now() - started > 20_000) throw new Error('vigil serve did not answer within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'commit' });
    const painted = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const deadline = performance.now() + 20_000;
          const look = () => {
            if (document.querySelector('#username')) return void requestAnimationFrame(() => setTimeout(() => resolve(performance.timeOrigin + performance.now())));
            if (performance.now() > deadline) return reject(new Error('no sign-in form within 20 s'));
            requestAnimationFrame(look);
          };
          look();
        }),
    );
    return painted - (await pageClockOffset(page)) - started;
  } finally {
    await page.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** The JS the sign-in page loads before it can paint: entry script and its preloaded chunks. */
function firstJsGzipKb(): number {
  const html = fs.readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((match) => match[1]!);
  if (!scripts.length) throw new Error('no script found in out/renderer/index.html');
  const bytes = scripts.reduce((sum, file) => sum + gzipSync(fs.readFileSync(path.join(RENDERER, file)), { level: 9 }).length, 0);
  return bytes / 1024;
}

export async function foundation(report: Report): Promise<void> {
  if (!fs.existsSync(CLI) || !fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('build first: npm run build');
  const browser = await launchChromium();
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    // Each cold start in a folder of its own; the warm one restarts on the folder the cold one made.
    for (let run = 0; run < STARTS; run++) {
      const dataDir = tempDir('vigil-bench-start-');
      cold.push(await startToSignIn(browser, dataDir));
      warm.push(await startToSignIn(browser, dataDir));
    }
  } finally {
    await browser.close();
  }
  report.add('serve_cold_start_ms', median(cold), 'ms', 'lower', 1500, cold);
  report.add('serve_warm_start_ms', median(warm), 'ms', 'lower', undefined, warm);
  report.add('first_js_gzip_kb', firstJsGzipKb(), 'KB', 'lower', 500);

  const runs = storeInsertRates();
  report.add('store_insert_rows_per_s', median(runs.map((run) => run.store)), 'rows/s', 'higher', undefined, runs.map((run) => run.store));
  report.add('store_bare_insert_rows_per_s', median(runs.map((run) => run.bare)), 'rows/s', 'higher', undefined, runs.map((run) => run.bare));
  const ratios = runs.map((run) => run.store / run.bare);
  report.add('store_insert_ratio', median(ratios), 'ratio', 'higher', 0.8, ratios);
}
