import type { z } from 'zod';
import {
  AlarmStatePayload,
  AuditAnchorPayload,
  BuildingInfoPayload,
  CommandAckPayload,
  CommandPayload,
  DeviceEventPayload,
  DeviceInfoPayload,
  DeviceStatePayload,
  GatewayStatePayload,
  ImagePayload,
  IncidentPayload,
  PlanPayload,
  ResourcePayload,
  DispatchOrderPayload,
  DispatchReplyPayload,
  OrderPayload,
  OrderUpdatePayload,
  RepairRequestPayload,
  MeterReadingsPayload,
  NoticePayload,
  NoticeRecordPayload,
  PresencePayload,
  RecommendationsPayload,
  ResidentProfilePayload,
  RulePayload,
  SavingSchedulePayload,
  ServicePayload,
  TariffPayload,
  TelemetryPayload,
  TerminalInfoPayload,
  TerminalReceiptPayload,
  WorkspacePayload,
  WarningPayload,
  WarningRulePayload,
} from './payloads';
import { OpenAlarmPayload, OpenEventPayload } from './open-data';

/**
 * The MQTT topic tree, version 1: every channel with its QoS, retention,
 * direction and payload. The decoder, the publishers and the AsyncAPI
 * document (docs/site-interface.asyncapi.json) are all read from this table.
 */
export const INTERFACE_VERSION = 'v1';
export const TOPIC_ROOT = `vigil/${INTERFACE_VERSION}`;

export type Channel = {
  pattern: string;
  qos: 0 | 1;
  retained: boolean;
  /** Who publishes: the site (devices, gateways, residents' apps), stations (Vigil), or both. */
  from: 'site' | 'station' | 'both';
  /** Larger payloads than the decoder's default are allowed on this channel (images). */
  maxBytes?: number;
  payload: z.ZodType;
  summary: string;
};

