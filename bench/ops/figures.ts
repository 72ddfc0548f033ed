import path from 'node:path';
import { DEFAULT_TARGETS } from '../../main/contract/ops-figures';
import { EnergyCalendar } from '../../main/energy/calendar';
import { serviceFigures as computeFigures } from '../../main/ops/figures/compute';
import type { Database } from '../../main/store/database';
import { openDatabase } from '../../main/store/database';
import { tempDir } from '../../main/testing/harness';
import { median, type Report } from '../report';

const DEVICES = 2_000;
/** One in five is a camera. */
const CAMERA_EVERY = 5;
const ALARMS = 4_000;
/** Routine events (access granted, zone armed) beside those that raised alarms: the latency histogram reads them all. */
const ROUTINE_EVENTS = 100_000;
const ORDERS = 600;
const RUNS = 5;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TYPES = ['intrusion', 'smoke', 'water_leak', 'tamper', 'door_forced', 'door_held_open', 'video_loss'];
const SEVERITY: Record<string, string> = { intrusion: 'critical', smoke: 'critical', water_leak: 'major', tamper: 'major', door_forced: 'major', door_held_open: 'minor', video_loss: 'major' };
const codeOf = (i: number) => `32061201011${i % CAMERA_EVERY === 0 ? '31' : '34'}${String(i + 1).padStart(7, '0')}`;

/** A small fixed generator: every run of the bench fills the same site. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Two months of a 2 000-device site (the month measured and the one before,
 * so each device's state before the month is a real seek): most devices
 * drop off line a few times a week for minutes to hours, a few flap many
 * times a day, some report a repeat of their status every few hours; a few
 * thousand alarms, most acknowledged within minutes, a few never.
 */
