import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../contract';
import type { Core } from '../core';
import { DEMO_TARIFF } from '../demo/tariff';
import { connectClient, pushSite, rejection, testCore, signedIn } from '../testing/harness';
import { BuildingRegistry } from './buildings';
import { EnergyCalendar } from './calendar';
import { EnergyCosts } from './costs';
import { EnergyQueries } from './queries';

const SITE = 'test-site';
/** 32061201 01 150 0 …: electricity meters; 151 a water meter. */
const POWER_A = '32061201011500000001';
const POWER_B = '32061201011500000002';
const WATER_A = '32061201011510000003';
const HOUR = 3_600_000;
/** Midnight of Monday 2 March 2026 in Shanghai. */
const T0 = Date.parse('2026-03-01T16:00:00Z');
const MONDAY = { unit: 'day' as const, date: '2026-03-02' };
const PASSWORD = 'Meter-Reader-2026';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const send = (rest: string, payload: unknown) => pushSite(core!, rest, payload, SITE);

/** Readings every hour: `perHour(hour)` used in the hour starting at T0 + hour h. */
function hourly(code: string, from: number, hours: number, perHour: (hour: number) => number) {
  let value = 1000;
  const readings = [{ ts: from, value }];
  for (let hour = 0; hour < hours; hour++) readings.push({ ts: from + (hour + 1) * HOUR, value: (value += perHour(hour)) });
  for (let i = 0; i < readings.length; i += 96) send(`devices/${code}/readings`, { unit: code === WATER_A ? 'm3' : 'kWh', readings: readings.slice(i, i + 96) });
}

async function station() {
  core = testCore();
  for (const [code, building] of [
    [POWER_A, 'A栋'],
    [POWER_B, 'B栋'],
    [WATER_A, 'A栋'],
  ] as const) {
    send(`devices/${code}/info`, { name: `${building} ${code.slice(-1)}`, area: '北区', building, floor: '1F', ts: 1 });
  }
  core.ingest.flush();
  return core;
}

const as = (role: Role) => signedIn(core!, role, { password: PASSWORD });

describe('tariffs', () => {
  it('are set by a property manager, audited and shared as a retained message; readers may look but not change them', async () => {
    await station();
    const manager = await as('property_manager');
    expect(await manager.call('energy.tariff', {})).toBeNull();
    const saved = await manager.call('energy.saveTariff', DEMO_TARIFF);
    expect(saved).toMatchObject({ ...DEMO_TARIFF, updatedBy: 'propertymanager' });
    const [row] = core!.db.prepare("SELECT topic, retain, payload FROM outbox WHERE topic LIKE '%/energy/tariff'").all() as { topic: string; retain: number; payload: string }[];
    expect(row).toMatchObject({ topic: `vigil/v1/${SITE}/energy/tariff`, retain: 1 });
    expect(JSON.parse(row!.payload)).toMatchObject({ electricity: DEMO_TARIFF.electricity, updatedBy: 'propertymanager' });
    expect(core!.audit.list({ limit: 5 }).map((entry) => entry.action)).toContain('energy.saveTariff');

    for (const role of ['duty_officer', 'auditor', 'shift_supervisor'] as const) {
      const reader = await as(role);
      expect(await reader.call('energy.tariff', {})).toMatchObject({ water: { price: 5 } });
      expect((await rejection(reader.call('energy.saveTariff', { ...DEMO_TARIFF, water: { price: 0 } }))).code).toBe('forbidden');
    }
    expect(await manager.call('energy.tariff', {})).toMatchObject({ water: { price: 5 } });
    // Every role reads energy; a window nobody has signed in at reads nothing of it.
    const stranger = connectClient(core!);
    for (const call of [stranger.call('energy.tariff', {}), stranger.call('energy.cost', { scope: { site: true }, kind: 'water', period: MONDAY }), stranger.call('energy.top', { kind: 'water', period: MONDAY })]) {
      expect((await rejection(call)).code).toBe('unauthenticated');
    }
  });

  it('refuses bands that leave an hour out, saying which', async () => {
    await station();
    const manager = await as('property_manager');
    const spans = DEMO_TARIFF.electricity.spans.filter((span) => span.from !== 21);
    const error = await rejection(manager.call('energy.saveTariff', { ...DEMO_TARIFF, electricity: { ...DEMO_TARIFF.electricity, spans } }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'electricity.spans', message: '21:00–22:00 is in no span: the spans must cover the 24 hours' })]);
  });

  it("take another station's later change and ignore an earlier one", async () => {
    await station();
    core!.tariffs.seed(DEMO_TARIFF);
    const record = (millis: number, water: number) => ({ ...DEMO_TARIFF, water: { price: water }, hlc: `${String(millis).padStart(13, '0')}:0000:desk-2`, updatedBy: '赵六' });
    send('energy/tariff', record(Date.now() - 1000, 6.2));
    core!.ingest.flush();
    expect(core!.tariffs.get()).toMatchObject({ water: { price: 6.2 }, updatedBy: '赵六' });
    send('energy/tariff', record(Date.now() - 5000, 4));
    core!.ingest.flush();
    expect(core!.tariffs.get()?.water.price).toBe(6.2);
  });
});