export const CHANNELS = {
  deviceInfo: {
    pattern: 'vigil/v1/{site}/devices/{code}/info',
    qos: 1,
    retained: true,
    from: 'site',
    payload: DeviceInfoPayload,
    summary: 'Registration of a device: name, place, streams. Retained.',
  },
  deviceState: {
    pattern: 'vigil/v1/{site}/devices/{code}/state',
    qos: 1,
    retained: true,
    from: 'site',
    payload: DeviceStatePayload,
    summary: 'Status of a device (online, offline, fault). Retained.',
  },
  buildingInfo: {
    pattern: 'vigil/v1/{site}/buildings/{building}/info',
    qos: 1,
    retained: true,
    from: 'site',
    payload: BuildingInfoPayload,
    summary: "A building's facts: name, floor area, residents (energy per m² and per resident). Retained.",
  },
  gatewayState: {
    pattern: 'vigil/v1/{site}/gateways/{code}/state',
    qos: 1,
    retained: true,
    from: 'site',
    payload: GatewayStatePayload,
    summary: "An edge gateway's link; its last will publishes {online:false}. Retained.",
  },
  telemetry: {
    pattern: 'vigil/v1/{site}/devices/{code}/telemetry',
    qos: 0,
    retained: false,
    from: 'site',
    payload: TelemetryPayload,
    summary: 'Measurements (meters, sensors). QoS 0: the next sample replaces a lost one.',
  },
  meterReadings: {
    pattern: 'vigil/v1/{site}/devices/{code}/readings',
    qos: 1,
    retained: false,
    from: 'site',
    payload: MeterReadingsPayload,
    summary: "A water, electricity or gas meter's cumulative register, one reading or a gateway's buffered day. Counted once whatever is repeated or late.",
  },
  deviceEvent: {
    pattern: 'vigil/v1/{site}/devices/{code}/events',
    qos: 1,
    retained: false,
    from: 'site',
    payload: DeviceEventPayload,
    summary: 'Something happened at a device (intrusion, smoke, door forced …). Stored exactly once by id.',
  },
  command: {
    pattern: 'vigil/v1/{site}/devices/{code}/commands',
    qos: 1,
    retained: false,
    from: 'station',
    payload: CommandPayload,
    summary: 'An operator command. MQTT 5 response topic and correlation data name the acknowledgement; never acted on after expiresAt.',
  },
  commandAck: {
    pattern: 'vigil/v1/{site}/devices/{code}/commands/ack',
    qos: 1,
    retained: false,
    from: 'site',
    payload: CommandAckPayload,
    summary: 'What became of a command, with the correlation data of the command.',
  },
  alarm: {
    pattern: 'vigil/v1/{site}/alarms/{alarm}',
    qos: 1,
    retained: true,
    from: 'station',
    payload: AlarmStatePayload,
    summary: 'Shared state of one alarm; every station merges by state order, then hybrid logical clock. Retained.',
  },
  rule: {
    pattern: 'vigil/v1/{site}/rules/{rule}',
    qos: 1,
    retained: true,
    from: 'station',
    payload: RulePayload,
    summary: 'An alarm rule of the site, as last changed at any station; every station evaluates it on the same messages and raises the same alarm. Retained.',
  },
  savingSchedule: {
    pattern: 'vigil/v1/{site}/energy/schedules/{schedule}',
    qos: 1,
    retained: true,
    from: 'station',
    payload: SavingSchedulePayload,
    summary: 'An energy-saving schedule of the site (lighting, HVAC set-points, pumps), as last changed at any station; every station runs it and sends its steps as commands with the same ids. Retained.',
  },
  tariff: {
    pattern: 'vigil/v1/{site}/energy/tariff',
    qos: 1,
    retained: true,
    from: 'station',
    payload: TariffPayload,
    summary: "The site's tariffs (峰谷平 electricity, water, gas), as last changed at any station; every station costs energy with them. Retained.",
  },
  order: {
    pattern: 'vigil/v1/{site}/orders/{order}',
    qos: 1,
    retained: true,
    from: 'station',
    maxBytes: 256 * 1024,
    payload: OrderPayload,
    summary: "A repair work order as a set of everything done to it; every station merges copies by union of the events and reads the order from them alike. Technicians' and residents' apps read their orders here. Retained.",
  },
  repairRequest: {
    pattern: 'vigil/v1/{site}/residents/{resident}/repairs',
    qos: 1,
    retained: false,
    from: 'site',
    payload: RepairRequestPayload,
    summary: "A repair a resident reports from their app, with photos; every station opens the same order r-{id}. A report sent again is a replay.",
  },
  orderUpdate: {
    pattern: 'vigil/v1/{site}/orders/{order}/updates',
    qos: 1,
    retained: false,
    from: 'site',
    payload: OrderUpdatePayload,
    summary: "What a technician's app (accept, start, note, complete) or the reporting resident's app (note, confirm with a rating, reopen) does to an order; refused with the reason when it does not fit the order.",
  },
  image: {
    pattern: 'vigil/v1/{site}/images/{image}',
    qos: 1,
    retained: true,
    from: 'both',
    maxBytes: 1_500_000,
    payload: ImagePayload,
    summary: "An image a record refers to by its SHA-256 (a resident's or technician's repair photo, an announcement's picture), from a resident's app or a station. Checked against its name; stored once. Retained.",
  },
  residentProfile: {
    pattern: 'vigil/v1/{site}/residents/{resident}/profile',
    qos: 1,
    retained: true,
    from: 'site',
    maxBytes: 8 * 1024,
    payload: ResidentProfilePayload,
    summary: "A resident's profile from their app: contact (personal), building, household type, interests and consent to recommendations. The newer ts wins; an older or equal one is refused as a replay. At most 8 KiB. Retained.",
  },
  residentRecommendations: {
    pattern: 'vigil/v1/{site}/residents/{resident}/recommendations',
    qos: 1,
    retained: true,
    from: 'station',
    payload: RecommendationsPayload,
    summary: "Life services recommended to one resident, best first, each with its reasons, computed by the stations from the catalogue and the resident's building, household and interests only; the same bytes from every station. Retained.",
  },
  service: {
    pattern: 'vigil/v1/{site}/services/{service}',
    qos: 1,
    retained: true,
    from: 'station',
    payload: ServicePayload,
    summary: "A life service of the site's catalogue (shops, clinics, housekeeping, elderly care …), as last changed at any station by property staff. Retained.",
  },
  noticeRecord: {
    pattern: 'vigil/v1/{site}/notices/records/{notice}',
    qos: 1,
    retained: true,
    from: 'station',
    payload: NoticeRecordPayload,
    summary: 'An announcement as last changed at any station (draft, submitted, approved, rejected, revoked) with who did each step; stations only. Retained.',
  },
  notice: {
    pattern: 'vigil/v1/{site}/notices/{notice}',
    qos: 1,
    retained: true,
    from: 'station',
    payload: NoticePayload,
    summary: "An announcement for residents' apps and signage, published when due, or its revocation (terminals remove it). The same bytes from every station. Retained.",
  },
  terminalInfo: {
    pattern: 'vigil/v1/{site}/terminals/{terminal}/info',
    qos: 1,
    retained: true,
    from: 'site',
    payload: TerminalInfoPayload,
    summary: "A resident's app or signage screen registering: its kind, building and unit, so stations know each audience's size. Retained.",
  },
  terminalReceipt: {
    pattern: 'vigil/v1/{site}/terminals/{terminal}/receipts',
    qos: 1,
    retained: false,
    from: 'site',
    payload: TerminalReceiptPayload,
    summary: 'A terminal acknowledging an announcement it got (received) or opened (read). Counted once per notice, terminal and status; one for a notice it never got, or a replayed id, is quarantined.',
  },
  workspace: {
    pattern: 'vigil/v1/{site}/workspaces/{user}',
    qos: 1,
    retained: true,
    from: 'station',
    payload: WorkspacePayload,
    summary: "An officer's screen layouts and the one that opens at sign-in, as last changed at any station, so they follow the officer to every desk; stations only. Retained.",
  },
  presence: {
    pattern: 'vigil/v1/{site}/stations/{station}/presence',
    qos: 1,
    retained: true,
    from: 'station',
    payload: PresencePayload,
    summary: "A station's presence; its last will publishes {online:false}. Retained.",
  },
  incident: {
    pattern: 'vigil/v1/{site}/incidents/{incident}',
    qos: 1,
    retained: true,
    from: 'station',
    maxBytes: 512 * 1024,
    payload: IncidentPayload,
    summary: 'An incident (事件) as the set of everything done about it (opening, level, state, plan steps and their escalations at deadline, links, notes, dispatches and replies); every station merges copies by union of the events and reads the incident from them alike. Retained.',
  },
  plan: {
    pattern: 'vigil/v1/{site}/plans/{plan}',
    qos: 1,
    retained: true,
    from: 'station',
    payload: PlanPayload,
    summary: 'The response plan (应急预案) of one incident type: its steps with owner, deadline and start level, as last changed at any station. Retained.',
  },
  resource: {
    pattern: 'vigil/v1/{site}/resources/{resource}',
    qos: 1,
    retained: true,
    from: 'station',
    payload: ResourcePayload,
    summary: 'A team, vehicle or piece of equipment that can be dispatched, with the people who answer for it, as last changed at any station. Retained.',
  },
  resourceDispatch: {
    pattern: 'vigil/v1/{site}/resources/{resource}/dispatch',
    qos: 1,
    retained: false,
    from: 'station',
    payload: DispatchOrderPayload,
    summary: "A resource sent to an incident (or released from it), for the resource's handhelds: incident, place, task, level and whether it is a drill.",
  },
  resourceReply: {
    pattern: 'vigil/v1/{site}/resources/{resource}/replies',
    qos: 1,
    retained: false,
    from: 'site',
    payload: DispatchReplyPayload,
    summary: "A handheld answering a dispatch (acknowledged, arrived, released); a reply from someone not of the resource, a second acknowledgement, an arrival before acknowledgement, a reply to an unknown or released dispatch, or one more than 5 min ahead is quarantined with its reason.",
  },
  warningRule: {
    pattern: 'vigil/v1/{site}/warning-rules/{warningRule}',
    qos: 1,
    retained: true,
    from: 'station',
    payload: WarningRulePayload,
    summary: 'An early-warning rule of the site (hazard, level, scope, grouping and a threshold, rate, count or combination condition), as last changed at any station; every station evaluates it on the same messages and derives the same warnings. Retained.',
  },
  warning: {
    pattern: 'vigil/v1/{site}/warnings/{warning}',
    qos: 1,
    retained: true,
    from: 'station',
    maxBytes: 256 * 1024,
    payload: WarningPayload,
    summary: 'An early warning (预警) as the set of its events (raised, level changed, cleared, acknowledged); every station derives the same events from the same device messages and merges copies by union. Retained.',
  },
  auditAnchor: {
    pattern: 'vigil/v1/{site}/stations/{station}/audit-anchor',
    qos: 1,
    retained: true,
    from: 'station',
    payload: AuditAnchorPayload,
    summary: "A station's audit head (newest row id and chain hash, the head before it), signed with its station key; every station checks it against the last it holds, so deleted newest rows, a replayed or forged anchor or a changed key are reported. Retained.",
  },
  openEvent: {
    pattern: 'vigil/v1/{site}/open/events',
    qos: 1,
    retained: false,
    from: 'station',
    payload: OpenEventPayload,
    summary: "Open data for a district platform (数据开放): each device event as an export's row, with the fields of the classes IT scoped the feed to; personal fields in scope are masked (张**, ****5678), never full. Published by the one station whose feed IT turned on, from then on.",
  },
  openAlarm: {
    pattern: 'vigil/v1/{site}/open/alarms',
    qos: 1,
    retained: false,
    from: 'station',
    payload: OpenAlarmPayload,
    summary: "Open data for a district platform: an alarm each time its state changes (here or at another station), as an export's row scoped like openEvent; the platform keeps the latest by id.",
  },
} as const satisfies Record<string, Channel>;

