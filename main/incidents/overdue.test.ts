import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../alarms/hlc';
import type { CoreClient, EventPayload, IncidentEvent, IncidentRecord, Role } from '../contract';
import { MAX_INCIDENT_EVENTS } from '../contract/incidents';
import type { Core } from '../core';
import { DEMO_PLANS } from '../demo/incident-plans';
import { pushSite, testCore, signedIn } from '../testing/harness';
import { overdueEvent } from './fold';

const SITE = 'test-site';
const PASSWORD = 'Overdue-Steps-2026';
const MIN = 60_000;
const FIRE = { type: 'fire' as const, title: 'A栋3F 冒烟', level: 3 as const, place: { building: 'A栋', floor: '3F' } };

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

function start(): Core {
  core = testCore();
  core.incidents.config.plans.seed(DEMO_PLANS);
  return core;
}

const as = (role: Role, username?: string) => signedIn(core!, role, { username, password: PASSWORD });

/** What a window heard of escalations. */
function listen(client: CoreClient): EventPayload<'incidents.escalated'>[] {
  const heard: EventPayload<'incidents.escalated'>[] = [];
  client.on('incidents.escalated', (payload) => heard.push(payload));
  return heard;
}

const nextDue = (id: string) => (core!.db.prepare('SELECT next_due FROM incidents WHERE id = ?').get(id) as { next_due: number | null }).next_due;
const overdueLines = async (client: CoreClient, id: string) => (await client.call('incidents.get', { id })).timeline.filter((line) => line.kind === 'overdue');

describe('plan steps past their deadline', () => {
  it('are escalated once each, on the timeline and to the people running incidents, until the incident ends', async () => {
    start();
    const [duty, commander, property] = [await as('duty_officer'), await as('emergency_commander'), await as('property_manager')];
    const [heard, heardByProperty] = [listen(commander), listen(property)];
    const opened = await duty.call('incidents.open', FIRE);
    const { id, openedAt } = opened;
    // Level III starts five steps; the first deadlines are the two 2-minute steps.
    expect(nextDue(id)).toBe(openedAt + 2 * MIN);
    // The station's own sweep runs on the real clock, where nothing is due yet; this one is 2½ minutes on.
    expect(core!.incidents.escalate(openedAt + 2.5 * MIN)).toEqual([
      { incident: id, step: 'broadcast' },
      { incident: id, step: 'exit-doors' },
    ]);
    await expect.poll(() => heard).toEqual([{ ids: [id], steps: [{ incident: id, step: 'broadcast' }, { incident: id, step: 'exit-doors' }] }]);
    const incident = await commander.call('incidents.get', { id });
    expect(incident.steps.filter((step) => step.escalatedAt !== null).map((step) => [step.id, step.escalatedAt])).toEqual([
      ['broadcast', openedAt + 2 * MIN],
      ['exit-doors', openedAt + 2 * MIN],
    ]);
    expect(await overdueLines(commander, id)).toMatchObject([
      { by: 'Vigil', via: 'system', at: openedAt + 2 * MIN, applied: true, data: { step: 'broadcast', dueAt: openedAt + 2 * MIN } },
      { by: 'Vigil', via: 'system', at: openedAt + 2 * MIN, applied: true, data: { step: 'exit-doors', dueAt: openedAt + 2 * MIN } },
    ]);
    // The escalation is shared with the other stations, in the incident's retained message.
    const copy = core!.db.prepare('SELECT payload FROM outbox WHERE topic = ? ORDER BY rowid DESC LIMIT 1').get(`vigil/v1/${SITE}/incidents/${id}`) as { payload: string };
    expect((JSON.parse(copy.payload) as IncidentRecord).events.filter((event) => event.kind === 'overdue')).toHaveLength(2);

    // The same moment again is nothing new; a minute on, confirm (3 min) is due; done in time, call-119 (5 min) is not.
    expect(core!.incidents.escalate(openedAt + 2.5 * MIN)).toEqual([]);
    await commander.call('incidents.act', { id, action: 'step', step: 'call-119', outcome: 'done' });
    expect(core!.incidents.escalate(openedAt + 5.5 * MIN)).toEqual([{ incident: id, step: 'confirm' }]);
    expect(nextDue(id)).toBe(openedAt + 10 * MIN);
    // Once closed, nothing more is escalated, and the sweep no longer reads it.
    await commander.call('incidents.act', { id, action: 'state', state: 'closed' });
    expect(nextDue(id)).toBeNull();
    expect(core!.incidents.escalate(openedAt + 60 * MIN)).toEqual([]);
    expect((await overdueLines(commander, id)).map((line) => line.data.step)).toEqual(['broadcast', 'exit-doors', 'confirm']);
    await expect.poll(() => heard.length).toBe(2);
    expect(heardByProperty).toEqual([]);
  });
});

