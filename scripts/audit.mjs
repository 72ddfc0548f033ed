// Dependency audit of the production packages (what an installed Vigil runs):
// fails on any high or critical advisory, naming the package and why. A
// registry without the audit endpoint (a mirror) cannot say: that is
// reported as skipped with the registry's answer, never as passed.
import { spawnSync } from 'node:child_process';

// scripts/test.mjs counts this exit as a skipped step.
const SKIPPED = 3;

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const why = report?.message ?? report?.error?.summary ?? (run.error ? run.error.message : run.stderr.trim().split('\n').pop());
  console.log(`dependency audit: SKIPPED — the registry gave no audit (${why})`);
  process.exit(SKIPPED);
}
const serious = Object.values(report.vulnerabilities ?? {}).filter((entry) => entry.severity === 'high' || entry.severity === 'critical');
for (const entry of serious) {
  const why = entry.via.map((via) => (typeof via === 'string' ? `through ${via}` : `${via.title} (${via.url})`)).join('; ');
  console.log(`${entry.severity}: ${entry.name} ${entry.range} — ${why}${entry.fixAvailable ? ' — a fix is available' : ''}`);
}
console.log(`dependency audit of production packages: ${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low`);
process.exit(serious.length ? 1 : 0);
