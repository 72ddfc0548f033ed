// The whole test suite, as README.md and CI run it: build, typecheck, lint,
// unit and integration tests, then end-to-end tests in Chromium. Ends with a
// one-line count so a reader (or CI) sees at once what ran.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const RESULTS = 'out/test-results';
fs.mkdirSync(RESULTS, { recursive: true });

// Steps in one inner list run side by side: type-checking, linting and the audit
// each keep one core busy (or wait on the registry), and none needs another's
// result. Each still prints under its own heading, whole and in this order, and
// each one's exit decides as it did when they ran one after another.
const steps = [
  [['build', 'npm', ['run', 'build']]],
  [
    ['typecheck', 'npm', ['run', 'typecheck']],
    ['lint', 'npm', ['run', 'lint']],
    ['dependency audit', 'node', ['scripts/audit.mjs']],
  ],
  [['unit and integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/unit.json`]]],
  [['end-to-end', 'npx', ['playwright', 'test', '--reporter=list,json']]],
];

const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: `${RESULTS}/e2e.json` };

/** Runs one step; alone it streams its output, beside others it hands it back to be printed whole. */
function run([name, command, args], alone) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'], env });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => {
      if (alone) console.error(error.message);
      else output.push(Buffer.from(`${error.message}\n`));
    });
    // A step that could not be started or was killed counts as failed, never as passed.
    child.on('close', (code) => resolve({ name, status: code ?? 1, output: Buffer.concat(output) }));
  });
}

const failed = [];
const skippedSteps = [];
const AUDIT_SKIPPED = 3;
for (const group of steps) {
  const alone = group.length === 1;
  if (alone) console.log(`\n=== ${group[0][0]} ===`);
  const results = await Promise.all(group.map((step) => run(step, alone)));
  let stop = false;
  for (const { name, status, output } of results) {
    if (!alone) {
      console.log(`\n=== ${name} ===`);
      process.stdout.write(output);
    }
    // A check that could not run here says so, and is counted as skipped.
    if (status === AUDIT_SKIPPED && name === 'dependency audit') {
      skippedSteps.push(name);
      continue;
    }
    if (status !== 0) {
      failed.push(name);
      // Nothing after a broken build or type error is worth running.
      if (['build', 'typecheck'].includes(name)) stop = true;
    }
  }
  if (stop) break;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
const unit = readJson(`${RESULTS}/unit.json`);
const e2e = readJson(`${RESULTS}/e2e.json`);
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats.expected ?? 0) + (e2e?.stats.flaky ?? 0);
const failedTests = (unit?.numFailedTests ?? 0) + (e2e?.stats.unexpected ?? 0);
const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats.skipped ?? 0) + skippedSteps.length;

console.log(`\n${failed.length ? `failed steps: ${failed.join(', ')}` : 'all steps passed'}${skippedSteps.length ? ` (skipped: ${skippedSteps.join(', ')})` : ''}`);
console.log(`tests: ${passed} passed, ${failedTests} failed, ${skipped} skipped`);
process.exit(failed.length || failedTests ? 1 : 0);
