import { describe, expect, it } from 'vitest';
import { WarningRuleDraftSchema } from '../contract/warnings';
import { DOOR_3F_1, DOOR_3F_2, engineOf, SMOKE_3F_1, SMOKE_3F_2, SMOKE_4F, warningRule } from './testing';

const T0 = Date.parse('2026-12-01T02:00:00Z');
const S = 1000;
const MIN = 60 * S;
const HOLD = 2 * MIN;

const hot = warningRule({ id: 'hot', level: 3, condition: { kind: 'threshold', metric: 'temperature', op: 'above', value: 60, forSeconds: 30 } });
const rising = warningRule({ id: 'rising', level: 3, condition: { kind: 'rate', metric: 'temperature', direction: 'rising', perMinute: 5, windowSeconds: 60 } });
const smoke = warningRule({ id: 'smoke', level: 4, condition: { kind: 'count', eventType: 'smoke', atLeast: 1, windowSeconds: 60 } });
const both = warningRule({
  id: 'smoke-and-rise',
  level: 2,
  condition: { kind: 'combination', windowSeconds: 120, parts: [smoke.condition as never, rising.condition as never] },
});
const forced = warningRule({ id: 'forced', hazard: 'intrusion', level: 3, condition: { kind: 'count', eventType: 'door_forced', atLeast: 3, windowSeconds: 600 } });

describe('threshold warnings', () => {
  it('raise once a reading has stayed past the threshold for its time, at the moment it had, and clear a hold time after it falls back', () => {
    const { engine, steps } = engineOf([hot]);
    for (const [offset, value] of [[0, 61], [10, 62], [20, 63], [40, 64]] as const) engine.onTelemetry(SMOKE_3F_1, { ts: T0 + offset * S, values: { temperature: value } });
    expect(steps()).toEqual([['raised', T0 + 30 * S, 3]]);
    engine.onTelemetry(SMOKE_3F_1, { ts: T0 + 50 * S, values: { temperature: 40 } });
    engine.advance(T0 + 50 * S + HOLD - 1);
    expect(steps()).toHaveLength(1);
    engine.advance(T0 + 50 * S + HOLD);
    expect(steps()).toEqual([['raised', T0 + 30 * S, 3], ['cleared', T0 + 50 * S + HOLD, null]]);
  });

  it('ignore late and repeated samples, and hold while any device of the place holds', () => {
    const { engine, steps } = engineOf([{ ...hot, condition: { ...hot.condition, forSeconds: 0 } as never }]);
    engine.onTelemetry(SMOKE_3F_1, { ts: T0, values: { temperature: 70 } });
    engine.onTelemetry(SMOKE_3F_2, { ts: T0 + 5 * S, values: { temperature: 70 } });
    engine.onTelemetry(SMOKE_3F_1, { ts: T0, values: { temperature: 10 } }); // repeated
    engine.onTelemetry(SMOKE_3F_1, { ts: T0 - 5 * S, values: { temperature: 10 } }); // late
    engine.onTelemetry(SMOKE_3F_1, { ts: T0 + 10 * S, values: { temperature: 10 } }); // one of two falls back
    engine.sweep(T0 + 10 * MIN);
    expect(steps()).toEqual([['raised', T0, 3]]);
    engine.onTelemetry(SMOKE_3F_2, { ts: T0 + 11 * MIN, values: { temperature: 10 } });
    engine.sweep(T0 + 20 * MIN);
    expect(steps()).toEqual([['raised', T0, 3], ['cleared', T0 + 11 * MIN + HOLD, null]]);
  });

  it('keep one warning per floor: another floor has its own', () => {
    const { engine, changes } = engineOf([{ ...hot, condition: { ...hot.condition, forSeconds: 0 } as never }]);
    engine.onTelemetry(SMOKE_3F_1, { ts: T0, values: { temperature: 70 } });
    engine.onTelemetry(SMOKE_4F, { ts: T0, values: { temperature: 70 } });
    expect(changes.map(({ place }) => place.label)).toEqual(['A栋 3F', 'A栋 4F']);
    expect(new Set(changes.map(({ warning }) => warning)).size).toBe(2);
  });
});

describe('rate warnings', () => {
  it('raise when a reading climbs at least the rate over its window, not on a slow rise', () => {
    const { engine, steps } = engineOf([rising]);
    // 1 °C a minute for five minutes: nothing.
    for (let s = 0; s <= 300; s += 10) engine.onTelemetry(SMOKE_3F_1, { ts: T0 + s * S, values: { temperature: 25 + s / 60 } });
    expect(steps()).toEqual([]);
    // Then 6 °C a minute: raised once half the window shows it.
    for (let s = 310; s <= 400; s += 10) engine.onTelemetry(SMOKE_3F_1, { ts: T0 + s * S, values: { temperature: 30 + ((s - 300) / 60) * 6 } });
    expect(steps()[0]?.[0]).toBe('raised');
    const at = steps()[0]![1] as number;
    expect(at).toBeGreaterThan(T0 + 300 * S);
    expect(at).toBeLessThanOrEqual(T0 + 360 * S);
  });
});

