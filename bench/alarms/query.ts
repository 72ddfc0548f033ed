import { ALARM_STATES, EVENT_TYPE_NAMES, EVENT_TYPES, type AlarmFilter, type CoreClient } from '../../main/contract';
import type { z } from 'zod';
import { connectClient, tempDir, testCore } from '../../main/testing/harness';
import { median, type Report } from '../report';

const ALARMS = 1_000_000;
const DEVICES = 2_000;
const AREAS = 20;
const PAGE = 100;
const RUNS = 30;
const ADMIN = { username: 'officer', displayName: 'Officer', password: 'Query-Pages-2026' };
const DAY = 86_400_000;

type Filter = Omit<z.input<typeof AlarmFilter>, 'limit'>;

/**
 * A filtered page of 100 alarms over a million stored, through the whole
 * call path (validation, permission check, SQLite, output check), for each
 * kind of filter an officer uses; the figure is the slowest kind's median,
 * and the reference is the same page found by OFFSET, as a naive list pages.
 */
export async function alarmQuery(report: Report): Promise<void> {
  const core = testCore({ dataDir: tempDir('vigil-bench-alarms-') });
  try {
    const now = Date.now();
    console.error(`alarms: storing ${ALARMS.toLocaleString('en')} alarms`);
    fill(core.db, now);
    const client = connectClient(core);
    await client.call('auth.setup', { ...ADMIN, station: 'bench' });

    const filters: Record<string, Filter> = {
      newest: {},
      open: { states: ['new', 'acknowledged', 'handling'] },
      critical: { severities: ['critical'] },
      rare_type: { types: ['gas_leak'] },
      area: { area: 'Area 7' },
      last_hour: { from: now - 3_600_000 },
      a_day_last_month: { from: now - 30 * DAY, to: now - 29 * DAY },
      combined: { states: ['closed'], severities: ['major'], area: 'Area 3', from: now - 60 * DAY },
      rare_type_in_area: { types: ['gas_leak'], area: 'Area 7' },
      two_types_in_area_closed: { types: ['gas_leak', 'smoke'], area: 'Area 7', states: ['closed'] },
      two_severities_in_area: { severities: ['critical', 'minor'], area: 'Area 7' },
      open_in_area_last_week: { states: ['new', 'acknowledged', 'handling'], area: 'Area 7', from: now - 7 * DAY },
      deep_page: { before: { raisedAt: now - 45 * DAY, id: 'z' } },
    };
    const medians: number[] = [];
    for (const [name, filter] of Object.entries(filters)) {
      const took = await timed(client, { ...filter, limit: PAGE });
      medians.push(took);
      console.error(`alarms: ${name} page ${took.toFixed(2)} ms`);
    }
    const worst = Math.max(...medians);
    report.add('query_1m_page_ms', worst, 'ms', 'lower', 10);
    const naive = timedSql(core.db, 'SELECT * FROM alarms a LEFT JOIN devices d ON d.code = a.source ORDER BY a.raised_at DESC LIMIT 100 OFFSET 500000');
    report.add('query_1m_offset_page_ms', naive, 'ms', 'lower');
    report.add('offset_over_keyset_ratio', naive / median(medians), 'ratio', 'higher');
    client.close();
  } finally {
    await core.close();
  }
}

async function timed(client: CoreClient, filter: z.input<typeof AlarmFilter>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const page = await client.call('alarms.list', filter);
    times.push(performance.now() - started);
    if (run === 0 && page.length === 0) throw new Error(`filter ${JSON.stringify(filter)} found nothing: the benchmark data is wrong`);
  }
  return median(times);
}

function timedSql(db: ReturnType<typeof testCore>['db'], sql: string): number {
  const statement = db.prepare(sql);
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    statement.all();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** A year of a busy park's alarms: most closed long ago, some open, types as sites see them. */
function fill(db: ReturnType<typeof testCore>['db'], now: number): void {
  const devices = Array.from({ length: DEVICES }, (_, n) => `3206120101134${String(n).padStart(7, '0')}`);
  const insertDevice = db.prepare("INSERT INTO devices (code, name, kind, area, building, floor, status, info_at) VALUES (?, ?, 'alarm_input', ?, ?, '1F', 'online', 1)");
  const insertAlarm = db.prepare(
    "INSERT INTO alarms (id, source, type, severity, state, hlc, raised_at, last_at, updated_at, by, station, note, count, steps, area) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'duty', 'desk', NULL, 1, 0, ?)",
  );
  // Common types far more often than rare ones: door and device faults daily, gas leaks seldom.
  const weighted = EVENT_TYPE_NAMES.filter((type) => EVENT_TYPES[type].severity !== 'info').flatMap((type, index) => Array.from({ length: type === 'gas_leak' ? 1 : 3 + (index % 5) * 4 }, () => type));
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  db.transaction(() => {
    devices.forEach((code, n) => insertDevice.run(code, `Sensor ${n}`, `Area ${n % AREAS}`, `Building ${n % 50}`));
    for (let n = 0; n < ALARMS; n++) {
      const type = weighted[Math.floor(random() * weighted.length)]!;
      const at = now - Math.floor((n / ALARMS) * 365 * DAY) - Math.floor(random() * 1000);
      // The newest hundred or so are open; the rest were worked long ago.
      const state = n < 300 ? ALARM_STATES[n % 3]! : 'closed';
      const device = Math.floor(random() * DEVICES);
      insertAlarm.run(`bench-${String(n).padStart(9, '0')}`, devices[device], type, EVENT_TYPES[type].severity, state, `${at}:0000:site`, at, at, at, `Area ${device % AREAS}`);
    }
  })();
  db.exec('ANALYZE');
}