export type ChannelName = keyof typeof CHANNELS;
export type ChannelPayload<C extends ChannelName> = z.output<(typeof CHANNELS)[C]['payload']>;

/** The concrete topic of a channel. Parameters must be single topic levels. */
export function topicOf(channel: ChannelName, params: Record<string, string>): string {
  return CHANNELS[channel].pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (!value || /[/+#]/.test(value)) throw new Error(`topic parameter ${name}=${String(value)} is not a single topic level`);
    return value;
  });
}

/** The subscription filter for every channel the site publishes, for one site. */
export function siteFilters(site: string): string[] {
  return [`${TOPIC_ROOT}/${site}/devices/#`, `${TOPIC_ROOT}/${site}/gateways/+/state`, `${TOPIC_ROOT}/${site}/alarms/+`, `${TOPIC_ROOT}/${site}/rules/+`, `${TOPIC_ROOT}/${site}/energy/schedules/+`, `${TOPIC_ROOT}/${site}/stations/+/presence`, `${TOPIC_ROOT}/${site}/buildings/+/info`, `${TOPIC_ROOT}/${site}/energy/tariff`, `${TOPIC_ROOT}/${site}/images/+`, `${TOPIC_ROOT}/${site}/orders/#`, `${TOPIC_ROOT}/${site}/residents/+/repairs`, `${TOPIC_ROOT}/${site}/residents/+/profile`, `${TOPIC_ROOT}/${site}/services/+`, `${TOPIC_ROOT}/${site}/notices/records/+`, `${TOPIC_ROOT}/${site}/terminals/+/+`, `${TOPIC_ROOT}/${site}/workspaces/+`, `${TOPIC_ROOT}/${site}/incidents/+`, `${TOPIC_ROOT}/${site}/plans/+`, `${TOPIC_ROOT}/${site}/resources/#`, `${TOPIC_ROOT}/${site}/warnings/+`, `${TOPIC_ROOT}/${site}/warning-rules/+`, anchorFilter(site)];
}