describe('what energy costs', () => {
  it("splits a day's electricity by band, prices water by m³, and says so when no tariff is set", async () => {
    await station();
    hourly(POWER_A, T0, 24, () => 10);
    hourly(WATER_A, T0, 24, () => 0.5);
    core!.ingest.flush();
    const reader = await as('duty_officer');
    const site = { scope: { site: true as const }, period: MONDAY };
    expect((await reader.call('energy.cost', { ...site, kind: 'electricity' })).cost).toBeNull();
    core!.tariffs.seed(DEMO_TARIFF);
    const power = await reader.call('energy.cost', { ...site, kind: 'electricity' });
    // 8 peak, 8 flat and 8 valley hours of 10 kWh each.
    expect(power.bands.map(({ band, amount }) => [band, amount])).toEqual([
      ['peak', 80],
      ['flat', 80],
      ['valley', 80],
    ]);
    expect(power.cost).toBeCloseTo(80 * (1.2 + 0.75 + 0.35), 9);
    const water = await reader.call('energy.cost', { scope: { building: 'A栋' }, kind: 'water', period: MONDAY });
    expect(water).toMatchObject({ unit: 'm3', amount: 12, price: 5, bands: [] });
    expect(water.cost).toBeCloseTo(60, 9);
  });

  it('ranks the meters that used most, with their share and change against the day before', async () => {
    await station();
    hourly(POWER_A, T0 - 24 * HOUR, 48, (hour) => (hour < 24 ? 5 : 10));
    hourly(POWER_B, T0, 24, () => 30);
    core!.ingest.flush();
    const reader = await as('duty_officer');
    const top = await reader.call('energy.top', { kind: 'electricity', period: MONDAY });
    expect(top.total).toBeCloseTo(960, 9);
    expect(top.meters.map(({ code, share, change }) => [code, share, change])).toEqual([
      [POWER_B, 0.75, null],
      [POWER_A, 0.25, 1],
    ]);
    expect((await reader.call('energy.top', { kind: 'electricity', period: MONDAY, building: 'A栋', limit: 1 })).meters.map((meter) => meter.code)).toEqual([POWER_A]);
  });

  it('sets a day still running against the same hours of the day before', async () => {
    await station();
    hourly(POWER_A, T0 - 24 * HOUR, 36, () => 10);
    core!.ingest.flush();
    const calendar = new EnergyCalendar('Asia/Shanghai');
    const at = (now: number) => new EnergyCosts({ db: core!.db, queries: new EnergyQueries(core!.db, calendar), tariffs: core!.tariffs, buildings: new BuildingRegistry(core!.db), calendar, now: () => now });
    const [midday] = at(T0 + 12 * HOUR + 1).top({ kind: 'electricity', period: MONDAY, limit: 5 }).meters;
    expect(midday).toMatchObject({ amount: 120, previous: 130, change: -1 / 13 });
    const [later] = at(T0 + 48 * HOUR).top({ kind: 'electricity', period: MONDAY, limit: 5 }).meters;
    expect(later).toMatchObject({ amount: 120, previous: 240, change: -0.5 });
  });

  it('counts per m² and per resident where the site published a building\'s facts, and nothing where it did not', async () => {
    await station();
    send('buildings/bldg-a/info', { name: 'A栋', floorArea: 2000, residents: 40, ts: 10 });
    // An older retained copy changes nothing.
    send('buildings/bldg-a/info', { name: 'A栋', floorArea: 1, ts: 5 });
    hourly(POWER_A, T0, 24, () => 10);
    hourly(POWER_B, T0, 24, () => 5);
    core!.ingest.flush();
    const reader = await as('property_manager');
    expect(await reader.call('energy.intensity', { kind: 'electricity', period: MONDAY })).toEqual([
      { building: 'A栋', amount: 240, floorArea: 2000, residents: 40, perArea: 0.12, perResident: 6 },
      { building: 'B栋', amount: 120, floorArea: null, residents: null, perArea: null, perResident: null },
    ]);
    send('buildings/bldg-b/info', { name: 'B栋', floorArea: 0.5, residents: 0, ts: 1 });
    core!.ingest.flush();
    expect((await reader.call('energy.intensity', { kind: 'electricity', period: MONDAY }))[1]).toMatchObject({ floorArea: 0.5, residents: 0, perArea: 240, perResident: null });
  });
});
