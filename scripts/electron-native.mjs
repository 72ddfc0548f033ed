#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node,
// apart from node_modules, whose Node build tests and `vigil serve` keep using.
// The shell hands the result to the core as `nativeBinding`; electron-builder
// ships it through extraResources. A stamp records the Electron version and
// platform it was built for, so an Electron upgrade rebuilds it.
//
//   node scripts/electron-native.mjs [--force]
//
// Exit code 0 when the binding is there (built now or before), 1 when it could not be built.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const modules = path.join(root, 'node_modules');
const electronVersion = JSON.parse(fs.readFileSync(path.join(modules, 'electron', 'package.json'), 'utf8')).version;
const arch = process.env.npm_config_arch || process.arch;
const outDir = path.join(root, 'native', 'electron');
const target = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'built-for.txt');
const stamp = `electron ${electronVersion} ${process.platform}-${arch}`;

function current() {
  try {
    return fs.existsSync(target) && fs.readFileSync(stampFile, 'utf8').trim() === stamp;
  } catch {
    return false;
  }
}

/** The lines of a failed tool's output that say why (node-gyp's error text, prebuild-install's warning). */
function why(text) {
  const lines = (text ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
  const telling = lines.filter((line) => /prebuild-install warn install|ERR! (stack|find|configure error|build error)|^error:/i.test(line) && !/ERR! stack\s+at /.test(line));
  const chosen = telling.length ? telling.slice(0, 6) : lines.slice(-3);
  const summary = chosen
    .map((line) => line.replace(/^(gyp ERR! (stack|configure error|build error)?|prebuild-install warn install)\s*/, ''))
    .filter(Boolean)
    .join(' ');
  return summary || 'no output';
}

function attempt({ name, args, timeout }, cwd) {
  console.log(`electron-native: trying ${name}…`);
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (result.error?.code === 'ETIMEDOUT') return `${name}: gave up after ${timeout / 1000} s`;
  if (result.error) return `${name}: ${result.error.message}`;
  if (result.status !== 0) return `${name}: ${why(`${result.stdout}\n${result.stderr}`)}`;
  return fs.existsSync(path.join(cwd, 'build', 'Release', 'better_sqlite3.node')) ? null : `${name}: finished without build/Release/better_sqlite3.node`;
}

if (current() && !process.argv.includes('--force')) {
  console.log(`electron-native: ${path.relative(root, target)} is up to date (${stamp})`);
  process.exit(0);
}

const source = path.join(modules, 'better-sqlite3');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-electron-native-'));
const copy = path.join(work, 'better-sqlite3');
// Leave out the Node build: a stale build/ would be taken for the result.
fs.cpSync(source, copy, { recursive: true, filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build' });

const attempts = [
  {
    // Fast and needs no compiler, but downloads from GitHub releases.
    name: 'prebuild-install (prebuilt binary for Electron)',
    args: [path.join(modules, 'prebuild-install', 'bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--verbose'],
    timeout: 120_000,
  },
  {
    // Needs Python and a C++ toolchain, and Electron's headers from electronjs.org.
    name: 'node-gyp (compile against Electron headers)',
    args: [path.join(modules, 'node-gyp', 'bin', 'node-gyp.js'), 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'],
    timeout: 900_000,
  },
];

const failures = [];
for (const step of attempts) {
  const failure = attempt(step, copy);
  if (!failure) {
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(path.join(copy, 'build', 'Release', 'better_sqlite3.node'), target);
    fs.writeFileSync(stampFile, `${stamp}\n`);
    fs.rmSync(work, { recursive: true, force: true });
    console.log(`electron-native: built ${path.relative(root, target)} (${stamp})`);
    process.exit(0);
  }
  failures.push(failure);
}
fs.rmSync(work, { recursive: true, force: true });
console.error(`electron-native: could not build better-sqlite3 for Electron ${electronVersion}:\n  - ${failures.join('\n  - ')}`);
process.exit(1);
