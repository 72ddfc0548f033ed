import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WarningDryRun, WarningPart } from '../contract/warnings';
import type { Core } from '../core';
import { pushSite, testCore } from '../testing/harness';
import { dryRun } from './dry-run';
import { deviceFacts } from './history';
import { DOOR_3F_1, DOOR_3F_2, FLOOR_DEVICES, SMOKE_3F_1, SMOKE_3F_2, warningRule } from './testing';

const S = 1000;
const T0 = Date.parse('2026-12-01T02:00:00Z');
const END = T0 + 45 * 60 * S;

const part: fc.Arbitrary<WarningPart> = fc.oneof(
  fc.record({ kind: fc.constant('threshold' as const), metric: fc.constant('temperature'), op: fc.constantFrom('above' as const, 'below' as const), value: fc.constantFrom(30, 50), forSeconds: fc.constantFrom(0, 30, 120, 300) }),
  fc.record({ kind: fc.constant('rate' as const), metric: fc.constant('temperature'), direction: fc.constantFrom('rising' as const, 'falling' as const), perMinute: fc.constantFrom(2, 5), windowSeconds: fc.constantFrom(60, 120) }),
  fc.record({ kind: fc.constant('count' as const), eventType: fc.constant('door_forced'), atLeast: fc.integer({ min: 1, max: 4 }), windowSeconds: fc.constantFrom(60, 300, 600) }),
);
const condition = fc.oneof(part, fc.record({ kind: fc.constant('combination' as const), parts: fc.array(part, { minLength: 2, maxLength: 3 }), windowSeconds: fc.constantFrom(30, 120, 300) }));
/** A sensor's temperature, every 10 s: straight lines from one value to the next over each stretch (steady, climbing, falling). */
const stretches = fc.array(fc.record({ seconds: fc.integer({ min: 1, max: 60 }).map((n) => n * 10), value: fc.integer({ min: 0, max: 80 }) }), { maxLength: 12 });
const doors = fc.array(fc.record({ code: fc.constantFrom(DOOR_3F_1, DOOR_3F_2), at: fc.integer({ min: 0, max: 45 * 60 }).map((s) => T0 + s * S) }), { maxLength: 16 });

let core: Core;
beforeAll(() => {
  core = testCore();
  for (const [code, { name, area, building, floor }] of Object.entries(FLOOR_DEVICES)) pushSite(core, `devices/${code}/info`, { name, area, building, floor, ts: 1 });
  core.ingest.flush();
});
afterAll(() => core.close());

/** Stores a history as the ingest keeps it (a sample every 10 s), in place of the last one. */
function store(sensors: { seconds: number; value: number }[][], events: { code: string; at: number }[]) {
  core.db.prepare('DELETE FROM telemetry_history').run();
  core.db.prepare('DELETE FROM device_events').run();
  const sample = core.db.prepare('INSERT INTO telemetry_history (metric, at, code, value) VALUES (?, ?, ?, ?)');
  [SMOKE_3F_1, SMOKE_3F_2].forEach((code, index) => {
    let [at, value] = [T0, 20];
    for (const { seconds, value: target } of sensors[index]!) {
      for (let step = 0; step < seconds; step += 10) sample.run('temperature', at + step * S, code, value + ((target - value) * step) / seconds);
      [at, value] = [at + seconds * S, target];
    }
    for (; at <= END; at += 10 * S) sample.run('temperature', at, code, value);
  });
  const event = core.db.prepare("INSERT INTO device_events (id, code, type, severity, at, received_at) VALUES (?, ?, 'door_forced', 'major', ?, ?)");
  events.forEach(({ code, at }, index) => event.run(`door-${index}`, code, at, at));
}

/** A run over the whole history, as seen from `from`: what a rule running all along would show from there. */
function seenFrom(full: WarningDryRun, from: number) {
  const places = full.places.map(({ place, steps }) => {
    const before = steps.filter((step) => step.at < from).at(-1);
    const holding = before && before.type !== 'cleared' ? [{ type: 'holding' as const, at: from, level: before.level }] : [];
    return { place, steps: [...holding, ...steps.filter((step) => step.at >= from)] };
  });
  return { places: places.filter(({ steps }) => steps.length), raised: full.places.flatMap(({ steps }) => steps).filter((step) => step.type === 'raised' && step.at >= from).length };
}
const byPlace = (run: { places: WarningDryRun['places'] }) => [...run.places].sort((a, b) => a.place.key.localeCompare(b.place.key));

describe('a dry run with its look-back', () => {
  it('shows from its start what the same rule run over the whole history shows from there', () => {
    fc.assert(
      fc.property(condition, fc.constantFrom('floor' as const, 'device' as const), fc.tuple(stretches, stretches), doors, fc.integer({ min: 1, max: 40 * 60 }), (condition, groupBy, sensors, events, fromSecond) => {
        store(sensors, events);
        const rule = warningRule({ id: 'drawn', groupBy, condition });
        const from = T0 + fromSecond * S;
        const devices = deviceFacts(core.db);
        const expected = seenFrom(dryRun(core.db, devices, { rule, from: T0, to: END }), from);
        const run = dryRun(core.db, devices, { rule, from, to: END });
        expect(byPlace(run)).toEqual(byPlace(expected));
        expect(run.raised).toBe(expected.raised);
      }),
      { numRuns: 150 },
    );
  });
});
