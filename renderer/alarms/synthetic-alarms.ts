import { ALARM_STATES, EVENT_TYPE_NAMES, EVENT_TYPES, type Alarm } from '../core/contract';

const AREAS = ['东区', '西区', '南区', '北区', '地下车库', '商业区'];
const NAMES = ['周界红外对射', '门禁控制器', '烟感探测器', '水浸传感器', '燃气探测器', '球机', '枪机'];

/** A small deterministic generator, so tests and benchmarks see the same alarms every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` plausible alarms, newest first, one every `spacingMs` back from
 * `newestAt`: for tests and for the filter benchmark.
 */
export function syntheticAlarms(count: number, { newestAt = 1_750_000_000_000, spacingMs = 1000, seed = 7 } = {}): Alarm[] {
  const random = seeded(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const alarms: Alarm[] = [];
  for (let index = 0; index < count; index++) {
    const type = pick(EVENT_TYPE_NAMES);
    const raisedAt = newestAt - index * spacingMs;
    const serial = String(100000 + Math.floor(random() * 900000));
    const area = pick(AREAS);
    alarms.push({
      id: `a${String(count - index).padStart(8, '0')}`,
      source: `32061201011340${serial}`,
      type,
      severity: EVENT_TYPES[type].severity,
      state: pick(ALARM_STATES),
      raisedAt,
      lastAt: raisedAt,
      updatedAt: raisedAt,
      by: null,
      station: null,
      note: null,
      count: 1 + Math.floor(random() * 3),
      steps: 0,
      escalated: random() < 0.02,
      sourceName: `${area}${pick(NAMES)}${serial.slice(-3)}`,
      area,
      building: `${1 + Math.floor(random() * 8)}号楼`,
      floor: `${1 + Math.floor(random() * 12)}F`,
      rule: null,
    });
  }
  return alarms;
}