export function fill(db: Database, from: number, to: number): { statusRows: number } {
  const rand = random(17);
  const start = from - 31 * DAY;
  let statusRows = 0;
  db.transaction(() => {
    const device = db.prepare("INSERT INTO devices (code, name, kind, area, building, floor, status) VALUES (?, ?, ?, ?, ?, ?, 'online')");
    const history = db.prepare('INSERT INTO device_history (code, at, status) VALUES (?, ?, ?)');
    const rows: [string, number, string][] = [];
    for (let i = 0; i < DEVICES; i++) {
      const code = codeOf(i);
      device.run(code, `设备 ${i}`, i % CAMERA_EVERY === 0 ? 'camera' : 'alarm_input', `区域 ${i % 12}`, `${(i % 40) + 1}号楼`, `${(i % 10) + 1}F`);
      const flappy = i % 97 === 0;
      let at = start + rand() * HOUR;
      let online = true;
      rows.push([code, at, 'online']);
      while (at < to) {
        // Up for a few days (a flappy one for an hour or so), down for minutes to hours; now and then a repeated status.
        at += online ? (flappy ? HOUR : 2 * DAY) * (0.2 + rand() * 1.6) : (5 * 60_000 + rand() * 3 * HOUR) * (flappy ? 0.2 : 1);
        if (rand() < 0.15) rows.push([code, at - 60_000, online ? 'online' : 'offline']);
        online = !online;
        rows.push([code, at, online ? 'online' : 'offline']);
      }
    }
    // Stored in the order they arrived at the station: by time, all devices interleaved.
    rows.sort((a, b) => a[1] - b[1]);
    for (const [code, at, status] of rows) {
      if (at >= to) continue;
      history.run(code, Math.round(at), status);
      statusRows++;
    }

    const alarm = db.prepare(
      `INSERT INTO alarms (id, source, type, severity, state, hlc, raised_at, last_at, updated_at, area, acknowledged_at, resolved_at)
       VALUES (?, ?, ?, ?, ?, '0000000000000:0000:site', ?, ?, ?, ?, ?, ?)`,
    );
    const event = db.prepare("INSERT INTO device_events (id, code, type, severity, at, received_at) VALUES (?, ?, ?, ?, ?, ?)");
    for (let i = 0; i < ALARMS; i++) {
      const n = Math.floor(rand() * DEVICES);
      const type = TYPES[i % TYPES.length]!;
      const raised = Math.round(from + rand() * (to - from));
      const acked = rand() < 0.95 ? raised + Math.round(5_000 + rand() * rand() * 600_000) : null;
      const resolved = acked !== null && rand() < 0.9 ? acked + Math.round(rand() * 2 * HOUR) : null;
      const id = `bench-alarm-${i}`;
      alarm.run(id, codeOf(n), type, SEVERITY[type]!, resolved ? 'resolved' : acked ? 'acknowledged' : 'new', raised, raised, raised, `区域 ${n % 12}`, acked, resolved);
      event.run(id, codeOf(n), type, SEVERITY[type]!, raised, raised + Math.round(50 + rand() * 2_000));
    }
    for (let i = 0; i < ROUTINE_EVENTS; i++) {
      const at = Math.round(from + rand() * (to - from));
      event.run(`bench-event-${i}`, codeOf(Math.floor(rand() * DEVICES)), 'access_granted', 'info', at, at + Math.round(20 + rand() * 800));
    }
    const order = db.prepare(
      `INSERT INTO orders (id, record, state, priority, category, source, title, building, created_at, updated_at, respond_by, complete_by, completed_at, escalated)
       VALUES (?, '{}', ?, 'normal', 'plumbing', 'resident', '漏水', '1号楼', ?, ?, ?, ?, ?, '[]')`,
    );
    for (let i = 0; i < ORDERS; i++) {
      const created = Math.round(from + rand() * (to - from));
      const done = rand() < 0.85 ? created + Math.round(rand() * 72 * HOUR) : null;
      order.run(`bench-order-${i}`, done ? 'completed' : 'in_progress', created, created, created + 8 * HOUR, created + 72 * HOUR, done);
    }
    const link = db.prepare('INSERT INTO link_history (at, state) VALUES (?, ?)');
    link.run(start, 'online');
    for (let day = 3; day < 31; day += 7) {
      link.run(from + day * DAY, 'offline');
      link.run(from + day * DAY + 10 * 60_000, 'online');
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { statusRows };
}

/** Reading the month's rows the figures read, with one plain scan per table and nothing computed: what any figure must at least cost. */
function scanMonth(db: Database, from: number, to: number): number {
  let rows = 0;
  rows += db.prepare('SELECT code, at, status FROM device_history WHERE at >= ? AND at < ?').raw().all(from, to).length;
  rows += db.prepare('SELECT type, severity, area, raised_at, acknowledged_at, resolved_at FROM alarms WHERE raised_at >= ? AND raised_at < ?').raw().all(from, to).length;
  rows += db.prepare('SELECT received_at - at FROM device_events WHERE at >= ? AND at < ?').raw().all(from, to).length;
  return rows;
}

/** `npm run bench -- ops`: a month of service figures of a 2 000-device site, from a real store on disk. */
export async function serviceFigures(report: Report): Promise<void> {
  const calendar = new EnergyCalendar('Asia/Shanghai');
  const month = calendar.date(Date.now() - 40 * DAY).slice(0, 8) + '01';
  const { from, to } = calendar.period({ unit: 'month', date: month });
  const file = path.join(tempDir('vigil-bench-ops-'), 'vigil.db');
  let db = openDatabase(file);
  const { statusRows } = fill(db, from, to);
  db.close();
  // Measured on a store opened afresh, as a station opens it: no statement or page left warm by the fill.
  db = openDatabase(file);
  const deps = { db, calendar, targets: () => DEFAULT_TARGETS };
  const figureRuns: number[] = [];
  const scanRuns: number[] = [];
  let scanned = 0;
  for (let run = 0; run < RUNS; run++) {
    let started = performance.now();
    const figures = computeFigures(deps, { period: 'month', at: month }, Date.now());
    figureRuns.push(performance.now() - started);
    if (figures.devices.units + figures.cameras.units !== DEVICES || figures.alarms.response.count !== ALARMS) throw new Error('the figures did not count the whole site');
    started = performance.now();
    scanned = scanMonth(db, from, to);
    scanRuns.push(performance.now() - started);
  }
  db.close();
  report.add('service_figures_month_2000_devices_ms', median(figureRuns), 'ms', 'lower', 1000, figureRuns);
  report.add('month_rows_scan_ms', median(scanRuns), 'ms', 'lower', undefined, scanRuns);
  report.add('service_figures_over_scan_ratio', median(figureRuns) / median(scanRuns), 'ratio', 'lower', undefined, figureRuns.map((value, i) => value / scanRuns[i]!));
  report.add('month_status_changes_rows', statusRows, 'rows', 'higher');
  report.add('month_rows_scanned', scanned, 'rows', 'higher');
}
