import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * The packaged shape of Vigil: the Electron shell, its sandboxed preload and
 * the core in a utilityProcess, on the demo park. Runs wherever an Electron
 * binary exists; elsewhere it is reported as skipped, never as passed.
 */

const root = path.resolve(import.meta.dirname, '..');

/** Why Electron cannot be launched here, or null when it can. */
function whyNoElectron(): string | null {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  const none = 'no Electron binary on this machine:';
  if (!fs.existsSync(pathFile)) return `${none} node_modules/electron/path.txt is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download failed)`;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(root, 'node_modules', 'electron', 'dist');
  const binary = path.join(dist, relative);
  if (!fs.existsSync(binary)) return `${none} ${binary} (named by node_modules/electron/path.txt) does not exist`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'Electron is installed but there is no display to open windows on (run under xvfb-run)';
  return null;
}

const problem = whyNoElectron();
if (problem) test.skip(true, problem);
test.describe.configure({ mode: 'serial' });

const BUILT = ['out/electron/main.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/core/utility.js'];

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
}

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  if (BUILT.some((file) => !fs.existsSync(path.join(root, file)))) run('npm', ['run', 'build']);
  // The core needs better-sqlite3 built for Electron's ABI; the Node build in node_modules would not load.
  run(process.execPath, ['scripts/electron-native.mjs']);
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-electron-e2e-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  env.VIGIL_USER_DATA_DIR = userData;
  // Chromium refuses to start as root with its OS sandbox; CI containers run as root.
  // The renderer's sandbox: true (no Node, isolated preload) still applies.
  const args = process.getuid?.() === 0 ? ['--no-sandbox', '.'] : ['.'];
  app = await electron.launch({ args, cwd: root, env, timeout: 60_000 });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (userData) fs.rmSync(userData, { recursive: true, force: true });
});

test('the window has no Node and sees only window.vigil', async () => {
  const shape = await page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, unknown>;
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      Buffer: typeof scope.Buffer,
      vigil: Object.keys((scope.vigil as object | undefined) ?? {}).sort(),
    };
  });
  expect(shape).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', vigil: ['onLink', 'onMessage', 'send'] });
});

test('the preload refuses a call outside the contract', async () => {
  const answer = await page.evaluate(
    () =>
      new Promise((resolve) => {
        type Bridge = { send(message: unknown): void; onMessage(listener: (message: { t: string; id?: number }) => void): () => void };
        const vigil = (globalThis as unknown as { vigil: Bridge }).vigil;
        const stop = vigil.onMessage((message) => {
          if (message.t !== 'result' || message.id !== 987_654) return;
          stop();
          resolve(message);
        });
        vigil.send({ t: 'call', id: 987_654, method: 'shell.openExternal', input: { url: 'https://example.com/' } });
      }),
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
});

test('the window cannot navigate away or open popups', async () => {
  const before = page.url();
  const opened = await page.evaluate(() => {
    const scope = globalThis as unknown as { open(url: string): unknown; location: { href: string } };
    const popup = scope.open('https://example.com/');
    scope.location.href = 'https://example.com/';
    return popup === null;
  });
  expect(opened).toBe(true);
  await page.waitForTimeout(500);
  expect(page.url().split('#')[0]).toBe(before.split('#')[0]);
  expect(app.windows()).toHaveLength(1);
});

test('signs in as the demo admin and sees the device tree', async () => {
  await page.getByLabel(/用户名|Username/).fill('admin');
  await page.getByLabel(/密码|Password/).fill('Ops!Vigil2026');
  // antd puts a space between two CJK characters in a button: "登 录".
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await expect(page.getByTestId('device-tree')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('tree-node').first()).toBeVisible();
});
