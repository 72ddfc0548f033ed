import type { AlarmFilter, CoreClient } from '../../main/contract';
import type { z } from 'zod';
import { connectClient, tempDir, testCore } from '../../main/testing/harness';
import { median, percentile, type Report } from '../report';
import { DAY, storeAlarms } from './stored-alarms';

const ALARMS = 1_000_000;
const DEVICES = 2_000;
const AREAS = 20;
const PAGE = 100;
const RUNS = 40;
const ADMIN = { username: 'officer', displayName: 'Officer', password: 'Query-Pages-2026' };
/** One in a hundred alarms of the year left open: old open alarms among closed ones, not only the newest. */
const SCATTERED_OPEN = 0.01;

type Filter = Omit<z.input<typeof AlarmFilter>, 'limit'>;

/**
 * A filtered page of 100 alarms over a million stored, through the whole
 * call path (validation, permission check, SQLite, output check), for each
 * kind of filter an officer uses, with open alarms scattered over the year
 * as well as the newest; the figure is the slowest kind's 95th percentile,
 * and the reference is the same page found by OFFSET, as a naive list pages.
 */
export async function alarmQuery(report: Report): Promise<void> {
  const core = testCore({ dataDir: tempDir('vigil-bench-alarms-') });
  try {
    const now = Date.now();
    console.error(`alarms: storing ${ALARMS.toLocaleString('en')} alarms`);
    storeAlarms(core.db, { count: ALARMS, devices: DEVICES, areas: AREAS, now, days: 365, scatteredOpen: SCATTERED_OPEN });
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
      open_in_area: { states: ['new', 'acknowledged', 'handling'], area: 'Area 7' },
      open_critical: { states: ['new', 'acknowledged', 'handling'], severities: ['critical'] },
      new_months_ago: { states: ['new'], to: now - 90 * DAY },
      open_in_area_last_week: { states: ['new', 'acknowledged', 'handling'], area: 'Area 7', from: now - 7 * DAY },
      deep_page: { before: { raisedAt: now - 45 * DAY, id: 'z' } },
    };
    const medians: number[] = [];
    const p95s: number[] = [];
    for (const [name, filter] of Object.entries(filters)) {
      const times = await timed(client, { ...filter, limit: PAGE });
      medians.push(median(times));
      p95s.push(percentile(times, 95));
      console.error(`alarms: ${name} page median ${median(times).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`);
    }
    report.add('query_1m_page_ms', Math.max(...p95s), 'ms', 'lower', 10);
    report.add('query_1m_page_median_ms', Math.max(...medians), 'ms', 'lower');
    const naive = timedSql(core.db, 'SELECT * FROM alarms a LEFT JOIN devices d ON d.code = a.source ORDER BY a.raised_at DESC LIMIT 100 OFFSET 500000');
    report.add('query_1m_offset_page_ms', naive, 'ms', 'lower');
    report.add('offset_over_keyset_ratio', naive / median(medians), 'ratio', 'higher');
    client.close();
  } finally {
    await core.close();
  }
}

/** Each run's time, the first (cold statement cache) included. */
async function timed(client: CoreClient, filter: z.input<typeof AlarmFilter>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const page = await client.call('alarms.list', filter);
    times.push(performance.now() - started);
    if (run === 0 && page.length === 0) throw new Error(`filter ${JSON.stringify(filter)} found nothing: the benchmark data is wrong`);
  }
  return times;
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
