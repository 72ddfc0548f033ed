import { afterEach, describe, expect, it } from 'vitest';
import type { CoreClient, WarningDryRun, WarningRuleDraft } from '../contract';
import { WARNING_HOLD_MS, WarningConditionSchema } from '../contract/warnings';
import type { Core } from '../core';
import { connectClient, pushSite, rejection, testCore } from '../testing/harness';
import { HISTORY_STEP_MS } from './history';
import { lookBackMs } from './look-back';
import { DOOR_3F_1, DOOR_3F_2, FIRE_BOTH, FIRE_RISE, FLOOR_DEVICES, SMOKE_3F_1, SMOKE_3F_2, warningRule } from './testing';

const S = 1000;
const MIN = 60 * S;
/** The start of the range the commander asks about: an hour into the stored history. */
const FROM = Date.parse('2026-12-01T03:00:00Z');
const TO = FROM + 30 * MIN;
const PASSWORD = 'Early-Warning-2026';

const hot = (forSeconds: number) => warningRule({ id: 'hot', condition: { kind: 'threshold', metric: 'temperature', op: 'above', value: 50, forSeconds } });
const doors = warningRule({ id: 'doors', hazard: 'intrusion', condition: { kind: 'count', eventType: 'door_forced', atLeast: 5, windowSeconds: 600 } });

let core: Core | null = null;
let commander: CoreClient;
afterEach(async () => {
  await core?.close();
  core = null;
});

async function station() {
  core = testCore();
  await core.auth.createUser({ username: 'commander', displayName: 'commander', role: 'emergency_commander', password: PASSWORD });
  commander = connectClient(core);
  await commander.call('auth.signIn', { username: 'commander', password: PASSWORD, station: 'desk' });
  for (const [code, { name, area, building, floor }] of Object.entries(FLOOR_DEVICES)) pushSite(core, `devices/${code}/info`, { name, area, building, floor, ts: 1 });
  core.ingest.flush();
}

/** One temperature sample every 10 s from `from` to `to`, as a sensor reports it. */
function temperature(code: string, from: number, to: number, value: (at: number) => number) {
  for (let at = from; at <= to; at += 10 * S) pushSite(core!, `devices/${code}/telemetry`, { ts: at, values: { temperature: value(at) } });
  core!.ingest.flush();
}
function events(type: string, list: [code: string, at: number][]) {
  list.forEach(([code, at], index) => pushSite(core!, `devices/${code}/events`, { id: `${type}-${index}-${at}`, type, ts: at }));
  core!.ingest.flush();
}
/** 8 °C a minute from `start` for `seconds`, then steady: a fire's heat rising. */
const rising =
  (start: number, seconds = 90) =>
  (at: number) =>
    25 + (Math.min(at - start, seconds * S) / MIN) * 8;

const dryRun = (rule: WarningRuleDraft, from = FROM, to = TO) => commander.call('warningRules.dryRun', { rule, from, to });
/** The same dry run on a history that holds nothing before `from`: what a run without the look-back would see. */
function withoutHistoryBefore(rule: WarningRuleDraft): Promise<WarningDryRun> {
  core!.db.prepare('DELETE FROM telemetry_history WHERE at < ?').run(FROM);
  core!.db.prepare('DELETE FROM device_events WHERE at < ?').run(FROM);
  return dryRun(rule);
}
const firstSteps = (run: WarningDryRun) => run.places.map(({ place, steps }) => [place.key, steps[0]]);