describe('plan steps escalated at another station', () => {
  it('are told here too, once, when that station swept first', async () => {
    start();
    const commander = await as('emergency_commander');
    const heard = listen(commander);
    const openedAt = Date.now() - 10 * MIN;
    const id = 'a-smoke-20261201-0001';
    const open = {
      id: `${id}-open`,
      hlc: formatHlc({ millis: openedAt, counter: 0, node: 'site' }),
      by: 'Vigil',
      via: 'system' as const,
      kind: 'open' as const,
      type: 'fire' as const,
      title: 'A栋3F 烟感',
      level: 4 as const,
      drill: true,
      place: {},
      source: { kind: 'alarm' as const, alarm: 'smoke-20261201-0001' },
      links: [],
      plan: [{ id: 'confirm', title: '确认火情', owner: '安保巡逻一队', minutes: 3, startLevel: 4 as const }],
    };
    const send = (record: IncidentRecord) => {
      pushSite(core!, `incidents/${id}`, record, SITE);
      core!.ingest.flush();
    };
    // Station 2 opened the drill and swept before this station: its copy carries the escalation.
    send({ id, events: [open, overdueEvent('confirm', openedAt + 3 * MIN)] });
    await expect.poll(() => heard).toEqual([{ ids: [id], steps: [{ incident: id, step: 'confirm' }] }]);
    // This station's own sweep (every 50 ms here) finds it escalated already, and the same copy again is nothing new.
    send({ id, events: [open, overdueEvent('confirm', openedAt + 3 * MIN)] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard).toHaveLength(1);
    expect(await overdueLines(commander, id)).toHaveLength(1);
  });

  it('are escalated by this station when the copy it got did not carry the escalation', async () => {
    start();
    const commander = await as('emergency_commander');
    const heard = listen(commander);
    const openedAt = Date.now() - 10 * MIN;
    const id = 'a-smoke-20261201-0002';
    const plan = [{ id: 'confirm', title: '确认火情', owner: '安保巡逻一队', minutes: 3, startLevel: 4 as const }];
    const open = { id: `${id}-open`, hlc: formatHlc({ millis: openedAt, counter: 0, node: 'site' }), by: 'Vigil', via: 'system' as const, kind: 'open' as const, type: 'fire' as const, title: 'A栋3F 烟感', level: 4 as const, drill: false, place: {}, source: { kind: 'hand' as const }, links: [], plan };
    pushSite(core!, `incidents/${id}`, { id, events: [open] }, SITE);
    core!.ingest.flush();
    // The station's sweep (every 50 ms here) escalates it on its own.
    await expect.poll(() => heard).toEqual([{ ids: [id], steps: [{ incident: id, step: 'confirm' }] }]);
    expect(await overdueLines(commander, id)).toMatchObject([{ id: `overdue-confirm-${openedAt + 3 * MIN}`, applied: true }]);
  });

  it('are passed over, not read again every sweep, in an incident that holds as many entries as one keeps', async () => {
    start();
    const openedAt = Date.now() - 10 * MIN;
    const id = 'a-smoke-20261201-0003';
    const plan = [{ id: 'confirm', title: '确认火情', owner: '安保巡逻一队', minutes: 3, startLevel: 4 as const }];
    const open: IncidentEvent = { id: `${id}-open`, hlc: formatHlc({ millis: openedAt, counter: 0, node: 'site' }), by: 'Vigil', via: 'system', kind: 'open', type: 'fire', title: 'A栋3F 烟感', level: 4, drill: false, place: {}, source: { kind: 'hand' }, links: [], plan };
    const notes = Array.from({ length: MAX_INCIDENT_EVENTS - 1 }, (_, n): IncidentEvent => {
      const hlc = formatHlc({ millis: openedAt + 1000 + n, counter: 0, node: 'desk-2' });
      return { id: hlc, hlc, by: 'commander', via: 'station', kind: 'note', text: `note ${n}` };
    });
    // Whether the station's own sweep (every 50 ms here) or this call comes first, nothing can be added and nothing is left due.
    pushSite(core!, `incidents/${id}`, { id, events: [open, ...notes] }, SITE);
    core!.ingest.flush();
    expect(core!.incidents.escalate(Date.now())).toEqual([]);
    expect(nextDue(id)).toBeNull();
    expect(core!.incidents.incidents.get(id).steps[0]).toMatchObject({ status: 'active', escalatedAt: null });
  });
});
