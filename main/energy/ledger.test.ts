import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { connectClient, pushSite, testCore } from '../testing/harness';

const SITE = 'test-site';
/** 32061201 01 151 0 000001: a water meter; 150 electricity. */
const WATER = '32061201011510000001';
const POWER = '32061201011500000002';
const CAMERA = '32061201011320000003';
const QUARTER = 900_000;
/** Midnight of 1 March 2026 in Shanghai. */
const T0 = Date.parse('2026-02-28T16:00:00Z');

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

function station(): Core {
  core = testCore();
  for (const [code, building] of [
    [WATER, 'A栋'],
    [POWER, 'B栋'],
    [CAMERA, 'A栋'],
  ] as const) {
    send(`devices/${code}/info`, { name: code.slice(-4), area: '北区', building, floor: '1F', ts: 1 });
  }
  core.ingest.flush();
  return core;
}

const send = (rest: string, payload: unknown) => pushSite(core!, rest, payload, SITE);

const readings = (code: string, values: [number, number][], extra: object = {}) =>
  send(`devices/${code}/readings`, { unit: code === POWER ? 'kWh' : 'm3', readings: values.map(([ts, value]) => ({ ts, value })), ...extra });

const rollups = (step: number) =>
  core!.db.prepare('SELECT start, amount FROM energy_rollups WHERE code = ? AND step = ? ORDER BY start').all(WATER, step) as { start: number; amount: number }[];

async function admin() {
  await core!.auth.createUser({ username: 'manager', displayName: 'Manager', role: 'property_manager', password: 'Meter-Reader-2026' });
  const client = connectClient(core!);
  await client.call('auth.signIn', { username: 'manager', password: 'Meter-Reader-2026', station: 'desk' });
  return client;
}

