import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALARM_STATES, SEVERITIES } from '../contract/classes';
import { AlarmStatePayload } from '../site-link/interface/payloads';
import { HybridClock, compareHlc, formatHlc, parseHlc, type Hlc, type SkewReport } from './hlc';
import { mergeAlarm, shouldPublish, type AlarmRecord } from './merge';

const RUNS = { numRuns: 200 };
const BASE = 1_750_000_000_000;
const MAX_MILLIS = 9_999_999_999_999;
const SOURCES = ['32061201011320000001', '32061201011320000002'];
const rank = (r: AlarmRecord) => ALARM_STATES.indexOf(r.state);
const hlcOf = (r: AlarmRecord) => parseHlc(r.hlc) as Hlc;
const fold = (messages: AlarmRecord[], into = new Map<string, AlarmRecord>()) => {
  for (const m of messages) into.set(m.id, mergeAlarm(into.get(m.id), m));
  return into;
};

// Small pools on purpose: ties in state, hlc and content are where join laws break.
const record = fc.record(
  {
    id: fc.constant('alarm-0001'),
    source: fc.constantFrom(...SOURCES),
    type: fc.constantFrom('intrusion', 'smoke'),
    severity: fc.constantFrom(...SEVERITIES),
    state: fc.constantFrom(...ALARM_STATES),
    hlc: fc.record({ millis: fc.integer({ min: 0, max: 2 }), counter: fc.integer({ min: 0, max: 1 }), node: fc.constantFrom('a', 'b') }).map(formatHlc),
    raisedAt: fc.integer({ min: 0, max: 3 }),
    by: fc.constantFrom('li', 'wang', ''),
    station: fc.constantFrom('s1', 's2'),
    note: fc.constantFrom('', 'on my way', 'false alarm'),
    count: fc.integer({ min: 1, max: 4 }),
    // Later than any raisedAt, or absent: the payload leaves it out when it is the first occurrence.
    lastAt: fc.integer({ min: 4, max: 6 }),
    steps: fc.integer({ min: 0, max: 7 }),
    rule: fc.constantFrom({ id: 'night-water', name: '夜间用水' }, { id: 'night-water', name: '夜间用水', metric: 'm3h', value: 3.2 }),
    // First acknowledged and resolved: the earliest wins, from whichever side.
    acknowledgedAt: fc.integer({ min: 3, max: 5 }),
    resolvedAt: fc.integer({ min: 4, max: 6 }),
  },
  { requiredKeys: ['id', 'source', 'type', 'severity', 'state', 'hlc', 'raisedAt', 'count', 'steps'] },
);

