import { afterEach, describe, expect, it } from 'vitest';
import { CONTROLLER_OF, type SavingScheduleDraft } from '../../contract';
import type { Core } from '../../core';
import { demoDevices } from '../../demo/park';
import { DEMO_SAVING_SCHEDULES } from '../../demo/saving';
import { connectClient, pushSite, testCore } from '../../testing/harness';

const SITE = 'test-site';
const LIGHT_1 = '32061201011530000001';
const LIGHT_2 = '32061201011530000002';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const send = (rest: string, payload: unknown) => pushSite(core!, rest, payload, SITE);

/** A station with two lighting circuits, the first online, the second offline; and a property manager signed in. */
async function station() {
  core = testCore();
  for (const [code, status] of [[LIGHT_1, 'online'], [LIGHT_2, 'offline']] as const) {
    send(`devices/${code}/info`, { name: `周界 路灯 ${code.slice(-1)}`, area: '周界', building: '周界', floor: '室外', ts: 1 });
    send(`devices/${code}/state`, { status, ts: 1 });
  }
  core.ingest.flush();
  await core.auth.createUser({ username: 'property', displayName: 'Property', role: 'property_manager', password: 'Meter-Vigil-2026' });
  await core.auth.createUser({ username: 'duty', displayName: 'Duty', role: 'duty_officer', password: 'Night-Watch-2026' });
  const client = async (username: string, password: string) => {
    const connected = connectClient(core!);
    await connected.call('auth.signIn', { username, password, station: 'desk' });
    return connected;
  };
  return { manager: await client('property', 'Meter-Vigil-2026'), officer: await client('duty', 'Night-Watch-2026') };
}

/** Lights on at 18:00 and off at 23:30, Shanghai time, every day. */
const lights: SavingScheduleDraft = {
  id: 'street-lights',
  name: '公共照明',
  load: 'lighting',
  devices: [LIGHT_1, LIGHT_2],
  days: [1, 2, 3, 4, 5, 6, 7],
  steps: [
    { trigger: { at: 'time', time: '18:00' }, action: { command: 'lighting.switch', params: { on: true } } },
    { trigger: { at: 'time', time: '23:30' }, action: { command: 'lighting.switch', params: { on: false } } },
  ],
  enabled: true,
};
/** 18:00 on 7 December 2026 in Shanghai. */
const SIX_PM = Date.parse('2026-12-07T10:00:00Z');
const sweep = (at: number) => core!.db.transaction(() => core!.savingRunner.sweep(at))();

describe('energy-saving schedules', () => {
  it('are saved by a property manager only, and only for controllers of their load', async () => {
    const { manager, officer } = await station();
    await expect(officer.call('energy.saveSchedule', lights)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(manager.call('energy.saveSchedule', { ...lights, load: 'pump', steps: [{ trigger: { at: 'time', time: '22:00' }, action: { command: 'pump.switch', params: { on: false } } }] })).rejects.toThrow(/not a pump_controller/);
    await expect(manager.call('energy.saveSchedule', { ...lights, steps: [{ trigger: { at: 'time', time: '22:00' }, action: { command: 'pump.switch', params: { on: false } } }] })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'steps', message: 'every step must command the schedule’s load' }] });
    await expect(manager.call('energy.saveSchedule', { ...lights, steps: [{ trigger: { at: 'time', time: '25:00' }, action: { command: 'lighting.switch', params: { on: true } } }] })).rejects.toMatchObject({ issues: [{ message: expect.stringMatching(/HH:MM/) }] });
    expect(await manager.call('energy.saveSchedule', lights)).toMatchObject({ id: 'street-lights', updatedBy: 'property' });
    expect(await officer.call('energy.schedules', {})).toHaveLength(1);
    const plan = await officer.call('energy.plan', { from: SIX_PM - 3_600_000, days: 2 });
    expect(plan.timeZone).toBe('Asia/Shanghai');
    expect(plan.runs.map((run) => [run.step, run.at])).toEqual([[0, SIX_PM], [1, SIX_PM + 5.5 * 3_600_000], [0, SIX_PM + 86_400_000], [1, SIX_PM + 106_200_000]]);
  });

  it('send a due step once to every online device as a command with an expiry, refuse the offline one, and audit the run', async () => {
    const { manager, officer } = await station();
    await manager.call('energy.saveSchedule', lights);
    // Before 18:00 nothing runs; at it, once, however often the station looks.
    expect(sweep(SIX_PM - 60_000)).toEqual([]);
    const [sent, ...more] = sweep(SIX_PM + 2_000);
    expect(more).toEqual([]);
    expect(sweep(SIX_PM + 7_000)).toEqual([]);
    const [command] = await officer.call('devices.commands', { code: LIGHT_1, limit: 5 });
    expect(command).toMatchObject({ id: sent, command: 'lighting.switch', params: { on: true }, issuedBy: 'schedule:street-lights', status: 'pending' });
    expect(command!.expiresAt - command!.createdAt).toBe(600_000);
    const runs = await officer.call('energy.runs', { schedule: 'street-lights', limit: 10 });
    expect(runs.map((run) => [run.device, run.status])).toEqual([[LIGHT_1, 'pending'], [LIGHT_2, 'refused']]);
    expect(runs[1]!.reason).toMatch(/offline/);
    // The device's acknowledgement moves the run on.
    send(`devices/${LIGHT_1}/commands/ack`, { id: sent, status: 'done', ts: SIX_PM + 3_000 });
    core!.ingest.flush();
    expect((await officer.call('energy.runs', { limit: 10 }))[0]).toMatchObject({ device: LIGHT_1, status: 'done' });
    const audit = core!.db.prepare("SELECT actor, outcome, detail FROM audit WHERE action = 'energy.schedule.run'").all() as { actor: string; outcome: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'schedule:street-lights', outcome: 'ok' });
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ sent: 1, refused: [LIGHT_2] });
  });

  it('run a step now for a property manager, not for a duty officer', async () => {
    const { manager, officer } = await station();
    await manager.call('energy.saveSchedule', lights);
    await expect(officer.call('energy.runStep', { schedule: 'street-lights', step: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    const { sent } = await manager.call('energy.runStep', { schedule: 'street-lights', step: 1 });
    expect(sent).toHaveLength(1);
    expect((await officer.call('devices.commands', { code: LIGHT_1, limit: 5 }))[0]).toMatchObject({ params: { on: false }, issuedBy: 'property' });
  });

  it('of the demo park drive controllers the park has, of their load', () => {
    const devices = new Map(demoDevices().map((device) => [device.code, device.kind]));
    for (const schedule of DEMO_SAVING_SCHEDULES) for (const code of schedule.devices) expect(devices.get(code)).toBe(CONTROLLER_OF[schedule.load]);
  });
});