describe('meter ledger', () => {
  it('rolls quarter hours up into hours, local days and months', () => {
    station();
    readings(WATER, [
      [T0 - QUARTER, 100],
      [T0, 101],
      [T0 + QUARTER, 103],
      [T0 + 4 * QUARTER, 110],
    ]);
    core!.ingest.flush();
    expect(rollups(0).map((row) => [row.start, Math.round(row.amount * 1e9) / 1e9])).toEqual([
      [T0 - QUARTER, 1],
      [T0, 2],
      [T0 + QUARTER, 2.333333333],
      [T0 + 2 * QUARTER, 2.333333333],
      [T0 + 3 * QUARTER, 2.333333333],
    ]);
    // The quarter before midnight is February's, in Shanghai.
    expect(rollups(2).map((row) => [row.start, Math.round(row.amount * 1e9) / 1e9])).toEqual([
      [T0 - 86_400_000, 1],
      [T0, 9],
    ]);
    expect(rollups(3).map((row) => row.start)).toEqual([Date.parse('2026-01-31T16:00:00Z'), T0]);
  });

  it('counts a replayed message, duplicates and late readings once, and quarantines a register going backwards with its reason', async () => {
    station();
    const day: [number, number][] = [
      [T0, 5050],
      [T0 + QUARTER, 5052],
      [T0 + 2 * QUARTER, 5055],
    ];
    readings(WATER, day);
    readings(WATER, day);
    readings(WATER, [
      [T0 + QUARTER, 5052],
      [T0 + 3 * QUARTER, 4980],
      [T0 + 4 * QUARTER, 5058],
    ]);
    core!.ingest.flush();
    const total = rollups(1).reduce((sum, row) => sum + row.amount, 0);
    expect(total).toBe(8);
    const client = await admin();
    const [meter] = await client.call('energy.meters', { kind: 'water' });
    expect(meter).toMatchObject({ code: WATER, register: 5058, flag: { reason: 'backwards', at: T0 + 3 * QUARTER, count: 1 } });
    expect(await client.call('energy.quarantine', { code: WATER })).toMatchObject([{ code: WATER, at: T0 + 3 * QUARTER, value: 4980, reason: 'backwards' }]);
    // Two faults in one message count as two refused readings.
    readings(WATER, [
      [T0 + 5 * QUARTER, 4000],
      [T0 + 6 * QUARTER, 90_000],
    ]);
    core!.ingest.flush();
    const [flagged] = await client.call('energy.meters', { kind: 'water' });
    expect(flagged!.flag).toEqual({ reason: 'jump', at: T0 + 6 * QUARTER, count: 3 });
  });

  it('refuses readings in the wrong unit, from a device that is no meter, and from an unknown meter, with reasons', () => {
    station();
    readings(WATER, [[T0, 1]], { unit: 'kWh' });
    readings(CAMERA, [[T0, 1]]);
    readings('32061201011510000099', [[T0, 1]]);
    send(`devices/${WATER}/readings`, { unit: 'm3', readings: [] });
    core!.ingest.flush();
    const reasons = (core!.db.prepare('SELECT reason FROM quarantine ORDER BY id').all() as { reason: string }[]).map((row) => row.reason);
    expect(reasons).toEqual([
      'meterReadings: a water meter counts in m3, not kWh',
      `meterReadings: ${CAMERA} is not a water, electricity or gas meter`,
      'unknown device: 32061201011510000099 is not registered',
      'meterReadings: readings: Too small: expected array to have >=1 items',
    ]);
    expect(rollups(0)).toEqual([]);
  });

  it('continues from the stored register after a restart: a new ledger reads its baseline from the store', async () => {
    const first = station();
    readings(WATER, [[T0, 10]]);
    first.ingest.flush();
    const dataDir = first.db.name.replace(/\/vigil\.db$/, '');
    await first.close();
    core = testCore({ dataDir });
    readings(WATER, [[T0 + QUARTER, 14]]);
    core.ingest.flush();
    expect(rollups(0)).toEqual([{ start: T0, amount: 4 }]);
  });

  it('answers a series with 环比 and 同比, and a breakdown by building', async () => {
    station();
    const lastYear = Date.parse('2025-02-28T16:00:00Z');
    readings(POWER, [
      [lastYear, 0],
      [lastYear + 86_400_000, 100],
      [T0 - 86_400_000, 1000],
      [T0, 1200],
      [T0 + 86_400_000, 1500],
    ]);
    readings(WATER, [
      [T0, 5],
      [T0 + 86_400_000, 9],
    ]);
    core!.ingest.flush();
    const client = await admin();
    const series = await client.call('energy.series', { scope: { site: true }, kind: 'electricity', period: { unit: 'week', date: '2026-03-01' }, step: '1d', compare: true });
    expect(series.unit).toBe('kWh');
    // Sunday 1 March closes the week from Monday 23 February: its last day used 300, the one before 200.
    expect(series.points.map((point) => point.amount).slice(-2)).toEqual([200, 300]);
    // 环比: the week before lies inside the year-long gap between readings, spread evenly.
    const perDay = (900 * 86_400_000) / (T0 - 86_400_000 - (lastYear + 86_400_000));
    for (const point of series.previous!.points) expect(point.amount).toBeCloseTo(perDay, 9);
    // 同比: 52 weeks before, from Monday 24 February 2025; 1 March 2025 (its Saturday) used the first 100.
    expect(series.lastYear!.points.map((point) => Math.round(point.amount * 1e6) / 1e6)).toEqual([0, 0, 0, 0, 0, 100, Math.round(perDay * 1e6) / 1e6]);
    const building = await client.call('energy.series', { scope: { building: 'A栋' }, kind: 'water', period: { unit: 'day', date: '2026-03-01' }, step: '1h' });
    expect(building.points).toHaveLength(24);
    expect(building.total).toBeCloseTo(4, 9);
    const breakdown = await client.call('energy.breakdown', { kind: 'electricity', by: 'building', period: { unit: 'month', date: '2026-03-01' } });
    expect(breakdown.shares).toEqual([{ key: 'B栋', label: 'B栋', amount: 300 }]);
    await expect(client.call('energy.series', { scope: { site: true }, kind: 'water', period: { unit: 'year', date: '2026-03-01' }, step: '15m' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('meter ledger (property)', () => {
  it('whatever arrives twice, in other messages or across a rollover, every step adds up to the same use, and a replay changes nothing', () => {
    const series = fc.record({
      use: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 120 }),
      batches: fc.array(fc.integer({ min: 1, max: 96 }), { minLength: 1, maxLength: 20 }),
      twice: fc.array(fc.boolean(), { maxLength: 120 }),
      gap: fc.integer({ min: 1, max: 12 }),
    });
    return fc.assert(
      fc.asyncProperty(series, async ({ use, batches, twice, gap }) => {
        station();
        let value = 999_900;
        const truth: [number, number][] = [[T0, value]];
        use.forEach((amount, i) => truth.push([T0 + (i + 1) * gap * QUARTER, (value = (value + amount) % 1_000_000)]));
        const sent = truth.flatMap((reading, i) => (twice[i] ? [reading, reading] : [reading]));
        const messages: [number, number][][] = [];
        for (let i = 0, b = 0; i < sent.length; i += batches[b % batches.length]!, b++) messages.push(sent.slice(i, i + batches[b % batches.length]!));
        for (const message of messages) readings(WATER, message, { rolloverAt: 1_000_000 });
        core!.ingest.flush();
        const expected = use.reduce((sum, amount) => sum + amount, 0);
        const totals = () => [0, 1, 2, 3].map((step) => rollups(step).reduce((sum, row) => sum + row.amount, 0));
        for (const total of totals()) expect(total).toBeCloseTo(expected, 6);
        for (const message of messages) readings(WATER, message, { rolloverAt: 1_000_000 });
        core!.ingest.flush();
        for (const total of totals()) expect(total).toBeCloseTo(expected, 6);
        await core!.close();
        core = null;
      }),
      { numRuns: 25 },
    );
  });
});