describe('count warnings', () => {
  it('raise on the third forced door within ten minutes, and end when the first falls out of the window', () => {
    const { engine, steps, changes } = engineOf([forced]);
    engine.onEvent(DOOR_3F_1, { type: 'door_forced', ts: T0 });
    engine.onEvent(DOOR_3F_2, { type: 'door_forced', ts: T0 + 4 * MIN });
    engine.onEvent(DOOR_3F_1, { type: 'access_granted', ts: T0 + 5 * MIN });
    expect(steps()).toEqual([]);
    engine.onEvent(DOOR_3F_2, { type: 'door_forced', ts: T0 + 9 * MIN });
    expect(steps()).toEqual([['raised', T0 + 9 * MIN, 3]]);
    expect(changes[0]).toMatchObject({ hazard: 'intrusion', place: { groupBy: 'floor', key: 'A栋/3F' } });
    engine.sweep(T0 + 60 * MIN);
    expect(steps()).toEqual([['raised', T0 + 9 * MIN, 3], ['cleared', T0 + 10 * MIN + HOLD, null]]);
  });

  it('do not count three doors spread over more than the window', () => {
    const { engine, steps } = engineOf([forced]);
    for (const minute of [0, 6, 12, 18]) engine.onEvent(DOOR_3F_1, { type: 'door_forced', ts: T0 + minute * MIN });
    engine.sweep(T0 + 60 * MIN);
    expect(steps()).toEqual([]);
  });
});

describe('a fire on a floor: smoke, then heat', () => {
  const fire = (engine: ReturnType<typeof engineOf>['engine']) => {
    engine.onEvent(SMOKE_3F_1, { type: 'smoke', ts: T0 });
    for (let s = 0; s <= 90; s += 10) engine.onTelemetry(SMOKE_3F_2, { ts: T0 + s * S, values: { temperature: 25 + (s / 60) * 8 } });
  };

  it('raises IV on the smoke, goes to II when the heat rises with it, back down as each ends, and clears', () => {
    const { engine, steps, changes } = engineOf([smoke, rising, both]);
    fire(engine);
    expect(steps()).toEqual([
      ['raised', T0, 4],
      ['level', T0 + 30 * S, 2],
    ]);
    expect(new Set(changes.map(({ warning }) => warning)).size).toBe(1);
    // The heat stops rising: the rise ends at the first sample no longer showing 5 °C a minute over its window (120 s), the smoke's
    // window ran out at 60 s, and the combination holds on until one of them has been over for its 2 minutes: 60 s + 120 s.
    for (let s = 100; s <= 400; s += 10) engine.onTelemetry(SMOKE_3F_2, { ts: T0 + s * S, values: { temperature: 37 } });
    engine.sweep(T0 + 30 * MIN);
    expect(steps()).toEqual([
      ['raised', T0, 4],
      ['level', T0 + 30 * S, 2],
      ['cleared', T0 + 180 * S + HOLD, null],
    ]);
  });

  it('gives the same events whichever way the engine is fed the same messages, step by step or all then swept', () => {
    const a = engineOf([smoke, rising, both]);
    const b = engineOf([smoke, rising, both]);
    fire(a.engine);
    fire(b.engine);
    a.engine.sweep(T0 + 5 * MIN);
    a.engine.sweep(T0 + 60 * MIN);
    b.engine.sweep(T0 + 60 * MIN);
    expect(a.changes).toEqual(b.changes);
  });

  it('raises nothing new when a condition flaps within the hold time', () => {
    const { engine, changes } = engineOf([smoke]);
    for (const minute of [0, 2, 4, 6]) engine.onEvent(SMOKE_3F_1, { type: 'smoke', ts: T0 + minute * MIN });
    engine.sweep(T0 + 30 * MIN);
    expect(changes.map(({ event }) => event.type)).toEqual(['raised', 'cleared']);
    expect(changes[1]!.event.at).toBe(T0 + 7 * MIN + HOLD);
  });

  it('downgrades when the graver rule stops while a lesser one still holds', () => {
    const { engine, steps } = engineOf([{ ...smoke, condition: { ...smoke.condition, windowSeconds: 600 } as never }, { ...hot, level: 2, condition: { ...hot.condition, forSeconds: 0 } as never }]);
    engine.onEvent(SMOKE_3F_1, { type: 'smoke', ts: T0 });
    engine.onTelemetry(SMOKE_3F_2, { ts: T0 + MIN, values: { temperature: 80 } });
    engine.onTelemetry(SMOKE_3F_2, { ts: T0 + 2 * MIN, values: { temperature: 20 } });
    engine.sweep(T0 + 60 * MIN);
    expect(steps()).toEqual([
      ['raised', T0, 4],
      ['level', T0 + MIN, 2],
      ['level', T0 + 2 * MIN, 4],
      ['cleared', T0 + 10 * MIN + HOLD, null],
    ]);
  });
});

describe('rules that would match everything or never end are refused', () => {
  const refusal = (condition: unknown) => {
    const parsed = WarningRuleDraftSchema.safeParse({ id: 'bad', name: 'bad', enabled: true, hazard: 'fire', level: 3, scope: {}, groupBy: 'floor', condition });
    return parsed.success ? null : parsed.error.issues.map((issue) => issue.message).join('; ');
  };
  it.each([
    [{ kind: 'threshold', metric: 'temperature', op: 'above', value: -1e12, forSeconds: 0 }, 'hold always or never'],
    [{ kind: 'count', eventType: 'smoke', atLeast: 1, windowSeconds: 90_000 }, 'at most 24 h'],
    [{ kind: 'count', eventType: 'door_forced', atLeast: 20_000, windowSeconds: 600 }, 'not a warning'],
    [{ kind: 'rate', metric: 'temperature', direction: 'rising', perMinute: 0, windowSeconds: 60 }, 'above 0'],
    [{ kind: 'combination', windowSeconds: 60, parts: [{ kind: 'count', eventType: 'smoke', atLeast: 1, windowSeconds: 60 }] }, 'combination of one part'],
    [
      { kind: 'combination', windowSeconds: 60, parts: [{ kind: 'count', eventType: 'smoke', atLeast: 1, windowSeconds: 60 }, { kind: 'combination', windowSeconds: 60, parts: [] }] },
      'cannot hold a combination',
    ],
  ])('%j', (condition, reason) => {
    expect(refusal(condition)).toContain(reason);
  });
});
