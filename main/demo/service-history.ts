import type { Database } from '../store/database';
import { demoDevices } from './park';

const DAY = 86_400_000;
const WEEKS = 3;

/** A small fixed generator: every demo start seeds the same weeks. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Three weeks of the demo park's service history, so the service figures
 * are not empty on a fresh demo start: each device's status changes (most
 * stay on line, a few drop off for minutes to hours now and then, one
 * camera is flaky) and the site link's, with two short drops. They end
 * before `now` with every device on line, as the simulator then reports
 * them. Alarm times come from what the demo raises and officers do live.
 * Seeded once: a store that holds any history already is left alone.
 */
export function seedServiceHistory(db: Database, now: number): void {
  if (db.prepare('SELECT 1 FROM device_history LIMIT 1').get() || db.prepare('SELECT 1 FROM link_history WHERE at < ? LIMIT 1').get(now - DAY)) return;
  const next = random(20261207);
  const start = now - WEEKS * 7 * DAY;
  const end = now - 60_000;
  const rows: [string, number, string][] = [];
  demoDevices().forEach((device, n) => {
    rows.push([device.code, start, 'online']);
    const flaky = n % 23 === 7;
    // Most devices drop off every week or two; the flaky ones every day or so.
    const upFor = flaky ? DAY : 9 * DAY;
    for (let at = start + next() * upFor; at < end; at += next() * upFor * 2) {
      const down = Math.round(at);
      const back = Math.min(end, Math.round(at + (5 * 60_000 + next() * (flaky ? 4 : 1.5) * 3_600_000)));
      rows.push([device.code, down, 'offline'], [device.code, back, 'online']);
      at = back;
    }
  });
  rows.sort((a, b) => a[1] - b[1]);
  db.transaction(() => {
    const history = db.prepare('INSERT INTO device_history (code, at, status) VALUES (?, ?, ?)');
    for (const row of rows) history.run(...row);
    const link = db.prepare('INSERT INTO link_history (at, state) VALUES (?, ?)');
    link.run(start, 'online');
    for (const daysAgo of [16, 5]) {
      const drop = now - daysAgo * DAY + 3 * 3_600_000;
      link.run(drop, 'offline');
      link.run(drop + (daysAgo === 16 ? 25 : 8) * 60_000, 'online');
    }
    link.run(end, 'stopped');
  })();
}
