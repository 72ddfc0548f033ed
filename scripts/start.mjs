#!/usr/bin/env node
// `npm start`: Vigil in Electron when an Electron binary can be had; otherwise the
// same app in a browser (`vigil serve --demo`), saying why. `npm start -- --browser`
// goes straight to browser mode (further arguments go to `vigil serve`); otherwise
// arguments go to Electron (e.g. --site-config=/etc/vigil/site.json).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const windows = process.platform === 'win32';
const DOWNLOAD_TIMEOUT_MS = 120_000;
const BUILT = ['out/core/cli.js', 'out/core/utility.js', 'out/renderer/index.html', 'out/electron/main.js', 'out/preload/index.cjs'];
const electronDir = path.join(root, 'node_modules', 'electron');

const passed = process.argv.slice(2);
const browserOnly = passed.includes('--browser');
const appArgs = passed.filter((arg) => arg !== '--browser');

function ensureBuilt() {
  const missing = BUILT.filter((file) => !fs.existsSync(file));
  if (missing.length === 0) return;
  console.log(`Building Vigil (missing ${missing.join(', ')})…`);
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: windows });
  if (result.status !== 0) {
    console.error('vigil: the build failed (see above); nothing to start.');
    process.exit(result.status ?? 1);
  }
}

/** The Electron executable, found the way node_modules/electron/index.js finds it, or null. */
function electronBinary() {
  let relative;
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist'), relative);
  return fs.existsSync(binary) ? binary : null;
}

/** Runs Electron's own installer once, without the skip switch. Returns why it failed, or null. */
function downloadElectron() {
  const { version } = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
  console.log(`No Electron binary yet: downloading Electron ${version} (giving up after ${DOWNLOAD_TIMEOUT_MS / 1000} s)…`);
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    env,
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (result.error?.code === 'ETIMEDOUT') return `the download did not finish within ${DOWNLOAD_TIMEOUT_MS / 1000} s`;
  if (result.error) return `the installer could not run: ${result.error.message}`;
  if (result.status !== 0) {
    const lines = (result.stderr ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
    const reason = lines.find((line) => /^(Request)?Error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|HTTPError|status code/i.test(line)) ?? lines[0];
    return `the download failed (${reason ?? `exit ${result.status}`}); this machine may be offline`;
  }
  return electronBinary() ? null : 'the installer finished but left no binary';
}

/** Runs a child to completion, passing on Ctrl+C and termination, and exits with its code. */
function run(command, args) {
  // On POSIX the child gets its own process group so each signal reaches it exactly once (from here):
  // under `npm start` both the terminal and npm would deliver Ctrl+C, and a second SIGINT
  // cuts a clean shutdown short. Windows delivers Ctrl+C to every console process itself.
  const child = spawn(command, args, { stdio: 'inherit', detached: !windows });
  let signalled = 0;
  const forward = (signal) => {
    if (windows) return;
    const now = Date.now();
    // The first signal asks for a clean stop; an echo within a second is ignored; a later one insists.
    if (signalled && now - signalled < 1_000) return;
    child.kill(signalled ? 'SIGKILL' : signal);
    signalled ||= now;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));
  child.on('error', (error) => {
    console.error(`vigil: could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (os.constants.signals[signal] ?? 1));
  });
}

function browserMode(why) {
  console.log(`\nVigil cannot run as a desktop app here: ${why}.`);
  console.log('Starting it in browser mode instead: open the address printed below in Chrome, Edge or Chromium.');
  console.log('(To get the desktop app: connect to the internet, or set ELECTRON_MIRROR to a reachable mirror such as https://npmmirror.com/mirrors/electron/, then run npm start again.)\n');
  // The app's arguments were meant for Electron (e.g. --site-config=): the fallback is the plain demo.
  run(process.execPath, ['out/core/cli.js', 'serve', '--demo']);
}

ensureBuilt();
if (browserOnly) {
  // Arguments go to `vigil serve` (--broker, --site, --port …); without --broker it runs the demo.
  run(process.execPath, ['out/core/cli.js', 'serve', ...appArgs]);
} else {
  let binary = electronBinary();
  const downloadProblem = binary ? null : downloadElectron();
  binary = electronBinary();
  if (!binary) {
    browserMode(`no Electron binary could be had — ${downloadProblem}`);
  } else {
    const native = spawnSync(process.execPath, ['scripts/electron-native.mjs'], { stdio: 'inherit' });
    if (native.status !== 0) browserMode('better-sqlite3 could not be built for Electron (see above)');
    else run(binary, ['.', ...appArgs]);
  }
}
