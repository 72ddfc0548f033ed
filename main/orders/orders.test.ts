import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, Role } from '../contract';
import type { Core } from '../core';
import { pushSite, rejection, testCore, signedIn } from '../testing/harness';
import { makePng } from '../testing/images';
import { hashImage } from '../images/check';

const SITE = 'test-site';
const LEAK_SENSOR = '32061201011340000007';
const PASSWORD = 'Repair-Order-2026';
const MIN = 60_000;

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const as = (role: Role, username?: string) => signedIn(core!, role, { username, password: PASSWORD });

const send = (rest: string, payload: unknown, receivedAt = Date.now()) => {
  pushSite(core!, rest, payload, SITE, receivedAt);
  core!.ingest.flush();
};
const quarantined = () => core!.db.prepare("SELECT kind, reason FROM quarantine WHERE topic LIKE '%/orders/%' OR topic LIKE '%/repairs' ORDER BY id").all() as { kind: string; reason: string }[];
const published = (id: string) => core!.db.prepare('SELECT topic, retain, payload FROM outbox WHERE topic = ? ORDER BY rowid').all(`vigil/v1/${SITE}/orders/${id}`) as { topic: string; retain: number; payload: string }[];

const LEAK = { title: '3楼走廊天花板漏水', description: '', category: 'plumbing' as const, priority: 'high' as const, place: { building: 'A栋', floor: '3F' } };

describe('repair orders at a station', () => {
  it('go from the front desk to a technician to the resident, each step by the role that may take it, audited and shared', async () => {
    core = testCore();
    const [duty, property, tech, other, auditor] = [await as('duty_officer'), await as('property_manager'), await as('technician', 'zhaolei'), await as('technician', 'wangwu'), await as('auditor')];
    const heard: EventName[] = [];
    tech.on('orders.mineChanged', () => heard.push('orders.mineChanged'));
    tech.on('orders.changed', () => heard.push('orders.changed'));

    const before = makePng(40, 30);
    const photo = await duty.call('images.put', { data: before.toString('base64') });
    const opened = await duty.call('orders.create', { ...LEAK, photos: [photo.hash] });
    expect(opened).toMatchObject({ state: 'new', source: 'officer', createdBy: 'dutyofficer', photosBefore: [photo.hash], assignee: null });
    expect(opened.completeBy - opened.createdAt).toBe(24 * 60 * MIN);
    expect((await rejection(duty.call('orders.assign', { id: opened.id, technician: 'zhaolei' }))).code).toBe('forbidden');
    expect((await rejection(duty.call('orders.create', { ...LEAK, photos: ['f'.repeat(64)] }))).message).toMatch(/not an image this station holds/);

    expect(await property.call('orders.technicians', {})).toEqual([
      { username: 'wangwu', displayName: 'wangwu', open: 0 },
      { username: 'zhaolei', displayName: 'zhaolei', open: 0 },
    ]);
    await property.call('orders.assign', { id: opened.id, technician: 'zhaolei' });
    // Technicians see their own orders only, and nothing of anyone else's.
    expect((await tech.call('orders.mine', {})).map((order) => order.id)).toEqual([opened.id]);
    expect(await other.call('orders.mine', {})).toEqual([]);
    expect((await rejection(other.call('orders.get', { id: opened.id }))).code).toBe('forbidden');
    expect((await rejection(other.call('orders.work', { id: opened.id, action: 'accept' }))).message).toBe(`order ${opened.id} is not assigned to you`);
    expect((await rejection(tech.call('orders.list', {}))).code).toBe('forbidden');
    expect((await rejection(tech.call('orders.work', { id: opened.id, action: 'complete' }))).message).toBe(`order ${opened.id} is assigned: it cannot be completed now`);

    await tech.call('orders.work', { id: opened.id, action: 'accept' });
    await tech.call('orders.work', { id: opened.id, action: 'start' });
    const after = await tech.call('images.put', { data: makePng(40, 30, [20, 160, 60]).toString('base64') });
    const done = await tech.call('orders.work', { id: opened.id, action: 'complete', text: '更换了漏水的水管接头', photos: [after.hash] });
    expect(done).toMatchObject({ state: 'completed', photosAfter: [after.hash] });
    expect((await rejection(duty.call('orders.resident', { id: opened.id, action: 'confirm' }))).message).toMatch(/rates the repair 1–5/);
    const closed = await duty.call('orders.resident', { id: opened.id, action: 'confirm', rating: 4, text: '住户电话确认' });
    expect(closed).toMatchObject({ state: 'closed', rating: 4, ratingText: '住户电话确认' });
    expect(closed.timeline.map((line) => `${line.action}:${line.by}`)).toEqual(['create:dutyofficer', 'assign:propertymanager', 'accept:zhaolei', 'start:zhaolei', 'complete:zhaolei', 'confirm:dutyofficer']);
    expect((await rejection(auditor.call('orders.note', { id: opened.id, text: 'looks fine' }))).code).toBe('forbidden');
    expect((await auditor.call('orders.get', { id: opened.id })).state).toBe('closed');

    const actions = core.audit.list({ limit: 50 }).map((entry) => entry.action);
    for (const action of ['orders.create', 'orders.assign', 'orders.work', 'orders.resident']) expect(actions).toContain(action);
    const copies = published(opened.id);
    expect(copies.every((copy) => copy.retain === 1)).toBe(true);
    expect(JSON.parse(copies.at(-1)!.payload).events).toHaveLength(6);
    await expect.poll(() => heard.includes('orders.mineChanged')).toBe(true);
    expect(heard).not.toContain('orders.changed');
  });

  it('escalate past their deadline to supervisors and property managers, once, and count in the month figures', async () => {
    core = testCore();
    const [duty, supervisor] = [await as('duty_officer'), await as('shift_supervisor')];
    const escalated: string[][] = [];
    supervisor.on('orders.escalated', ({ ids }) => escalated.push(ids));
    const raisedAt = Date.now() - 45 * MIN;
    send(`devices/${LEAK_SENSOR}/info`, { name: 'A栋3F 水浸', area: '北区', building: 'A栋', floor: '3F', ts: 1 });
    // The gateway buffered the leak while its uplink was down: the water was found 45 minutes ago.
    send(`devices/${LEAK_SENSOR}/events`, { id: 'leak-20261201-000001', type: 'water_leak', ts: raisedAt });
    const id = 'a-leak-20261201-000001';
    const order = await duty.call('orders.get', { id });
    expect(order).toMatchObject({ source: 'alarm', alarm: 'leak-20261201-000001', category: 'plumbing', priority: 'urgent', createdAt: raisedAt, place: { building: 'A栋', floor: '3F' }, device: LEAK_SENSOR });
    await expect.poll(() => escalated.flat(), { timeout: 5_000 }).toEqual([id]);
    expect((await duty.call('orders.get', { id })).timeline.at(-1)).toMatchObject({ action: 'escalate', stage: 'respond', by: 'Vigil', at: raisedAt + 30 * MIN, applied: true });
    // The sweep passes over it from then on, until the completion deadline (4 h for urgent) passes: that stage, once.
    expect(core.orders.escalate(Date.now())).toEqual([]);
    expect(core.orders.escalate(raisedAt + 4 * 60 * MIN)).toEqual([id]);
    expect(core.orders.escalate(raisedAt + 5 * 60 * MIN)).toEqual([]);
    // The same leak again folds into the alarm: still one order.
    send(`devices/${LEAK_SENSOR}/events`, { id: 'leak-20261201-000002', type: 'water_leak', ts: raisedAt + MIN });
    expect((await duty.call('orders.list', {})).map((o) => o.id)).toEqual([id]);
    const month = new Date(raisedAt + 8 * 60 * MIN).toISOString().slice(0, 7);
    expect(await duty.call('orders.figures', { month })).toMatchObject({ opened: 1, completed: 0, escalated: 1, onTimeRate: null, byCategory: [{ category: 'plumbing', opened: 1 }] });
  });
});

