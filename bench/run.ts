import fs from 'node:fs';
import { alarms } from './alarms/index';
import { emergency } from './emergency/index';
import { energy } from './energy';
import { foundation } from './foundation';
import { ingest } from './ingest';
import { ops } from './ops/index';
import { Report } from './report';
import { services } from './services/index';
import { video } from './video/index';

/** `npm run bench` runs every benchmark; `npm run bench -- NAME` runs one. */
const BENCHES: Record<string, (report: Report) => Promise<void>> = { foundation, ingest, video, alarms, energy, services, emergency, ops };

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in BENCHES));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const failed: string[] = [];
for (const name of requested.length ? requested : Object.keys(BENCHES)) {
  const report = new Report(name);
  // A stale file from an earlier run must not pass for this run's figures.
  fs.rmSync(report.file, { force: true });
  try {
    await BENCHES[name]!(report);
    report.save();
  } catch (error) {
    // The other benchmarks still run; this one's results file is not written, and the run fails.
    failed.push(name);
    console.error(`\nbench ${name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
}
if (failed.length) console.error(`failed benchmarks: ${failed.join(', ')}`);
// Brokers, browsers and stations the benchmarks started are gone; say so to the shell at once.
process.exit(failed.length ? 1 : 0);
