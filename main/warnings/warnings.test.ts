import { afterEach, describe, expect, it } from 'vitest';
import type { Role, WarningRuleDraft } from '../contract';
import type { Core } from '../core';
import { purgeHistory } from '../store/retention';
import { pushSite, rejection, testCore, signedIn } from '../testing/harness';
import { FIRE_BOTH, FIRE_RISE, FIRE_SMOKE, FLOOR_DEVICES, SMOKE_3F_1, SMOKE_3F_2, warningRule } from './testing';

const SITE = 'test-site';
const PASSWORD = 'Early-Warning-2026';
const S = 1000;
const MIN = 60 * S;
const T0 = Date.parse('2026-12-01T02:00:00Z');

const [smoke, rise, both] = [FIRE_SMOKE, FIRE_RISE, FIRE_BOTH];

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const as = (role: Role) => signedIn(core!, role, { password: PASSWORD });

const send = (rest: string, payload: unknown) => pushSite(core!, rest, payload, SITE);
function registerFloor() {
  for (const [code, { name, area, building, floor }] of Object.entries(FLOOR_DEVICES)) send(`devices/${code}/info`, { name, area, building, floor, ts: 1 });
  core!.ingest.flush();
}
/** Smoke on 3F at T0, then the temperature there climbing 8 °C a minute for 90 s, then steady: one sample every 10 s. */
function fire() {
  send(`devices/${SMOKE_3F_1}/events`, { id: 'smoke-3f-0001', type: 'smoke', ts: T0 });
  for (let s = 0; s <= 400; s += 10) send(`devices/${SMOKE_3F_2}/telemetry`, { ts: T0 + s * S, values: { temperature: s <= 90 ? 25 + (s / 60) * 8 : 37 } });
  core!.ingest.flush();
}
const steps = (history: { type: string; at: number; level?: number }[]) => history.filter((event) => event.type !== 'acknowledged').map((event) => [event.type, event.at, event.level ?? null]);