describe('repair orders escalated at another station', () => {
  it('are told to supervisors here too, once, when that station swept first', async () => {
    core = testCore();
    const supervisor = await as('shift_supervisor');
    const escalated: string[][] = [];
    supervisor.on('orders.escalated', ({ ids }) => escalated.push(ids));
    const raisedAt = Date.now() - 45 * MIN;
    const id = 'a-leak-20261201-000009';
    const create = { id: `${id}-create`, hlc: `${raisedAt}:0000:site`, by: 'Vigil', via: 'system', action: 'create', title: '漏水', description: '', category: 'plumbing', priority: 'urgent', place: { building: 'A栋' }, source: 'alarm', alarm: 'leak-20261201-000009', photos: [] };
    const deadline = raisedAt + 30 * MIN;
    const late = { id: `${id}-late-respond-${deadline}`, hlc: `${deadline}:0000:sla`, by: 'Vigil', via: 'system', action: 'escalate', stage: 'respond', deadline };
    // Station 2 opened the order and swept before this station: its copy carries the escalation.
    send(`orders/${id}`, { id, events: [create, late] });
    await expect.poll(() => escalated.flat(), { timeout: 5_000 }).toEqual([id]);
    // This station's own sweep finds it escalated already, and the same copy again is nothing new: no second notice.
    send(`orders/${id}`, { id, events: [create, late] });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(escalated.flat()).toEqual([id]);
    expect((await supervisor.call('orders.get', { id })).escalated).toEqual(['respond']);
  });
});

