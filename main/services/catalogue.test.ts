import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CoreClient, ServiceDraft } from '../contract';
import type { Core } from '../core';
import { connectClient, rejection, testCore } from '../testing/harness';

const PASSWORD = 'Catalogue-2026';
const CLINIC: CallInput<'services.save'> = { id: 'clinic-c', name: { zh: '社区卫生服务站', en: 'Community Health Station' }, category: 'clinic', phone: '0513-8551 3201', where: { building: 'C栋', distance: 320 }, suits: ['elderly'] };
let core: Core;
const clients: Record<string, CoreClient> = {};

beforeAll(async () => {
  core = testCore();
  await connectClient(core).call('auth.setup', { username: 'admin', displayName: 'Admin', password: PASSWORD, station: 'desk' });
  for (const [username, role] of [['duty', 'duty_officer'], ['property', 'property_manager'], ['auditor', 'auditor'], ['tech', 'technician']] as const) {
    await core.auth.createUser({ username, displayName: username, role, password: PASSWORD });
    clients[username] = connectClient(core);
    await clients[username].call('auth.signIn', { username, password: PASSWORD, station: 'desk' });
  }
});
afterAll(async () => {
  await core?.close();
});

describe('the life-service catalogue', () => {
  it('is kept by the property manager, audited, shared through the outbox and announced to windows', async () => {
    let heard = 0;
    clients.duty!.on('services.changed', () => heard++);
    const saved = await clients.property!.call('services.save', CLINIC);
    expect(saved).toMatchObject({ ...CLINIC, tags: [], description: '', hours: [], active: true, updatedBy: 'property' });
    expect(core.audit.list({ limit: 1, action: 'services.save' })[0]).toMatchObject({ actor: 'property', target: 'clinic-c', outcome: 'ok' });
    const row = core.db.prepare("SELECT topic, retain, payload FROM outbox WHERE topic = 'vigil/v1/test-site/services/clinic-c'").get() as { retain: number; payload: string };
    expect(row.retain).toBe(1);
    expect(JSON.parse(row.payload)).toMatchObject({ id: 'clinic-c', updatedBy: 'property', deleted: false });
    await expect.poll(() => heard).toBe(1);
    expect((await clients.auditor!.call('services.catalogue', {})).map((service) => service.id)).toEqual(['clinic-c']);
  });

  it('refuses every other role the edit, and the technician even the reading', async () => {
    for (const username of ['duty', 'auditor', 'tech']) {
      expect((await rejection(clients[username]!.call('services.save', { ...CLINIC, active: false }))).code).toBe('forbidden');
      expect((await rejection(clients[username]!.call('services.delete', { id: 'clinic-c' }))).code).toBe('forbidden');
    }
    expect((await rejection(clients.tech!.call('services.catalogue', {}))).code).toBe('forbidden');
    expect(core.services.catalogue.get('clinic-c').active).toBe(true);
  });

  it('refuses a bad entry naming the field', async () => {
    const bad = async (draft: unknown) => (await rejection(clients.property!.call('services.save', draft as ServiceDraft))).issues?.map((issue) => issue.path);
    expect(await bad({ ...CLINIC, category: 'casino' })).toEqual(['category']);
    expect(await bad({ ...CLINIC, phone: 'ring us' })).toEqual(['phone']);
    expect(await bad({ ...CLINIC, where: { distance: -5 } })).toEqual(['where.distance']);
    expect(await bad({ ...CLINIC, hours: [{ days: [8], from: '08:00', to: '25:00' }] })).toEqual(['hours.0.days.0', 'hours.0.to']);
    expect(await bad({ ...CLINIC, id: 'Has Spaces' })).toEqual(['id']);
  });

  it('deletes as a tombstone that every station learns of', async () => {
    await clients.property!.call('services.delete', { id: 'clinic-c' });
    expect(await clients.duty!.call('services.catalogue', {})).toEqual([]);
    const rows = core.db.prepare("SELECT payload FROM outbox WHERE topic = 'vigil/v1/test-site/services/clinic-c' ORDER BY seq").all() as { payload: string }[];
    expect(JSON.parse(rows.at(-1)!.payload)).toMatchObject({ deleted: true });
    expect((await rejection(clients.property!.call('services.delete', { id: 'clinic-c' }))).code).toBe('not_found');
  });
});