describe('early warnings at a station', () => {
  it('raise one warning per floor at the gravest level holding, tell windows, are acknowledged with a note, and are shared', async () => {
    core = testCore();
    const [commander, duty, technician] = [await as('emergency_commander'), await as('duty_officer'), await as('technician')];
    for (const rule of [smoke, rise, both]) await commander.call('warningRules.save', rule);
    expect((await duty.call('warningRules.list', {})).map((rule) => [rule.id, rule.status]).sort()).toEqual([
      ['fire-both', { places: 0, capped: null }],
      ['fire-rise', { places: 0, capped: null }],
      ['fire-smoke', { places: 0, capped: null }],
    ]);
    expect((await rejection(duty.call('warningRules.save', { ...smoke, id: 'x' }))).code).toBe('forbidden');
    expect((await rejection(technician.call('warnings.list', {}))).code).toBe('forbidden');
    const heard: string[][] = [];
    duty.on('warnings.changed', ({ warnings }) => heard.push(warnings.map((warning) => warning.id)));
    const raised: number[] = [];
    core.onWarning((warning) => raised.push(warning.level));

    registerFloor();
    fire();
    await expect.poll(() => heard.length).toBeGreaterThan(0);
    const [warning] = await duty.call('warnings.list', {});
    // IV on the smoke; II once the heat climbs with it; back to IV two minutes after the climb stopped (at 120 s), the smoke's 5 minutes still running.
    expect(warning).toMatchObject({ hazard: 'fire', place: { groupBy: 'floor', key: 'A栋/3F', label: 'A栋 3F' }, level: 4, active: true, raisedAt: T0 });
    expect(steps(warning!.history)).toEqual([['raised', T0, 4], ['level', T0 + 30 * S, 2], ['level', T0 + 240 * S, 4]]);
    expect(raised).toEqual([4, 2, 4]);

    const acknowledged = await duty.call('warnings.acknowledge', { id: warning!.id, note: '已派保安到场核实' });
    expect(acknowledged.acknowledged).toEqual([{ by: 'dutyofficer', at: expect.any(Number), note: '已派保安到场核实' }]);
    const published = core.db.prepare('SELECT retain, payload FROM outbox WHERE topic = ? ORDER BY seq').all(`vigil/v1/${SITE}/warnings/${warning!.id}`) as { retain: number; payload: string }[];
    expect(published.at(-1)!.retain).toBe(1);
    expect(JSON.parse(published.at(-1)!.payload).events.map((event: { type: string }) => event.type)).toEqual(['raised', 'level', 'level', 'acknowledged']);
    expect((await rejection(duty.call('warnings.get', { id: 'wn-000000000000000000000000' }))).code).toBe('not_found');

    // Nothing holds after the smoke's 5 minutes; the sweep clears it two minutes later, stamped when it was due.
    core.warnings.sweep(T0 + 30 * MIN);
    expect(await duty.call('warnings.get', { id: warning!.id })).toMatchObject({ active: false, clearedAt: T0 + 5 * MIN + 2 * MIN });
  });

  it('refuse rules that would hold always, never end, or nest, with the reason', async () => {
    core = testCore();
    const commander = await as('emergency_commander');
    const refused = async (rule: unknown) => {
      const error = await rejection(commander.call('warningRules.save', rule as WarningRuleDraft));
      return [error.message, ...(error.issues ?? []).map((issue) => issue.message)].join('; ');
    };
    expect(await refused({ ...smoke, condition: { kind: 'threshold', metric: 'temperature', op: 'above', value: -1e12, forSeconds: 0 } })).toMatch(/hold always or never/);
    expect(await refused({ ...smoke, condition: { ...smoke.condition, windowSeconds: 7 * 86_400 } })).toMatch(/at most 24 h/);
    expect(await refused({ ...both, condition: { ...both.condition, parts: [both.condition, smoke.condition] } })).toMatch(/cannot hold a combination/);
    await commander.call('warningRules.save', smoke);
    expect(await refused({ ...rise, name: smoke.name })).toMatch(/already called/);
  });

  it('dry-run a draft over the stored history to what the live engine raised from the same messages', async () => {
    core = testCore();
    const commander = await as('emergency_commander');
    await commander.call('warningRules.save', both);
    registerFloor();
    fire();
    core.warnings.sweep(T0 + 60 * MIN);
    const [live] = await commander.call('warnings.list', {});
    const dry = await commander.call('warningRules.dryRun', { rule: both, from: T0 - MIN, to: T0 + 60 * MIN });
    expect(dry.stopped).toBeNull();
    expect(dry.places).toEqual([{ place: live!.place, steps: steps(live!.history).map(([type, at, level]) => ({ type, at, level })) }]);
    expect(dry.raised).toBe(1);
    expect(dry.evaluated).toBe(42);
    const tooLong = await rejection(commander.call('warningRules.dryRun', { rule: both, from: T0, to: T0 + 32 * 86_400_000 }));
    expect(tooLong.issues?.map((issue) => issue.message)).toEqual(['to: a dry run looks back at most 31 days']);
  });

  it('stops a dry run of a rule that would warn all the time, with the reason', async () => {
    core = testCore();
    const commander = await as('emergency_commander');
    registerFloor();
    // A sample every 10 s for 4 days, 90 °C every 200 s and 20 °C between, on a rule grouped per device: a warning every 200 s.
    for (let s = 0; s < 4 * 86_400; s += 10) send(`devices/${SMOKE_3F_1}/telemetry`, { ts: T0 + s * S, values: { temperature: (s / 10) % 20 < 1 ? 90 : 20 } });
    core.ingest.flush();
    const noisy = warningRule({ id: 'noisy', groupBy: 'device', condition: { kind: 'threshold', metric: 'temperature', op: 'above', value: 50, forSeconds: 0 } });
    const dry = await commander.call('warningRules.dryRun', { rule: noisy, from: T0, to: T0 + 4 * 86_400_000 });
    expect(dry.raised).toBe(1000);
    expect(dry.stopped).toMatch(/would raise warnings all the time/);
  });

  it('keeps one telemetry sample per device and metric every 10 s for dry runs, and purges it with the retention', () => {
    core = testCore();
    registerFloor();
    for (let s = 0; s < 60; s++) send(`devices/${SMOKE_3F_1}/telemetry`, { ts: T0 + s * S, values: { temperature: 20 + s, humidity: 40 } });
    core.ingest.flush();
    const count = () => core!.db.prepare('SELECT metric, count(*) AS n FROM telemetry_history GROUP BY metric ORDER BY metric').all();
    expect(count()).toEqual([{ metric: 'humidity', n: 6 }, { metric: 'temperature', n: 6 }]);
    purgeHistory(core.db, 1, T0 + 86_400_000 + 30 * S);
    // A day before T0 + 30 s: the samples at 0, 10 and 20 s go.
    expect(count()).toEqual([{ metric: 'humidity', n: 3 }, { metric: 'temperature', n: 3 }]);
  });
});