describe('repair orders over the site interface', () => {
  it("open from a resident's report, move on the technician's and the resident's apps, and refuse what does not fit with the reason", async () => {
    core = testCore();
    const property = await as('property_manager');
    const png = makePng(20, 20);
    send(`images/${hashImage(png)}`, { data: png.toString('base64'), ts: 1 });
    const now = Date.now();
    send('residents/app-42/profile', { name: '陈晓燕', phone: '13912345678', building: 'B栋', unit: '1201', household: 'family', interests: [], consent: false, ts: now - 60 * MIN });
    const report = { id: 'app-report-0001', title: '卫生间水龙头关不紧', category: 'plumbing', building: 'B栋', unit: '1201', photos: [hashImage(png)], ts: now - 10 * MIN };
    send('residents/app-42/repairs', report);
    send('residents/app-42/repairs', report);
    send('residents/app-43/repairs', { ...report, id: 'app-report-0002', ts: now + 60 * MIN });
    send('residents/app-43/repairs', { ...report, id: 'app-report-0003', photos: ['nothex'] });
    const id = 'r-app-report-0001';
    expect(await property.call('orders.get', { id })).toMatchObject({ source: 'resident', resident: 'app-42', createdBy: 'resident:app-42', createdAt: now - 10 * MIN, photosBefore: [hashImage(png)], place: { unit: '1***' } });
    // The unit is personal: masked to the property manager until revealed (audited); the technician sent there sees it.
    expect((await property.call('orders.get', { id })).reporter).toEqual({ name: '陈**', phone: expect.stringMatching(/^\*+5678$/) });
    expect(await property.call('orders.contact', { id })).toEqual({ unit: '1201', resident: 'app-42', name: '陈晓燕', phone: '13912345678' });
    expect(core.audit.list({ limit: 1 })[0]).toMatchObject({ action: 'orders.contact', actor: 'propertymanager' });
    const duty = await as('duty_officer');
    expect((await rejection(duty.call('orders.contact', { id }))).code).toBe('forbidden');
    const assigned = await property.call('orders.assign', { id, technician: 'zhaolei' });
    expect(assigned.place.unit).toBe('1***');
    const tech = await as('technician', 'zhaolei');
    expect(await tech.call('orders.get', { id })).toMatchObject({ place: { unit: '1201' }, reporter: { name: '陈晓燕', phone: '13912345678' } });

    const update = (n: number, body: Record<string, unknown>) => send(`orders/${id}/updates`, { id: `app-update-${String(n).padStart(4, '0')}`, ts: Date.now(), ...body });
    update(1, { action: 'accept', by: 'wangwu' });
    update(2, { action: 'accept', by: 'zhaolei' });
    update(2, { action: 'accept', by: 'zhaolei' });
    update(3, { action: 'confirm', by: 'resident:app-42', rating: 5 });
    update(4, { action: 'complete', by: 'zhaolei', text: '换了阀芯' });
    update(5, { action: 'confirm', by: 'resident:app-43', rating: 1 });
    update(6, { action: 'confirm', by: 'resident:app-42' });
    update(7, { action: 'confirm', by: 'resident:app-42', rating: 5, text: '谢谢' });
    send('orders/r-app-nothing-0001/updates', { id: 'app-update-0008', action: 'note', by: 'zhaolei', ts: Date.now() });
    expect(await property.call('orders.get', { id })).toMatchObject({ state: 'closed', rating: 5, ratingText: '谢谢', assignee: 'zhaolei' });
    expect(quarantined()).toEqual([
      { kind: 'replay', reason: `repairRequest: replay: report app-report-0001 is already order ${id}` },
      { kind: 'schema', reason: 'repairRequest: ts is 3600 s ahead of this station\'s clock' },
      { kind: 'schema', reason: expect.stringContaining('photos') },
      { kind: 'refused', reason: `orderUpdate: order ${id} is assigned to zhaolei, not wangwu` },
      { kind: 'replay', reason: `orderUpdate: replay: update app-update-0002 is already on order ${id}` },
      { kind: 'refused', reason: `orderUpdate: order ${id} is accepted: confirm does not fit it now` },
      { kind: 'refused', reason: `orderUpdate: order ${id} was not reported by resident:app-43` },
      { kind: 'refused', reason: 'orderUpdate: a rating (1–5) goes with confirm, and only with it' },
      { kind: 'refused', reason: 'orderUpdate: no order r-app-nothing-0001 at this station' },
    ]);
  });

  it("take another station's copy by union, and publish the union back when the copy lacked something", async () => {
    core = testCore();
    const property = await as('property_manager');
    const mine = await property.call('orders.create', LEAK);
    await property.call('orders.assign', { id: mine.id, technician: 'zhaolei' });
    const record = JSON.parse(published(mine.id).at(-1)!.payload);
    // Another station saw only the creation, and added a note of its own.
    const theirs = { id: mine.id, events: [record.events[0], { id: '9999999999999:0000:desk-2', hlc: '1767225600000:0000:desk-2', by: 'duty2', via: 'station', action: 'note', text: 'called the resident', photos: [] }] };
    send(`orders/${mine.id}`, theirs);
    const merged = await property.call('orders.get', { id: mine.id });
    expect(merged.timeline.map((line) => line.action).sort()).toEqual(['assign', 'create', 'note']);
    expect(JSON.parse(published(mine.id).at(-1)!.payload).events).toHaveLength(3);
    const copies = published(mine.id).length;
    send(`orders/${mine.id}`, JSON.parse(published(mine.id).at(-1)!.payload));
    expect(published(mine.id)).toHaveLength(copies);
    send(`orders/${mine.id}-other`, theirs);
    expect(core.db.prepare("SELECT reason FROM quarantine WHERE topic LIKE '%-other'").get()).toEqual({ reason: `order: the record is ${mine.id}, the topic names ${mine.id}-other` });
  });
});
