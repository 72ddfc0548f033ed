// The whole test suite, as README.md and CI run it: build, typecheck, lint,
// unit and integration tests, then end-to-end tests in Chromium. Ends with a
// one-line count so a reader (or CI) sees at once what ran.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const RESULTS = 'out/test-results';
fs.mkdirSync(RESULTS, { recursive: true });

const steps = [
  ['build', 'npm', ['run', 'build']],
  ['typecheck', 'npm', ['run', 'typecheck']],
  ['lint', 'npm', ['run', 'lint']],
  ['dependency audit', 'node', ['scripts/audit.mjs']],
  ['unit and integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/unit.json`]],
  ['end-to-end', 'npx', ['playwright', 'test', '--reporter=list,json']],
];

const failed = [];
const skippedSteps = [];
const AUDIT_SKIPPED = 3;
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: `${RESULTS}/e2e.json` };
  const { status } = spawnSync(command, args, { stdio: 'inherit', env });
  // A check that could not run here says so, and is counted as skipped.
  if (status === AUDIT_SKIPPED && name === 'dependency audit') {
    skippedSteps.push(name);
    continue;
  }
  if (status !== 0) {
    failed.push(name);
    // Nothing after a broken build or type error is worth running.
    if (['build', 'typecheck'].includes(name)) break;
  }
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
