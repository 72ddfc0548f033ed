import { DEVICE_TYPES, type Alarm } from '../contract';
import { ContractError } from '../contract/wire';
import type { IncidentDetail, IncidentDraft, IncidentLink, IncidentPlace, IncidentSource, IncidentType, LinkKind } from '../contract/incidents';
import type { WarningLevel } from '../contract/warning-levels';
import type { Outbox } from '../outbox/outbox';
import { topicOf } from '../site-link/interface/topics';
import type { IncidentConfig } from './config';
import type { Actor, Incidents } from './store';

/** What the warnings module hands over when a warning opens an incident. */
export type WarningForIncident = { id: string; hazard: string; level: WarningLevel; place: IncidentPlace; devices: string[]; at: number; name: string };

/** A device linked by its code: cameras show on the wall, doors open, meters and zones read; the rest are devices. */
export function linkOfDevice(code: string): IncidentLink {
  const kind = DEVICE_TYPES[code.slice(10, 13) as keyof typeof DEVICE_TYPES] as string | undefined;
  const as: LinkKind = kind === 'camera' || kind === 'ipc' ? 'camera' : kind === 'door' ? 'door' : kind?.endsWith('_meter') ? 'meter' : kind === 'alarm_input' ? 'zone' : 'device';
  return { kind: as, ref: code };
}

/** The incident type a warning's hazard or an alarm's type names; `other` when none does. */
export function typeOfHazard(hazard: string): IncidentType {
  const words = hazard.toLowerCase();
  const table: [RegExp, IncidentType][] = [
    [/fire|smoke|temperature|heat|火|烟|温/, 'fire'],
    [/water|flood|leak_water|water_leak|rain|水|涝/, 'flood'],
    [/gas|燃气|可燃/, 'gas'],
    [/intrusion|door_forced|forced|tamper|入侵|闯/, 'intrusion'],
    [/medical|fall|医/, 'medical'],
    [/power|voltage|outage|electric|电/, 'power'],
    [/crowd|people|density|人群|客流/, 'crowd'],
  ];
  return table.find(([pattern]) => pattern.test(words))?.[1] ?? 'other';
}

/** An alarm's severity as an incident's level: a critical alarm opens at II (the commander raises it to I). */
const LEVEL_OF_SEVERITY: Record<Alarm['severity'], WarningLevel> = { critical: 2, major: 3, minor: 4, info: 4 };

/**
 * Opening, dispatch and release: what the calls and the core do to
 * incidents beyond one event (the plan copied in, the handheld told).
 */
export class IncidentDesk {
  constructor(
    private readonly incidents: Incidents,
    private readonly config: IncidentConfig,
    private readonly outbox: Outbox,
    private readonly site: string,
  ) {}

  private planOf(type: IncidentType) {
    return this.config.plans.get(type)?.steps ?? [];
  }

  /** By hand at a station. Inside a transaction. */
  open(draft: IncidentDraft & { source?: IncidentSource }, actor: Actor, fixed?: { id: string; at: number }): IncidentDetail {
    const { type, title, level, drill, place, links } = draft;
    return this.incidents.open({ type, title, level, drill, place, links, source: draft.source ?? { kind: 'hand' }, plan: this.planOf(type) }, actor, fixed);
  }

  /**
   * From a warning: every station that sees the warning opens the same
   * incident w-{warning id}, stamped with the warning's time, so the copies
   * are one. Null when it is open already. Inside a transaction.
   */
  openFromWarning(warning: WarningForIncident, actor: Actor = { by: 'Vigil', via: 'system' }): IncidentDetail | null {
    const id = `w-${warning.id}`;
    if (this.incidents.has(id)) return null;
    const links: IncidentLink[] = [{ kind: 'warning', ref: warning.id }, ...warning.devices.map(linkOfDevice)];
    const place = Object.fromEntries(Object.entries(warning.place).filter(([, value]) => value)) as IncidentPlace;
    return this.open({ type: typeOfHazard(warning.hazard), title: warning.name.slice(0, 100), level: warning.level, drill: false, place, links: dedupeLinks(links), source: { kind: 'warning', warning: warning.id } }, actor, { id, at: warning.at });
  }

