import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../contract';
import type { Core } from '../core';
import { DEMO_PLANS, DEMO_RESOURCES } from '../demo/incident-plans';
import { pushSite, rejection, testCore, signedIn } from '../testing/harness';

const SITE = 'test-site';
const PASSWORD = 'Incident-Desk-2026';
const SMOKE = '32061201011410000021';
const CAMERA = '32061201011310000031';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

function start(): Core {
  core = testCore();
  core.incidents.config.plans.seed(DEMO_PLANS);
  core.incidents.config.resources.seed(DEMO_RESOURCES);
  return core;
}

const as = (role: Role, username?: string) => signedIn(core!, role, { username, password: PASSWORD });

const send = (rest: string, payload: unknown, receivedAt = Date.now()) => {
  pushSite(core!, rest, payload, SITE, receivedAt);
  core!.ingest.flush();
};
const quarantined = () => core!.db.prepare("SELECT kind, reason FROM quarantine WHERE topic LIKE '%/resources/%' ORDER BY id").all() as { kind: string; reason: string }[];
const sentTo = (resource: string) => (core!.db.prepare('SELECT payload FROM outbox WHERE topic = ? ORDER BY rowid').all(`vigil/v1/${SITE}/resources/${resource}/dispatch`) as { payload: string }[]).map((row) => JSON.parse(row.payload));
const FIRE = { type: 'fire' as const, title: 'A栋3F 冒烟', level: 3 as const, place: { building: 'A栋', floor: '3F' } };

