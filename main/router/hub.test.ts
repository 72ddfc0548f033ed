import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, EVENT_ACCESS, type CoreClient, type EventName, type Method } from '../contract';
import type { Core } from '../core';
import { connectClient, testCore } from '../testing/harness';

const PASSWORD = 'Hub-Events-2026';
let core: Core;

beforeAll(async () => {
  core = testCore();
  await connectClient(core).call('auth.setup', { username: 'admin', displayName: 'Admin', password: PASSWORD, station: 'desk' });
  await core.auth.createUser({ username: 'duty', displayName: 'Duty', role: 'duty_officer', password: PASSWORD });
});
afterAll(async () => {
  await core?.close();
});

async function signedIn(username: string): Promise<CoreClient> {
  const client = connectClient(core);
  await client.call('auth.signIn', { username, password: PASSWORD, station: 'desk' });
  return client;
}

/** The call a window makes on hearing each event: the event goes to whoever may make it. */
const READ_BY: Partial<Record<EventName, Method>> = {
  'devices.changed': 'devices.list',
  'events.changed': 'events.list',
  'commands.changed': 'devices.commands',
  'alarms.changed': 'alarms.get',
  'alarms.escalated': 'alarms.get',
  'rules.changed': 'rules.list',
  'audit.appended': 'audit.list',
  'energy.changed': 'energy.meters',
  'energy.schedulesChanged': 'energy.schedules',
  'orders.changed': 'orders.list',
  'orders.mineChanged': 'orders.mine',
  'orders.escalated': 'orders.assign',
  'incidents.changed': 'incidents.list',
  'services.changed': 'services.catalogue',
  'residents.changed': 'services.residents',
  'notices.changed': 'notices.list',
  'evidence.progress': 'evidence.export',
  'warnings.changed': 'warnings.list',
  'warningRules.changed': 'warningRules.list',
  'openData.progress': 'openData.export',
  'incidents.escalated': 'incidents.list',
};

describe('events to windows', () => {
  it('go only to roles that may read what they name', async () => {
    const [admin, duty] = await Promise.all([signedIn('admin'), signedIn('duty')]);
    const heard = { admin: [] as EventName[], duty: [] as EventName[] };
    for (const name of ['audit.appended', 'rules.changed'] as const) {
      admin.on(name, () => heard.admin.push(name));
      duty.on(name, () => heard.duty.push(name));
    }
    core.hub.broadcast('audit.appended', { id: 1 });
    core.hub.broadcast('rules.changed', {});
    await expect.poll(() => heard.admin).toEqual(['audit.appended', 'rules.changed']);
    await expect.poll(() => heard.duty).toEqual(['rules.changed']);
  });

  it('ask for the permission of the call that reads them', () => {
    expect(Object.keys(READ_BY).sort()).toEqual(Object.keys(EVENT_ACCESS).sort());
    for (const [event, call] of Object.entries(READ_BY) as [EventName, Method][]) expect(EVENT_ACCESS[event], event).toBe(calls[call].access);
  });
});
