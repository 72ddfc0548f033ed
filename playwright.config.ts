import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, type Project } from '@playwright/test';

// Another port lets two checkouts run their specs side by side.
const PORT = Number(process.env.VIGIL_E2E_PORT ?? 4310);

// Playwright loads this file in every worker too: the runner makes the fresh data folder,
// hands it down through the environment, and removes it when it exits (after the server).
if (!process.env.VIGIL_E2E_DATA) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-'));
  process.env.VIGIL_E2E_DATA = dataDir;
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
}

/** Chromium against `vigil serve --demo`. */
const WEB: Project['use'] = {
  browserName: 'chromium',
  headless: true,
  viewport: { width: 1600, height: 900 },
  baseURL: `http://127.0.0.1:${PORT}/`,
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

/**
 * Specs that spend most of their time waiting on the clock, on a station, broker and site of their
 * own, run in a second worker while the rest take the first in turn: the idle lock waits out a
 * minute. It must not change what the demo server's specs see (a one-minute lock there would lock
 * any other spec's window left a minute without input). The notices spec waits too, but works on
 * the demo site (its duty officer, terminals and second station), so it stays in the first lane.
 */
const WAITING = /web-lock\.spec\.ts$/;

/**
 * `web` drives Debian's Chromium against `vigil serve --demo`; `electron`
 * drives the desktop app itself. Both expect `npm run build` to have run.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/output/test-results',
  // Two lanes: the specs that share the demo server one at a time, and beside them the ones
  // that mostly wait out real minutes on stations of their own (see WAITING below).
  workers: 2,
  fullyParallel: false,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  projects: [
    {
      name: 'web',
      testMatch: /web.*\.spec\.ts$/,
      testIgnore: WAITING,
      workers: 1,
      use: WEB,
    },
    {
      name: 'web-waiting',
      testMatch: WAITING,
      workers: 1,
      use: WEB,
    },
    {
      // The desktop app runs its own core and demo park in a data folder of its own, so it may
      // take the second worker too.
      name: 'electron',
      testMatch: /electron.*\.spec\.ts$/,
      workers: 1,
    },
  ],
  webServer: {
    // The demo park over the real mosquitto, as sites run it (the embedded broker is for trying Vigil with nothing installed).
    command: `node out/core/cli.js serve --demo --demo-mosquitto --port ${PORT} --data ${process.env.VIGIL_E2E_DATA}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