describe('a dry run looks back before its start', () => {
  it('as far as the rule: its longest hold or window, a combination its parts and its window, then the hold time and one history step', () => {
    const margin = WARNING_HOLD_MS + HISTORY_STEP_MS;
    expect(lookBackMs(hot(300).condition, WARNING_HOLD_MS)).toBe(300 * S + margin);
    expect(lookBackMs(FIRE_RISE.condition, WARNING_HOLD_MS)).toBe(60 * S + margin);
    expect(lookBackMs(doors.condition, WARNING_HOLD_MS)).toBe(600 * S + margin);
    // The smoke part's 5 minutes are the longest; a part held within the 2 minutes before still counts.
    expect(lookBackMs(FIRE_BOTH.condition, WARNING_HOLD_MS)).toBe(300 * S + 120 * S + margin);
    // The longest the rule limits allow: a combination over 24 h of a part held for 24 h.
    const longest = WarningConditionSchema.parse({ kind: 'combination', windowSeconds: 86_400, parts: [hot(86_400).condition, doors.condition] });
    expect(lookBackMs(longest, 0)).toBe(2 * 86_400 * S + HISTORY_STEP_MS);
  });

  it('raises a temperature held above the limit since 5 minutes before the start, with a 5-minute hold, at the start', async () => {
    await station();
    temperature(SMOKE_3F_2, FROM - 5 * MIN, FROM + 10 * MIN, () => 60);
    temperature(SMOKE_3F_2, FROM + 10 * MIN + 10 * S, FROM + 15 * MIN, () => 20);
    const run = await dryRun(hot(300));
    expect(run.places).toEqual([{ place: { groupBy: 'floor', key: 'A栋/3F', label: 'A栋 3F' }, steps: [{ type: 'raised', at: FROM, level: 3 }, { type: 'cleared', at: FROM + 12 * MIN + 10 * S, level: null }] }]);
    expect(run).toMatchObject({ raised: 1, lookBackMs: 430 * S, stopped: null });
    expect(firstSteps(await withoutHistoryBefore(hot(300)))).toEqual([['A栋/3F', { type: 'raised', at: FROM + 5 * MIN, level: 3 }]]);
  });

  it('measures a rate at the start from the samples of its window before it', async () => {
    await station();
    // A climb over 5 minutes, half of which (what a rate needs) is behind the start.
    const slowRise = warningRule({ id: 'slow-rise', condition: { kind: 'rate', metric: 'temperature', direction: 'rising', perMinute: 5, windowSeconds: 300 } });
    temperature(SMOKE_3F_2, FROM - 150 * S, FROM + 10 * MIN, rising(FROM - 150 * S, 300));
    expect(firstSteps(await dryRun(slowRise))).toEqual([['A栋/3F', { type: 'raised', at: FROM, level: 3 }]]);
    // From the start alone the rate waits for half its window.
    expect(firstSteps(await withoutHistoryBefore(slowRise))).toEqual([['A栋/3F', { type: 'raised', at: FROM + 150 * S, level: 3 }]]);
  });

  it('counts the forced doors of the window before the start: five in ten minutes, three of them before it', async () => {
    await station();
    events('door_forced', [[DOOR_3F_1, FROM - 9 * MIN], [DOOR_3F_2, FROM - 6 * MIN], [DOOR_3F_1, FROM - 3 * MIN], [DOOR_3F_1, FROM], [DOOR_3F_2, FROM]]);
    const run = await dryRun(doors);
    // Held until the first of the five is ten minutes old, cleared two minutes later.
    expect(run.places.map(({ steps }) => steps)).toEqual([[{ type: 'raised', at: FROM, level: 3 }, { type: 'cleared', at: FROM + 3 * MIN, level: null }]]);
    expect(run.raised).toBe(1);
    expect((await withoutHistoryBefore(doors)).places).toEqual([]);
  });

  it('combines a part that held before the start with one that holds at it', async () => {
    await station();
    events('smoke', [[SMOKE_3F_1, FROM - 3 * MIN]]);
    temperature(SMOKE_3F_2, FROM - 30 * S, FROM + 5 * MIN, rising(FROM - 30 * S));
    expect(firstSteps(await dryRun(FIRE_BOTH))).toEqual([['A栋/3F', { type: 'raised', at: FROM, level: 2 }]]);
    expect((await withoutHistoryBefore(FIRE_BOTH)).places).toEqual([]);
  });

  it('keeps a part that held within a combination\'s window before the start', async () => {
    await station();
    // Smoke 5 minutes before the start holds for a minute; the combination counts it for 5 more, as the temperature passes the limit at the start.
    const lingering = warningRule({ id: 'lingering', condition: { kind: 'combination', windowSeconds: 300, parts: [{ kind: 'count', eventType: 'smoke', atLeast: 1, windowSeconds: 60 }, hot(0).condition] as never } });
    events('smoke', [[SMOKE_3F_1, FROM - 5 * MIN]]);
    temperature(SMOKE_3F_2, FROM, FROM + 5 * MIN, () => 60);
    expect(firstSteps(await dryRun(lingering))).toEqual([['A栋/3F', { type: 'raised', at: FROM, level: 3 }]]);
    expect((await withoutHistoryBefore(lingering)).places).toEqual([]);
  });

  it('reads the stored sample just before the look-back, which may have started a hold', async () => {
    await station();
    // Samples 5 s off the minute: hot until 125 s before the start, so a 60 s hold is met at 125 s only when the sample at 185 s is read.
    const offset = FROM - 5 * S;
    temperature(SMOKE_3F_2, offset - 20 * MIN, offset - 2 * MIN, () => 60);
    temperature(SMOKE_3F_2, offset - 110 * S, offset + 5 * MIN, () => 20);
    const run = await dryRun(hot(60));
    expect(run.lookBackMs).toBe(190 * S);
    expect(run.places.map(({ steps }) => steps)).toEqual([[{ type: 'holding', at: FROM, level: 3 }, { type: 'cleared', at: FROM + 5 * S, level: null }]]);
  });

  it('shows a warning raised before the start as holding from it, until it clears, and counts nothing before the start as raised', async () => {
    await station();
    // Hot since 20 minutes before the start, cool from 50 s before it: the warning is still up for the hold time.
    temperature(SMOKE_3F_2, FROM - 20 * MIN, FROM - MIN, () => 60);
    temperature(SMOKE_3F_2, FROM - 50 * S, FROM + 5 * MIN, () => 20);
    const run = await dryRun(hot(0));
    expect(run.places.map(({ steps }) => steps)).toEqual([[{ type: 'holding', at: FROM, level: 3 }, { type: 'cleared', at: FROM + 70 * S, level: null }]]);
    expect(run.raised).toBe(0);
    // The samples of the look-back (130 s: 8 hot ones, from 130 s to 60 s before the start), the cool ones since.
    expect(run.evaluated).toBe(8 + 36);
    expect((await withoutHistoryBefore(hot(0))).places).toEqual([]);
  });

  it('still bounds the range asked for to 31 days, while its look-back may reach past them', async () => {
    await station();
    temperature(SMOKE_3F_2, FROM - 31 * 86_400_000 - 5 * MIN, FROM - 31 * 86_400_000 + 5 * MIN, () => 60);
    const run = await dryRun(hot(300), FROM - 31 * 86_400_000, FROM);
    expect(firstSteps(run)).toEqual([['A栋/3F', { type: 'raised', at: FROM - 31 * 86_400_000, level: 3 }]]);
    const tooLong = await rejection(dryRun(hot(300), FROM - 31 * 86_400_000 - 1, FROM));
    expect(tooLong.issues?.map((issue) => issue.message)).toEqual(['to: a dry run looks back at most 31 days']);
  });
});