describe('mergeAlarm is a join', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(record, record, record, (a, b, c) => {
        expect(mergeAlarm(a, b)).toStrictEqual(mergeAlarm(b, a));
        expect(mergeAlarm(mergeAlarm(a, b), c)).toStrictEqual(mergeAlarm(a, mergeAlarm(b, c)));
        expect(mergeAlarm(a, a)).toStrictEqual({ ...a }); // spread: fc.record may build null-prototype objects
        expect(mergeAlarm(mergeAlarm(a, b), b)).toStrictEqual(mergeAlarm(a, b));
      }),
      RUNS,
    );
  });

  it('keeps the higher state, else the later hlc with its by/station/note; count by max, raisedAt by min', () => {
    fc.assert(
      fc.property(record, record, (a, b) => {
        const m = mergeAlarm(a, b);
        const cmp = rank(a) - rank(b) || compareHlc(hlcOf(a), hlcOf(b));
        const hi = cmp >= 0 ? a : b;
        expect(m.state).toBe(hi.state);
        expect(m.hlc).toBe(hi.hlc);
        // On a full tie (same state and hlc: only forged records) the content tiebreak picks; the join test covers it.
        if (cmp !== 0) expect([m.by, m.station, m.note]).toEqual([hi.by, hi.station, hi.note]);
        expect(m.count).toBe(Math.max(a.count, b.count));
        expect(m.steps).toBe(a.steps | b.steps);
        expect(m.lastAt ?? m.raisedAt).toBe(Math.max(a.lastAt ?? a.raisedAt, b.lastAt ?? b.raisedAt));
        expect(m.raisedAt).toBe(Math.min(a.raisedAt, b.raisedAt));
        expect(SEVERITIES.indexOf(m.severity)).toBe(Math.min(SEVERITIES.indexOf(a.severity), SEVERITIES.indexOf(b.severity)));
        expect(AlarmStatePayload.safeParse(m).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('publishes only what a local action changed', () => {
    fc.assert(
      fc.property(record, record, (before, action) => {
        const after = mergeAlarm(before, action);
        expect(shouldPublish(before, after)).toBe(JSON.stringify(after) !== JSON.stringify(mergeAlarm(undefined, before)));
        expect(shouldPublish(undefined, after)).toBe(true);
      }),
      RUNS,
    );
    const resolved: AlarmRecord = { id: 'alarm-0001', source: SOURCES[0]!, type: 'smoke', severity: 'critical', state: 'resolved', hlc: formatHlc({ millis: BASE, counter: 0, node: 'a' }), raisedAt: BASE, count: 1, steps: 0 };
    const ack: AlarmRecord = { ...resolved, state: 'acknowledged', hlc: formatHlc({ millis: BASE + 1, counter: 0, node: 'b' }), by: 'li' };
    expect(shouldPublish(resolved, mergeAlarm(resolved, ack))).toBe(false);
  });
});

const ACTIONS = { acknowledge: 'acknowledged', handle: 'handling', resolve: 'resolved', close: 'closed', note: undefined } as const;
const STEPS = [...(Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]), 'hear', 'repeat'] as const;

const scenario = fc.record({
  // Skews beyond the 60 s drift cap and wall steps backwards are both in range.
  skews: fc.array(fc.integer({ min: -120_000, max: 120_000 }), { minLength: 2, maxLength: 5 }),
  alarms: fc.array(fc.record({ severity: fc.constantFrom(...SEVERITIES), count: fc.integer({ min: 1, max: 3 }), age: fc.nat(600_000) }), { minLength: 1, maxLength: 4 }),
  steps: fc.array(
    fc.record({ who: fc.nat(), alarm: fc.nat(), what: fc.constantFrom(...STEPS), msg: fc.nat(), dt: fc.integer({ min: -3_000, max: 5_000 }), note: fc.constantFrom('', 'on my way', 'false alarm') }),
    { minLength: 10, maxLength: 60 },
  ),
  receivers: fc.integer({ min: 2, max: 4 }),
});

/** A shuffled delivery of every message, with duplicates, and some dropped then re-delivered at the end. */
function delivery(g: fc.GeneratorValue, n: number): number[] {
  const all = [...Array(n).keys()];
  const dropped = g(fc.subarray, all);
  const dups = g(fc.array, fc.integer({ min: 0, max: n - 1 }), { maxLength: n });
  const first = [...all.filter((i) => !dropped.includes(i)), ...dups];
  const shuffle = (xs: number[]) => g(fc.shuffledSubarray, xs, { minLength: xs.length, maxLength: xs.length });
  return [...shuffle(first), ...shuffle(dropped)];
}

describe('alarm state converges on every station', () => {
  it('whatever the order, duplication and loss of delivery, and whatever the station clocks say', () => {
    fc.assert(
      fc.property(scenario, fc.gen(), ({ skews, alarms, steps, receivers }, g) => {
        const log: AlarmRecord[] = [];
        let gatewayWall = BASE;
        const gateway = new HybridClock('gw-1', () => gatewayWall);
        const raised = alarms.map((a, i): AlarmRecord => {
          const r = { id: `alarm-${i}000`, source: SOURCES[0]!, type: 'intrusion', severity: a.severity, state: 'new' as const, hlc: formatHlc(gateway.tick()), raisedAt: BASE - a.age, count: a.count, steps: 0 };
          log.push(r);
          return r;
        });
        const gatewayCounts = raised.map((r) => r.count);
        // Every station has heard the raise; from then on each knows only what it did or heard.
        const stations = skews.map((skew, i) => {
          const st = { name: `st-${i}`, wall: BASE + skew, seen: fold(raised) };
          return Object.assign(st, { clock: new HybridClock(st.name, () => st.wall) });
        });
        for (const step of steps) {
          const st = stations[step.who % stations.length]!;
          st.wall = Math.max(0, st.wall + step.dt);
          const which = step.alarm % raised.length;
          const alarm = raised[which]!;
          if (step.what === 'repeat') {
            // The device triggered again: the gateway republishes its own view with a higher count.
            gatewayWall += Math.abs(step.dt);
            gatewayCounts[which]! += 1;
            log.push({ ...alarm, hlc: formatHlc(gateway.tick()), count: gatewayCounts[which]! });
          } else if (step.what === 'hear') {
            const m = log[step.msg % log.length]!;
            st.clock.receive(hlcOf(m));
            fold([m], st.seen);
          } else {
            const cur = st.seen.get(alarm.id)!;
            const action: AlarmRecord = { ...cur, state: ACTIONS[step.what] ?? cur.state, hlc: formatHlc(st.clock.tick()), by: `op-${st.name}`, station: st.name };
            if (step.what === 'note') action.note = step.note;
            else delete action.note;
            const after = mergeAlarm(cur, action);
            if (shouldPublish(cur, after)) log.push(after);
            st.seen.set(alarm.id, after);
          }
        }
        const reference = fold(log);
        const finals = [...Array(receivers).keys()].map(() => new Map<string, AlarmRecord>()).concat(stations.map((s) => s.seen));
        for (const map of finals) {
          fold(delivery(g, log.length).map((i) => log[i]!), map);
          expect(map).toStrictEqual(reference);
        }
        for (const [id, final] of reference) {
          const mine = log.filter((m) => m.id === id);
          expect(rank(final)).toBe(Math.max(...mine.map(rank)));
          expect(final.hlc).toBe(mine.filter((m) => m.state === final.state).map((m) => m.hlc).sort().at(-1));
          expect(final.count).toBe(Math.max(...mine.map((m) => m.count)));
        }
      }),
      RUNS,
    );
  });
});

const anyHlc = fc.record({ millis: fc.integer({ min: 0, max: MAX_MILLIS }), counter: fc.integer({ min: 0, max: 9999 }), node: fc.stringMatching(/^[A-Za-z0-9_.-]{1,64}$/) });
const nearHlc = fc.record({ millis: fc.integer({ min: 0, max: 2 }), counter: fc.integer({ min: 0, max: 2 }), node: fc.constantFrom('a', 'b', 'a.', 'B', '_', 'ab') });
const someHlc = fc.oneof(anyHlc, nearHlc);

describe('hybrid logical clock', () => {
  it('ticks strictly upwards, never behind the wall clock, even when the wall clock goes back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * BASE }), fc.array(fc.integer({ min: -5_000, max: 5_000 }), { maxLength: 100 }), (start, deltas) => {
        let wall = start;
        let maxWall = start;
        const clock = new HybridClock('n1', () => wall);
        let prev = clock.tick();
        for (const d of deltas) {
          wall = Math.max(0, wall + d);
          maxWall = Math.max(maxWall, wall);
          const next = clock.tick();
          expect(compareHlc(next, prev)).toBe(1);
          expect(next.millis).toBeGreaterThanOrEqual(wall);
          expect(next.millis).toBeLessThanOrEqual(maxWall);
          prev = next;
        }
      }),
      RUNS,
    );
  });

  it('receive(r) is after r (within the drift cap) and after every earlier local stamp; skew beyond the cap is reported, not followed', () => {
    // Equal millis on both sides, the cap's edge and a full counter are the corner cases, so they are drawn often.
    const op = fc.record({
      receive: fc.boolean(),
      dt: fc.oneof(fc.constant(0), fc.integer({ min: -5_000, max: 5_000 })),
      ahead: fc.oneof(fc.constantFrom(0, 60_000, 60_001), fc.integer({ min: -200_000, max: 200_000 })),
      counter: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(9998, 9999)),
      node: fc.constantFrom('a', 'n1', 'z'),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let wall = BASE;
        const reports: SkewReport[] = [];
        const clock = new HybridClock('n1', () => wall, { onSkew: (r) => reports.push(r) });
        let prev: Hlc = { millis: 0, counter: 0, node: '' };
        for (const o of ops) {
          wall += o.dt;
          const remote = { millis: wall + o.ahead, counter: o.counter, node: o.node };
          const before = reports.length;
          const next = o.receive ? clock.receive(remote) : clock.tick();
          expect(compareHlc(next, prev)).toBe(1);
          expect(next.millis).toBeGreaterThanOrEqual(wall);
          if (o.receive && o.ahead <= 60_000) {
            expect(compareHlc(next, remote)).toBe(1);
            expect(reports.length).toBe(before);
          } else if (o.receive) {
            expect(reports.slice(before)).toEqual([{ node: o.node, aheadMs: o.ahead }]);
            expect(next.millis).toBeLessThanOrEqual(Math.max(prev.millis, wall + 60_000) + 1);
          }
          prev = next;
        }
      }),
      RUNS,
    );
  });

  it('advances millis by one when the counter passes 9999', () => {
    const clock = new HybridClock('n1', () => BASE);
    const stamps = Array.from({ length: 10_001 }, () => clock.tick());
    expect(stamps.at(-2)).toEqual({ millis: BASE, counter: 9999, node: 'n1' });
    expect(stamps.at(-1)).toEqual({ millis: BASE + 1, counter: 0, node: 'n1' });
    expect(new HybridClock('n2', () => BASE).receive({ millis: BASE, counter: 9999, node: 'n1' })).toEqual({ millis: BASE + 1, counter: 0, node: 'n2' });
  });

  it('takes its drift cap from the options and refuses a node the payload format cannot carry', () => {
    const reports: SkewReport[] = [];
    const clock = new HybridClock('n1', () => BASE, { maxDriftMs: 1_000, onSkew: (r) => reports.push(r) });
    expect(clock.receive({ millis: BASE + 1_000, counter: 3, node: 'a' })).toEqual({ millis: BASE + 1_000, counter: 4, node: 'n1' });
    expect(clock.receive({ millis: BASE + 86_400_000, counter: 0, node: 'b' })).toEqual({ millis: BASE + 1_000, counter: 5, node: 'n1' });
    expect(reports).toEqual([{ node: 'b', aheadMs: 86_400_000 }]);
    expect(() => new HybridClock('a:b')).toThrow(RangeError);
    expect(() => new HybridClock('')).toThrow(RangeError);
  });

  it('formats to the payload format and parses back', () => {
    fc.assert(
      fc.property(anyHlc, (h) => {
        expect(AlarmStatePayload.shape.hlc.safeParse(formatHlc(h)).success).toBe(true);
        expect(parseHlc(formatHlc(h))).toEqual(h);
      }),
      RUNS,
    );
    const valid = anyHlc.map(formatHlc);
    const text = fc.oneof(valid, valid.map((s) => s.slice(1)), valid.map((s) => `${s}:x`), valid.map((s) => `0${s}`), fc.string({ maxLength: 30 }));
    fc.assert(
      fc.property(text, (s) => {
        const h = parseHlc(s);
        expect(h !== null).toBe(AlarmStatePayload.shape.hlc.safeParse(s).success);
        if (h) expect(formatHlc(h)).toBe(s);
      }),
      RUNS,
    );
  });

  it('compares as a total order that agrees with the formatted strings', () => {
    fc.assert(
      fc.property(someHlc, someHlc, someHlc, (a, b, c) => {
        const fa = formatHlc(a);
        const fb = formatHlc(b);
        expect(compareHlc(a, b) < 0).toBe(compareHlc(b, a) > 0);
        expect(compareHlc(a, b) === 0).toBe(fa === fb);
        expect(Math.sign(compareHlc(a, b))).toBe(fa < fb ? -1 : fa > fb ? 1 : 0);
        if (compareHlc(a, b) <= 0 && compareHlc(b, c) <= 0) expect(compareHlc(a, c)).toBeLessThanOrEqual(0);
      }),
      RUNS,
    );
  });
});
