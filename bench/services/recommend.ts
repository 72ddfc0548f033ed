import { performance } from 'node:perf_hooks';
import { HOUSEHOLD_TYPES, SERVICE_CATEGORIES, type ServiceDraft } from '../../main/contract';
import { connectClient, pushSite, testCore } from '../../main/testing/harness';
import { median, type Report } from '../report';

/** The figure: one resident's recommendations over a 2 000-entry catalogue, as the station computes them. */
const ENTRIES = 2000;
const RESIDENTS = 300;
const ROUNDS = 3;
const TARGET_MS = 20;
const BUILDINGS = ['A栋', 'B栋', 'C栋', 'D栋', 'E栋', 'F栋'];
const TAGS = ['上门', '24小时', '送货上门', '医保', '预约', '周末', '助浴', '托管'];

/** A deterministic catalogue: every category, building, tag and household spread over the entries. */
function catalogue(): ServiceDraft[] {
  return Array.from({ length: ENTRIES }, (_, i) => ({
    id: `bench-${String(i).padStart(5, '0')}`,
    name: { zh: `服务 ${i}`, en: `Service ${i}` },
    category: SERVICE_CATEGORIES[i % SERVICE_CATEGORIES.length]!,
    tags: [TAGS[i % TAGS.length]!, TAGS[(i * 7) % TAGS.length]!],
    description: '基准测试用服务条目，说明文字长度与真实条目相当。',
    phone: `0513-${String(8_000_000 + i)}`,
    where: { ...(i % 3 ? { building: BUILDINGS[i % BUILDINGS.length]! } : {}), distance: (i * 37) % 2000 },
    hours: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }, { days: [6, 7], from: '10:00', to: '16:00' }],
    suits: [HOUSEHOLD_TYPES[i % HOUSEHOLD_TYPES.length]!, HOUSEHOLD_TYPES[(i + 2) % HOUSEHOLD_TYPES.length]!],
    active: i % 50 !== 0,
  }));
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

/**
 * Through the core's call (`services.recommendations`), as an operator's
 * window asks: input checked, the catalogue read from SQLite, the
 * recommender run, the answer checked and copied over the transport.
 */
export async function recommendBench(report: Report): Promise<void> {
  const core = testCore({ checkOutputs: false });
  try {
    core.services.catalogue.seed(catalogue());
    for (let r = 0; r < RESIDENTS; r++) {
      pushSite(core, `residents/bench-${String(r).padStart(5, '0')}/profile`, {
        name: '测试居民',
        phone: '13800000000',
        building: BUILDINGS[r % BUILDINGS.length],
        household: HOUSEHOLD_TYPES[r % HOUSEHOLD_TYPES.length],
        interests: [SERVICE_CATEGORIES[r % SERVICE_CATEGORIES.length], TAGS[r % TAGS.length]],
        consent: true,
        ts: 1,
      });
    }
    core.ingest.flush();
    const client = connectClient(core);
    await client.call('auth.setup', { username: 'admin', displayName: 'Admin', password: 'Bench-Services-2026', station: 'bench' });
    // Warm up the prepared statements and the JIT.
    for (let r = 0; r < 20; r++) await client.call('services.recommendations', { id: `bench-${String(r).padStart(5, '0')}` });
    const timings: number[] = [];
    const medians: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const these: number[] = [];
      for (let r = 0; r < RESIDENTS; r++) {
        const started = performance.now();
        const answer = await client.call('services.recommendations', { id: `bench-${String(r).padStart(5, '0')}` });
        these.push(performance.now() - started);
        if (!answer.items.length) throw new Error(`resident ${r} got no recommendations: the bench would measure nothing`);
      }
      timings.push(...these);
      medians.push(median(these));
    }
    report.add('recommend_2000_median_ms', median(timings), 'ms', 'lower', TARGET_MS, medians);
    report.add('recommend_2000_p99_ms', percentile(timings, 99), 'ms', 'lower', TARGET_MS);
  } finally {
    await core.close();
  }
}
