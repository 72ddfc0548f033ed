import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { connectClient, pushSite, testCore } from '../testing/harness';
import { DOOR_3F_1, DOOR_3F_2, FIRE_BOTH, FIRE_RISE, FIRE_SMOKE, FLOOR_DEVICES, SMOKE_3F_1, SMOKE_3F_2 } from '../warnings/testing';

const SITE = 'test-site';
const T0 = Date.parse('2026-12-01T02:00:00Z');

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('a warning reaching level II', () => {
  it('opens the incident w-{warning} once, at the moment it reached II, linked to the warning and the doors of its floor', async () => {
    core = testCore();
    await core.auth.createUser({ username: 'chief', displayName: 'chief', role: 'emergency_commander', password: 'Early-Warning-2026' });
    const chief = connectClient(core);
    await chief.call('auth.signIn', { username: 'chief', password: 'Early-Warning-2026', station: 'desk' });
    for (const rule of [FIRE_SMOKE, FIRE_RISE, FIRE_BOTH]) await chief.call('warningRules.save', rule);
    const send = (rest: string, payload: unknown) => pushSite(core!, rest, payload, SITE);
    for (const [code, { name, area, building, floor }] of Object.entries(FLOOR_DEVICES)) send(`devices/${code}/info`, { name, area, building, floor, ts: 1 });
    core.ingest.flush();

    // Smoke alone is IV: no incident.
    send(`devices/${SMOKE_3F_1}/events`, { id: 'smoke-3f-0001', type: 'smoke', ts: T0 });
    core.ingest.flush();
    expect(await chief.call('incidents.list', {})).toEqual([]);

    // The heat climbing with it makes II at T0 + 30 s, falls back to IV, and climbs again: one incident all the same.
    const climb = (from: number) => {
      for (let s = 0; s <= 400; s += 10) send(`devices/${SMOKE_3F_2}/telemetry`, { ts: from + s * 1000, values: { temperature: s <= 90 ? 25 + (s / 60) * 8 : 37 } });
      core!.ingest.flush();
    };
    climb(T0);
    send(`devices/${SMOKE_3F_1}/events`, { id: 'smoke-3f-0002', type: 'smoke', ts: T0 + 410_000 });
    climb(T0 + 410_000);
    const [warning] = await chief.call('warnings.list', {});
    expect(warning!.history.filter((event) => event.type === 'level' && event.level === 2)).toHaveLength(2);
    const incidents = await chief.call('incidents.list', {});
    expect(incidents.map((incident) => incident.id)).toEqual([`w-${warning!.id}`]);
    const incident = await chief.call('incidents.get', { id: `w-${warning!.id}` });
    expect(incident).toMatchObject({ type: 'fire', level: 2, openedAt: T0 + 30_000, place: { building: 'A栋', floor: '3F' }, source: { kind: 'warning', warning: warning!.id }, title: 'A栋 3F 烟感且温升' });
    expect(incident.links).toEqual([
      { kind: 'warning', ref: warning!.id },
      { kind: 'door', ref: DOOR_3F_1 },
      { kind: 'door', ref: DOOR_3F_2 },
    ]);
  });
});