/** Every station's audit anchor: subscribed again at every connect (a kept session sends no retained messages), so a station re-reads its own and the others' heads. */
export function anchorFilter(site: string): string {
  return `${TOPIC_ROOT}/${site}/stations/+/audit-anchor`;
}

type Matcher = { name: ChannelName; literals: [number, string][]; params: [number, string][] };

/** The channels by number of topic levels, each with its fixed levels and its parameters' positions: matching runs for every message. */
const MATCHERS = new Map<number, Matcher[]>();
for (const [name, channel] of Object.entries(CHANNELS)) {
  const levels = channel.pattern.split('/');
  const matcher: Matcher = { name: name as ChannelName, literals: [], params: [] };
  levels.forEach((level, index) => (level.startsWith('{') ? matcher.params.push([index, level.slice(1, -1)]) : matcher.literals.push([index, level])));
  MATCHERS.set(levels.length, [...(MATCHERS.get(levels.length) ?? []), matcher]);
}

/** Which channel a topic belongs to, and its parameters; null when it is none. */
export function matchTopic(topic: string): { channel: ChannelName; params: Record<string, string> } | null {
  const levels = topic.split('/');
  candidates: for (const matcher of MATCHERS.get(levels.length) ?? []) {
    for (const [index, literal] of matcher.literals) if (levels[index] !== literal) continue candidates;
    const params: Record<string, string> = {};
    for (const [index, name] of matcher.params) {
      const actual = levels[index]!;
      if (!actual.length) continue candidates;
      params[name] = actual;
    }
    return { channel: matcher.name, params };
  }
  return null;
}
