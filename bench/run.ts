import { alarms } from './alarms/index';
import { foundation } from './foundation';
import { ingest } from './ingest';
import { Report } from './report';
import { video } from './video/index';

/** `npm run bench` runs every benchmark; `npm run bench -- NAME` runs one. */
const BENCHES: Record<string, (report: Report) => Promise<void>> = { foundation, ingest, video, alarms };

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in BENCHES));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const name of requested.length ? requested : Object.keys(BENCHES)) {
  const report = new Report(name);
  await BENCHES[name]!(report);
  report.save();
}
// Brokers, browsers and stations the benchmarks started are gone; say so to the shell at once.
process.exit(0);