describe('incidents at a station', () => {
  it('are read, opened and commanded by the roles that may, each step on the timeline', async () => {
    start();
    const [duty, supervisor, commander, auditor, property] = [await as('duty_officer'), await as('shift_supervisor'), await as('emergency_commander'), await as('auditor'), await as('property_manager')];
    const opened = await duty.call('incidents.open', { ...FIRE, links: [{ kind: 'camera', ref: CAMERA }] });
    expect(opened).toMatchObject({ state: 'open', level: 3, drill: false, source: { kind: 'hand' }, openedBy: 'dutyofficer', links: [{ kind: 'camera', ref: CAMERA }] });
    // Level III starts the plan's steps of III and IV, not those of II and I.
    expect(opened.steps.filter((step) => step.status === 'active').map((step) => step.title)).toEqual(['确认火情', '启动消防广播', '疏散楼层人员', '通知119', '开启疏散通道门禁']);
    const { id } = opened;

    expect((await rejection(property.call('incidents.list', {}))).code).toBe('forbidden');
    expect((await rejection(auditor.call('incidents.open', FIRE))).code).toBe('forbidden');
    expect((await rejection(duty.call('incidents.act', { id, action: 'level', level: 2 }))).message).toMatch(/only a commander or shift supervisor/);
    expect((await rejection(duty.call('incidents.dispatch', { id, resource: 'fire-team', task: '到场' }))).code).toBe('forbidden');
    expect((await rejection(supervisor.call('plans.save', DEMO_PLANS[0]!))).code).toBe('forbidden');
    await duty.call('incidents.act', { id, action: 'note', text: '住户报告走廊有烟味' });

    const raised = await commander.call('incidents.act', { id, action: 'level', level: 2, text: '明火' });
    expect(raised.steps.find((step) => step.id === 'cut-power')).toMatchObject({ status: 'active', startedAt: raised.updatedAt });
    await commander.call('incidents.act', { id, action: 'commander', commander: 'commander' });
    const sent = await commander.call('incidents.dispatch', { id, resource: 'fire-team', task: '携灭火器到A栋3F' });
    expect(sent).toMatchObject({ state: 'responding', active: 1 });
    expect(sentTo('fire-team')).toEqual([expect.objectContaining({ action: 'dispatch', incident: id, drill: false, level: 2, task: '携灭火器到A栋3F', place: { building: 'A栋', floor: '3F' } })]);
    expect((await rejection(commander.call('incidents.dispatch', { id, resource: 'fire-team', task: '再去' }))).message).toMatch(/on this incident already/);
    expect((await rejection(commander.call('incidents.dispatch', { id, resource: 'nobody', task: '到场' }))).message).toBe('no resource nobody');
    await supervisor.call('incidents.act', { id, action: 'step', step: 'confirm', outcome: 'done' });
    expect((await rejection(supervisor.call('incidents.act', { id, action: 'step', step: 'confirm', outcome: 'skipped' }))).message).toBe('step 确认火情 is done');
    await commander.call('incidents.release', { id, dispatch: sent.dispatches[0]!.id });
    expect(sentTo('fire-team').map((message) => message.action)).toEqual(['dispatch', 'release']);
    const closed = await commander.call('incidents.act', { id, action: 'state', state: 'closed' });
    expect((await rejection(commander.call('incidents.act', { id, action: 'level', level: 1 }))).message).toMatch(/is closed at level 2/);
    expect(closed.timeline.map((line) => `${line.kind}:${line.by}`)).toEqual(['open:dutyofficer', 'note:dutyofficer', 'level:emergencycommander', 'commander:emergencycommander', 'dispatch:emergencycommander', 'step:shiftsupervisor', 'reply:emergencycommander', 'state:emergencycommander']);
    expect((await auditor.call('incidents.get', { id })).state).toBe('closed');
    const actions = core!.audit.list({ limit: 50 }).map((entry) => entry.action);
    for (const action of ['incidents.open', 'incidents.act', 'incidents.dispatch', 'incidents.release']) expect(actions).toContain(action);
    // The evidence export reads it whole.
    const evidence = core!.incidents.evidence(id);
    expect(evidence).toMatchObject({ openedAt: opened.openedAt, closedAt: closed.closedAt, links: [{ kind: 'camera', ref: CAMERA }] });
    expect(evidence.record.events).toHaveLength(evidence.timeline.length);
  });

  it('keeps from each handheld reply what applies and quarantines the rest with its reason', async () => {
    start();
    const commander = await as('emergency_commander');
    const { id } = await commander.call('incidents.open', FIRE);
    const { dispatches } = await commander.call('incidents.dispatch', { id, resource: 'fire-team', task: '到场' });
    const dispatch = dispatches[0]!.id;
    const now = Date.now();
    const reply = (n: number, body: Record<string, unknown>, resource = 'fire-team') => send(`resources/${resource}/replies`, { id: `handheld-${String(n).padStart(4, '0')}`, incident: id, dispatch, by: 'zhougang', ts: now + n, ...body });
    reply(1, { status: 'arrived' });
    reply(2, { status: 'acknowledged', by: 'linfeng' });
    reply(3, { status: 'acknowledged', ts: now + 6 * 60_000 });
    reply(4, { status: 'acknowledged', dispatch: 'd-unknown' });
    reply(5, { status: 'acknowledged' }, 'patrol-1');
    reply(6, { status: 'acknowledged' });
    reply(6, { status: 'acknowledged' });
    reply(7, { status: 'acknowledged', by: 'wuhao' });
    reply(8, { status: 'arrived' });
    reply(9, { status: 'released' });
    reply(10, { status: 'arrived' });
    expect(quarantined()).toEqual([
      { kind: 'refused', reason: `resourceReply: dispatch ${dispatch}: arrival before acknowledgement` },
      { kind: 'refused', reason: 'resourceReply: linfeng does not answer for 消防应急队 (fire-team)' },
      { kind: 'refused', reason: 'resourceReply: ts is 360 s ahead of this station\'s clock' },
      { kind: 'refused', reason: `resourceReply: no dispatch d-unknown on incident ${id}` },
      { kind: 'refused', reason: `resourceReply: dispatch ${dispatch} sent fire-team, not patrol-1` },
      { kind: 'replay', reason: `resourceReply: replay: reply handheld-0006 is already on incident ${id}` },
      { kind: 'refused', reason: expect.stringMatching(new RegExp(`^resourceReply: dispatch ${dispatch} was acknowledged already by zhougang at `)) },
      { kind: 'refused', reason: expect.stringMatching(new RegExp(`^resourceReply: dispatch ${dispatch} was released at `)) },
    ]);
    const incident = await commander.call('incidents.get', { id });
    expect(incident.dispatches[0]).toMatchObject({ status: 'released', acknowledgedBy: 'zhougang', arrivedBy: 'zhougang', releasedBy: 'zhougang' });
    expect(incident.timeline.filter((line) => line.kind === 'reply').map((line) => [line.data.status, line.by, line.applied])).toEqual([
      ['acknowledged', 'zhougang', true],
      ['arrived', 'zhougang', true],
      ['released', 'zhougang', true],
    ]);
    // A reply to an incident this station does not hold is refused too.
    send('resources/fire-team/replies', { id: 'handheld-0099', incident: 'inc-nowhere', dispatch, status: 'acknowledged', by: 'zhougang', ts: now });
    expect(quarantined().at(-1)).toEqual({ kind: 'refused', reason: 'resourceReply: no incident inc-nowhere at this station' });
  });

  it('opens the same incident from a warning or an alarm at every station, and counts drills apart', async () => {
    start();
    const commander = await as('emergency_commander');
    const warning = { id: 'fire-a-3f-0001', hazard: 'smoke+temperature', level: 2 as const, place: { building: 'A栋', floor: '3F', area: '' }, devices: [SMOKE, CAMERA], at: Date.now() - 10 * 60_000, name: 'A栋3F 烟感与温升' };
    expect(core!.incidents.openFromWarning(warning)).toBe('w-fire-a-3f-0001');
    expect(core!.incidents.openFromWarning(warning)).toBeNull();
    const fromWarning = await commander.call('incidents.get', { id: 'w-fire-a-3f-0001' });
    expect(fromWarning).toMatchObject({ type: 'fire', level: 2, openedAt: warning.at, place: { building: 'A栋', floor: '3F' }, source: { kind: 'warning', warning: warning.id } });
    expect(fromWarning.links).toEqual([{ kind: 'warning', ref: warning.id }, { kind: 'device', ref: SMOKE }, { kind: 'camera', ref: CAMERA }]);
    // The copy another station would publish is the same record.
    const other = testCore();
    other.incidents.config.plans.seed(DEMO_PLANS);
    other.incidents.openFromWarning(warning);
    expect(other.incidents.incidents.recordOf('w-fire-a-3f-0001')).toEqual(core!.incidents.incidents.recordOf('w-fire-a-3f-0001'));
    await other.close();

    send(`devices/${SMOKE}/info`, { name: 'A栋3F 烟感', area: '北区', building: 'A栋', floor: '3F', ts: 1 });
    send(`devices/${SMOKE}/events`, { id: 'smoke-20261201-000001', type: 'smoke', ts: Date.now() });
    const fromAlarm = await commander.call('incidents.open', { ...FIRE, from: { alarm: 'smoke-20261201-000001' } });
    expect(fromAlarm).toMatchObject({ id: 'a-smoke-20261201-000001', source: { kind: 'alarm', alarm: 'smoke-20261201-000001' }, place: { area: '北区', building: 'A栋', floor: '3F' } });
    expect((await rejection(commander.call('incidents.open', { ...FIRE, from: { alarm: 'smoke-20261201-000001' } }))).code).toBe('conflict');

    const drill = await commander.call('incidents.open', { ...FIRE, title: '消防演练', drill: true });
    await commander.call('incidents.act', { id: drill.id, action: 'state', state: 'closed' });
    await commander.call('incidents.act', { id: fromAlarm.id, action: 'state', state: 'closed' });
    const figures = await commander.call('incidents.figures', {});
    expect(figures.real).toMatchObject({ count: 2, closed: 1, byType: [{ type: 'fire', count: 2, closed: 1 }] });
    expect(figures.drills).toMatchObject({ count: 1, closed: 1, byLevel: [{ level: 3, count: 1, closed: 1 }] });
    expect((await commander.call('incidents.list', {})).find((incident) => incident.id === drill.id)).toMatchObject({ drill: true, state: 'closed' });
  });

  it('refuse what would grow an incident past the entries one keeps, at a station and from a handheld, with the reason', async () => {
    start();
    const commander = await as('emergency_commander');
    const { id } = await commander.call('incidents.open', FIRE);
    const { dispatches } = await commander.call('incidents.dispatch', { id, resource: 'fire-team', task: '到场' });
    const actor = { by: 'emergencycommander', via: 'station' as const };
    core!.db.transaction(() => {
      for (let n = 0; n < 398; n++) core!.incidents.incidents.act(id, { kind: 'note', text: `记录 ${n}` }, actor, () => 'refused');
    })();
    expect(core!.incidents.incidents.recordOf(id)!.events).toHaveLength(400);
    expect((await rejection(commander.call('incidents.act', { id, action: 'note', text: '再记一条' }))).message).toBe(`incident ${id} has 400 entries, the most one incident keeps; open a new incident`);
    send('resources/fire-team/replies', { id: 'handheld-full-0001', incident: id, dispatch: dispatches[0]!.id, status: 'acknowledged', by: 'zhougang', ts: Date.now() });
    expect(quarantined().at(-1)).toEqual({ kind: 'refused', reason: `resourceReply: incident ${id} holds as many entries as one incident keeps` });
    expect((await commander.call('incidents.get', { id })).dispatches[0]!.status).toBe('sent');
  });

  it('plans and resources are kept by the commander: saved, refused with the reason when bad, and taken off the site', async () => {
    start();
    const [commander, duty] = [await as('emergency_commander'), await as('duty_officer')];
    const plan = { id: 'flood' as const, name: '防汛预案', steps: [{ id: 'sandbags', title: '地库入口堆沙袋', owner: '工程维修组', minutes: 15, startLevel: 3 as const }] };
    expect(await commander.call('plans.save', plan)).toMatchObject({ ...plan, updatedBy: 'emergencycommander' });
    const reasons = async (call: Promise<unknown>) => (await rejection(call)).issues?.map((issue) => issue.message);
    expect(await reasons(commander.call('plans.save', { ...plan, steps: [...plan.steps, plan.steps[0]!] }))).toEqual(['steps: each step id once']);
    expect(await reasons(commander.call('resources.save', { id: 'pump', name: '移动泵车', kind: 'vehicle', members: [] }))).toEqual(['members: someone must answer for it']);
    expect((await rejection(duty.call('plans.delete', { id: 'flood' }))).code).toBe('forbidden');

    const flood = await duty.call('incidents.open', { type: 'flood', title: '地库进水', level: 3, place: { building: 'B栋' } });
    expect(flood.steps.map((step) => step.id)).toEqual(['sandbags']);
    await commander.call('plans.delete', { id: 'flood' });
    expect((await commander.call('plans.list', {})).map((kept) => kept.id)).not.toContain('flood');
    expect((await rejection(commander.call('plans.delete', { id: 'flood' }))).code).toBe('not_found');
    // A running incident keeps the plan it opened with; the next of its type opens without one.
    expect((await duty.call('incidents.get', { id: flood.id })).steps.map((step) => step.id)).toEqual(['sandbags']);
    expect((await duty.call('incidents.open', { type: 'flood', title: '二次进水', level: 3, place: { building: 'B栋' } })).steps).toEqual([]);

    await commander.call('resources.delete', { id: 'fire-team' });
    expect((await rejection(commander.call('incidents.dispatch', { id: flood.id, resource: 'fire-team', task: '排水' }))).message).toBe('no resource fire-team');
    expect((await rejection(commander.call('resources.delete', { id: 'fire-team' }))).code).toBe('not_found');
    const actions = core!.audit.list({ limit: 50 }).map((entry) => `${entry.action}:${entry.target}`);
    expect(actions).toEqual(expect.arrayContaining(['plans.delete:flood', 'resources.delete:fire-team']));
  });
});
