import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { connectClient, pushSite, rejection, testCore } from '../testing/harness';

const PASSWORD = 'Residents-2026';
const PROFILE = { name: '王秀英', phone: '139 1234 5678', building: 'C栋', unit: '3-302', household: 'elderly', interests: ['clinic'], consent: true, ts: 1_000 } as const;
let core: Core;

beforeAll(async () => {
  core = testCore();
  await connectClient(core).call('auth.setup', { username: 'admin', displayName: 'Admin', password: PASSWORD, station: 'desk' });
  for (const [username, role] of [['duty', 'duty_officer'], ['property', 'property_manager'], ['tech', 'technician']] as const) {
    await core.auth.createUser({ username, displayName: username, role, password: PASSWORD });
  }
});
afterAll(async () => {
  await core?.close();
});

const signedIn = async (username: string) => {
  const client = connectClient(core);
  await client.call('auth.signIn', { username, password: PASSWORD, station: 'desk' });
  return client;
};
const profile = (resident: string, body: unknown) => {
  pushSite(core, `residents/${resident}/profile`, body);
  core.ingest.flush();
};
const quarantined = () => core.ingest.stats().quarantineByKind;
const lastRefusal = () => core.db.prepare('SELECT kind, reason, topic FROM quarantine ORDER BY id DESC LIMIT 1').get() as { kind: string; reason: string; topic: string };

describe('the resident registry', () => {
  it('takes the newer profile, ignores the same one redelivered and quarantines an older one as a replay', () => {
    profile('app-r1', PROFILE);
    profile('app-r1', { ...PROFILE, household: 'couple', ts: 2_000 });
    expect(core.services.residents.get('app-r1')).toMatchObject({ household: 'couple', ts: 2_000, unit: '3-302' });
    const before = core.ingest.stats().totals.quarantined;
    // A retained profile comes again on every reconnect: nothing to refuse.
    profile('app-r1', { ...PROFILE, household: 'couple', ts: 2_000 });
    expect(core.ingest.stats().totals.quarantined).toBe(before);
    profile('app-r1', PROFILE);
    expect(lastRefusal()).toMatchObject({ kind: 'replay', topic: 'vigil/v1/test-site/residents/app-r1/profile' });
    expect(lastRefusal().reason).toMatch(/replay: resident app-r1 has a profile of ts 2000/);
    profile('app-r1', { ...PROFILE, name: '别人', ts: 2_000 });
    expect(lastRefusal().kind).toBe('replay');
    expect(core.services.residents.get('app-r1')).toMatchObject({ name: '王秀英', household: 'couple' });
  });

  it('quarantines malformed, oversized and badly named profiles with their reason, and keeps what it had', () => {
    profile('app-r2', { ...PROFILE, household: 'commune' });
    expect(lastRefusal()).toMatchObject({ kind: 'schema' });
    expect(lastRefusal().reason).toMatch(/household/);
    profile('app-r2', { ...PROFILE, phone: 'call me' });
    expect(lastRefusal().reason).toMatch(/phone/);
    profile('app-r2', { ...PROFILE, secret: 'x' });
    expect(lastRefusal().kind).toBe('schema');
    profile('app-r2', { ...PROFILE, interests: Array.from({ length: 1000 }, (_, i) => `兴趣${i}`) });
    expect(lastRefusal()).toMatchObject({ kind: 'oversized' });
    expect(lastRefusal().reason).toMatch(/exceeds 8192/);
    profile('r!', PROFILE);
    expect(lastRefusal()).toMatchObject({ kind: 'schema' });
    expect(lastRefusal().reason).toMatch(/resident id/);
    core.ingest.push({ topic: 'vigil/v1/test-site/residents/app-r2/profile', payload: Buffer.from('{"name":'), receivedAt: Date.now() });
    core.ingest.flush();
    expect(lastRefusal().kind).toBe('json');
    expect(core.services.residents.get('app-r2')).toBeNull();
    expect(quarantined().map((entry) => entry.kind)).toEqual(expect.arrayContaining(['schema', 'oversized', 'json', 'replay']));
  });

  it('shows operators names and phones masked and no flat', async () => {
    profile('app-r3', { ...PROFILE, ts: 5_000 });
    const duty = await signedIn('duty');
    const listed = (await duty.call('services.residents', {})).find((resident) => resident.id === 'app-r3');
    expect(listed).toEqual({ id: 'app-r3', name: '王**', phone: '*******5678', building: 'C栋', household: 'elderly', interests: ['clinic'], consent: true, updatedAt: 5_000 });
    expect(JSON.stringify(await duty.call('services.recommendations', { id: 'app-r3' }))).not.toMatch(/王秀英|1234 5678|3-302/);
  });

  it('reveals a contact only to holders of personal.read, each look audited, each refusal too', async () => {
    const property = await signedIn('property');
    expect(await property.call('services.residentContact', { id: 'app-r3' })).toEqual({ name: '王秀英', phone: '139 1234 5678', unit: '3-302' });
    expect(core.audit.list({ limit: 1, action: 'services.residentContact' })[0]).toMatchObject({ actor: 'property', target: 'app-r3', outcome: 'ok' });
    for (const username of ['duty', 'tech']) {
      const client = await signedIn(username);
      expect((await rejection(client.call('services.residentContact', { id: 'app-r3' }))).code).toBe('forbidden');
      expect(core.audit.list({ limit: 1, action: 'permission.denied' })[0]).toMatchObject({ actor: username, target: 'services.residentContact' });
    }
    expect((await rejection((await signedIn('tech')).call('services.residents', {}))).code).toBe('forbidden');
    expect((await rejection(property.call('services.residentContact', { id: 'app-nobody' }))).code).toBe('not_found');
  });

  it('recommends from the coarse context alone: changing name, phone or flat never changes what is published', () => {
    core.services.catalogue.save({ id: 'clinic-c', name: { zh: '卫生站' }, category: 'clinic', tags: [], description: '', phone: '0513-1', where: { building: 'C栋', distance: 100 }, hours: [], suits: ['elderly'], active: true }, 'admin');
    const base = core.services.publisher.message('app-r3')!;
    expect(base.items.map((item) => item.service)).toEqual(['clinic-c']);
    let ts = 10_000;
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0), fc.stringMatching(/^1\d{10}$/), fc.option(fc.stringMatching(/^\d{1,2}-\d{3}$/), { nil: undefined }), (name, phone, unit) => {
        ts += 1;
        profile('app-r3', { ...PROFILE, name, phone, ...(unit ? { unit } : { unit: undefined }), ts });
        expect(core.services.residents.get('app-r3')!.ts).toBe(ts);
        expect(core.services.publisher.message('app-r3')!.items).toEqual(base.items);
      }),
      { numRuns: 50 },
    );
  });

  it('recommends nothing to a resident who did not consent, and publishes that to their app', async () => {
    profile('app-r4', { ...PROFILE, consent: false, ts: 7_000 });
    expect(core.services.publisher.message('app-r4')).toEqual({ profileTs: 7_000, catalogue: expect.any(String), items: [] });
    const duty = await signedIn('duty');
    expect((await duty.call('services.recommendations', { id: 'app-r4' })).items).toEqual([]);
    const published = () => core.db.prepare("SELECT payload FROM outbox WHERE topic = 'vigil/v1/test-site/residents/app-r4/recommendations'").all() as { payload: string }[];
    await expect.poll(() => published().length, { timeout: 5_000 }).toBe(1);
    expect(JSON.parse(published()[0]!.payload)).toMatchObject({ profileTs: 7_000, items: [] });
  });
});