  /** From an alarm: the incident a-{alarm id}, the same at every station. Refused when it is open already. Inside a transaction. */
  openFromAlarm(alarm: Alarm, actor: Actor, overrides: Partial<Pick<IncidentDraft, 'title' | 'level' | 'drill' | 'type'>> = {}): IncidentDetail {
    const id = `a-${alarm.id}`;
    if (this.incidents.has(id)) throw new ContractError('conflict', `alarm ${alarm.id} already has incident ${id}`);
    const place = Object.fromEntries(Object.entries({ area: alarm.area, building: alarm.building, floor: alarm.floor }).filter(([, value]) => value)) as IncidentPlace;
    const links = dedupeLinks([{ kind: 'alarm', ref: alarm.id }, ...(/^\d{20}$/.test(alarm.source) ? [linkOfDevice(alarm.source)] : [])]);
    return this.open(
      {
        type: overrides.type ?? typeOfHazard(alarm.type),
        title: (overrides.title ?? `${alarm.sourceName || alarm.source} ${alarm.type}`).slice(0, 100),
        level: overrides.level ?? LEVEL_OF_SEVERITY[alarm.severity],
        drill: overrides.drill ?? false,
        place,
        links,
        source: { kind: 'alarm', alarm: alarm.id },
      },
      actor,
      { id, at: alarm.raisedAt },
    );
  }

  /** Sends a resource and tells its handhelds. Inside a transaction. */
  dispatch(id: string, resourceId: string, task: string, actor: Actor): IncidentDetail {
    const resource = this.config.resources.get(resourceId);
    if (!resource) throw new ContractError('not_found', `no resource ${resourceId}`);
    const incident = this.incidents.get(id);
    const busy = incident.dispatches.find((held) => held.resource === resourceId && held.status !== 'released');
    if (busy) throw new ContractError('conflict', `${resource.name} is on this incident already (dispatch ${busy.id}); release it first`);
    const dispatch = `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const after = this.incidents.act(id, { kind: 'dispatch', dispatch, resource: resource.id, name: resource.name, members: resource.members, task }, actor, (now) => `incident ${now.id} is ${now.state}: nobody can be sent to it`);
    this.tell(after, resource.id, dispatch, 'dispatch', task, actor.by);
    return after;
  }

  /** Releases a resource from the incident (the station's word) and tells its handhelds. Inside a transaction. */
  release(id: string, dispatchId: string, actor: Actor): IncidentDetail {
    const dispatch = this.incidents.get(id).dispatches.find((held) => held.id === dispatchId);
    if (!dispatch) throw new ContractError('not_found', `no dispatch ${dispatchId} on incident ${id}`);
    const after = this.incidents.act(id, { kind: 'reply', dispatch: dispatchId, status: 'released' }, actor, () => `dispatch ${dispatchId} was released already`);
    this.tell(after, dispatch.resource, dispatchId, 'release', dispatch.task, actor.by);
    return after;
  }

  private tell(incident: IncidentDetail, resource: string, dispatch: string, action: 'dispatch' | 'release', task: string, by: string): void {
    const { id, type, title, level, drill, place } = incident;
    const payload = JSON.stringify({ action, dispatch, incident: id, type, title, level, drill, place, task, by, ts: Date.now() });
    this.outbox.add({ id: `dispatch-${dispatch}-${action}`, topic: topicOf('resourceDispatch', { site: this.site, resource }), payload, qos: 1, retain: false });
  }
}

const dedupeLinks = (links: IncidentLink[]) => links.filter((link, index) => links.findIndex((held) => held.kind === link.kind && held.ref === link.ref) === index);
