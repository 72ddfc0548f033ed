import { EVENT_TYPES, type DoorState, type EventType, type IngestStats, type QuarantineKind } from '../contract';
import type { DeviceRegistry } from '../devices/registry';
import { BatchWriter } from '../store/batch-writer';
import type { Database } from '../store/database';
import { decode, preview, type Decoded } from './decode';
import type { ChannelPayload } from './interface/topics';
import type { Quarantine } from './quarantine';
import { RateCounter } from './rates';

export type Incoming = { topic: string; payload: Uint8Array; receivedAt: number };

/** What one committed batch changed, for the windows and for the modules that act on it. */
export type Committed = {
  devices: Set<string>;
  events: { code: string; event: ChannelPayload<'deviceEvent'> }[];
  /** Commands whose status an acknowledgement moved on. */
  commands: Set<string>;
  /** Alarms raised or changed by this batch. */
  alarms: Set<string>;
  presence: { station: string; presence: ChannelPayload<'presence'> }[];
  /** Whether another station changed an alarm rule. */
  rules: boolean;
  /** Whether another station changed an energy-saving schedule. */
  schedules: boolean;
  /** Meters whose readings were stored. */
  meters: Set<string>;
  /** Whether a building's facts or the site's tariffs changed (what energy costs, per m², per resident). */
  energySettings: boolean;
  /** Repair orders opened or changed by this batch. */
  orders: Set<string>;
  /** Residents whose profile was stored. */
  residents: Set<string>;
  /** Whether another station changed the life-service catalogue. */
  services: boolean;
  /** Announcements another station changed, or whose receipts were counted. */
  notices: Set<string>;
  /** Incidents changed by this batch; '' when a plan or resource did. */
  incidents: Set<string>;
  /** Whether another station changed a warning rule. */
  warningRules: boolean;
};

const emptyBatch = (): Committed => ({ devices: new Set(), events: [], commands: new Set(), alarms: new Set(), presence: [], rules: false, schedules: false, meters: new Set(), energySettings: false, orders: new Set(), residents: new Set(), services: false, notices: new Set(), incidents: new Set(), warningRules: false });

/**
 * Work that must commit with the message that caused it (an event raising an
 * alarm): called inside the batch's transaction. The alarm hooks return the
 * ids of the alarms they raised or changed.
 */
export type IngestHooks = {
  onEvent(code: string, event: ChannelPayload<'deviceEvent'>): string[];
  onTelemetry(code: string, telemetry: ChannelPayload<'telemetry'>): string[];
  /** A door's state changed (alarm rules on doors). */
  onDoor(code: string, door: DoorState, at: number): string[];
  onAlarm(record: ChannelPayload<'alarm'>): string | null;
  /** Whether another station's rule record changed this station's rules. */
  onRule(record: ChannelPayload<'rule'>): boolean;
  /** Whether another station's schedule record changed this station's schedules. */
  onSavingSchedule(record: ChannelPayload<'savingSchedule'>): boolean;
  /** A building's facts, or another station's tariffs; whether they changed what this station holds. */
  onBuilding(id: string, info: ChannelPayload<'buildingInfo'>): boolean;
  onTariff(record: ChannelPayload<'tariff'>): boolean;
  /** Another station's copy of a repair order; whether it changed this station's. */
  onOrder(record: ChannelPayload<'order'>): boolean;
  /** A resident's repair report, or an app's update of an order; why it was refused, or null. */
  onRepairRequest(resident: string, report: ChannelPayload<'repairRequest'>, receivedAt: number): string | null;
  onOrderUpdate(order: string, update: ChannelPayload<'orderUpdate'>, receivedAt: number): string | null;
  /** An image named by its hash; why it was refused, or null. */
  onImage(hash: string, image: ChannelPayload<'image'>): string | null;
  /** A resident's profile from their app: stored, unchanged (a redelivery), or refused (a replay, a bad id) with its reason. */
  onResidentProfile(resident: string, profile: ChannelPayload<'residentProfile'>): { outcome: 'stored' | 'unchanged' } | { outcome: 'refused'; kind: QuarantineKind; reason: string };
  /** Whether another station's version of a life service changed this station's catalogue. */
  onService(record: ChannelPayload<'service'>): boolean;
  /** Another station's version of an officer's screen layouts. */
  onWorkspace(record: ChannelPayload<'workspace'>): boolean;
  /** Whether another station's announcement record changed this station's. */
  onNoticeRecord(record: ChannelPayload<'noticeRecord'>): boolean;
  /** A resident's app or signage screen registering. */
  onTerminal(terminal: string, info: ChannelPayload<'terminalInfo'>): void;
  /** A terminal's receipt of an announcement; why it is refused, or null. */
  onReceipt(terminal: string, receipt: ChannelPayload<'terminalReceipt'>, receivedAt: number): { kind: QuarantineKind; reason: string } | null;
  /** The command an acknowledgement moved on, or null. */
  onAck(code: string, ack: ChannelPayload<'commandAck'>): string | null;
  /** A meter's readings; why the message is not the meter's, or null. */
  onReadings(code: string, readings: ChannelPayload<'meterReadings'>, receivedAt: number): string | null;
  /** Another station's copy of an incident, plan or resource; whether it changed this station's. */
  onIncident(record: ChannelPayload<'incident'>): boolean;
  onPlan(record: ChannelPayload<'plan'>): boolean;
  onResource(record: ChannelPayload<'resource'>): boolean;
  /** A handheld answering a dispatch; why it is refused, or null. */
  onResourceReply(resource: string, reply: ChannelPayload<'resourceReply'>, receivedAt: number): { kind: QuarantineKind; reason: string } | null;
  /** Last work inside a batch's transaction. */
  endBatch(): void;
  /** Another station's copy of an early warning (the warnings module tells windows what changed). */
  onWarningRecord(record: ChannelPayload<'warning'>): void;
  /** Whether another station's warning rule record changed this station's rules. */
  onWarningRule(record: ChannelPayload<'warningRule'>): boolean;
  /** A station's audit anchor (this station's own included); why it is quarantined, or null. */
  onAuditAnchor?(station: string, anchor: ChannelPayload<'auditAnchor'>, receivedAt: number): { kind: QuarantineKind; reason: string } | null;
};

/**
 * validate → quarantine what fails → store idempotently → report. Messages
 * are written in one transaction per turn of the event loop; listeners
 * (and the MQTT acknowledgements) run only after the transaction commits,
 * so a crash never loses a message the broker was told we have.
 */
export class Ingest {
  private readonly writer: BatchWriter<Incoming>;
  private readonly listeners = new Set<(batch: Committed) => void>();
  private batch = emptyBatch();
  private readonly insertEvent;
  private readonly upsertTelemetry;
  private readonly received = new RateCounter();
  private readonly stored = new RateCounter();
  private readonly refused = new RateCounter();
  private readonly totals = { received: 0, events: 0, telemetry: 0, states: 0, readings: 0 };
  private lastMessageAt: number | null = null;
  private queuedBytes = 0;
  private hooks: IngestHooks | null = null;

  constructor(
    db: Database,
    private readonly registry: DeviceRegistry,
    private readonly quarantine: Quarantine,
    private readonly site: string,
    options: { maxBatch?: number } = {},
  ) {
    this.insertEvent = db.prepare(
      `INSERT OR IGNORE INTO device_events (id, code, type, severity, at, received_at, zone, person, data)
       VALUES (@id, @code, @type, @severity, @at, @receivedAt, @zone, @person, @data)`,
    );
    this.upsertTelemetry = db.prepare(
      `INSERT INTO telemetry_latest (code, key, value, at) VALUES (?, ?, ?, ?)
       ON CONFLICT(code, key) DO UPDATE SET value = excluded.value, at = excluded.at WHERE excluded.at > telemetry_latest.at`,
    );
    this.writer = new BatchWriter<Incoming>(db, (message) => this.apply(message), {
      maxBatch: options.maxBatch ?? 2000,
      finish: () => this.hooks?.endBatch(),
      onFlush: () => this.committed(),
    });
  }

  push(message: Incoming): void {
    this.received.add();
    this.totals.received++;
    this.lastMessageAt = message.receivedAt;
    this.queuedBytes += message.payload.byteLength;
    this.writer.push(message);
  }

  /** Messages received and not yet written. */
  get pending(): number {
    return this.writer.pending;
  }

  /** Their payloads' bytes: a message of a day's meter readings weighs as much as a hundred events. */
  get pendingBytes(): number {
    return this.queuedBytes;
  }

  /** Writes what is queued now; normally the writer does this once per turn of the event loop. */
  flush(): void {
    this.writer.flush();
  }

  setHooks(hooks: IngestHooks): void {
    this.hooks = hooks;
  }

  onCommit(listener: (batch: Committed) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stats(): IngestStats {
    return {
      rates: { received: this.received.perSecond(), stored: this.stored.perSecond(), quarantined: this.refused.perSecond() },
      totals: { ...this.totals, quarantined: this.quarantine.total },
      quarantineByKind: this.quarantine.counts(),
      lastMessageAt: this.lastMessageAt,
    };
  }

  private committed(): void {
    // A flush writes everything queued.
    this.queuedBytes = 0;
    const batch = this.batch;
    this.batch = emptyBatch();
    for (const listener of this.listeners) listener(batch);
  }

  private refuse(message: Incoming, kind: QuarantineKind, reason: string): void {
    this.refused.add();
    this.quarantine.add({ at: message.receivedAt, topic: message.topic, kind, reason, preview: preview(message.payload), size: message.payload.byteLength });
  }

  private alarmsChanged(ids: string[] | undefined): void {
    for (const id of ids ?? []) this.batch.alarms.add(id);
  }

  /** One message, inside the batch's transaction. */
  private apply(message: Incoming): void {
    const decoded = decode(message.topic, message.payload, this.site);
    if (!decoded.ok) return this.refuse(message, decoded.kind, decoded.reason);
    const refusal = this.store(decoded, message.receivedAt);
    if (refusal) this.refuse(message, refusal.kind, refusal.reason);
    else this.stored.add();
  }

  /** Stores a valid message; returns why it was refused, or null. */
  private store(message: Decoded, receivedAt: number): { kind: QuarantineKind; reason: string } | null {
    const unknown = (code: string) => ({ kind: 'unknown-device' as const, reason: `unknown device: ${code} is not registered` });
    const code = message.params.code ?? '';
    switch (message.channel) {
      case 'deviceInfo':
        this.totals.states++;
        if (this.registry.applyInfo({ code, ...message.payload, at: message.payload.ts })) this.batch.devices.add(code);
        return null;
      case 'deviceState': {
        this.totals.states++;
        const { status, ts, door, zone } = message.payload;
        if (!this.registry.applyStatus({ code, status, at: ts, ...(door ? { door } : {}), ...(zone ? { zone } : {}) })) return null;
        this.batch.devices.add(code);
        if (door) this.alarmsChanged(this.hooks?.onDoor(code, door, ts));
        return null;
      }
      case 'gatewayState': {
        this.totals.states++;
        // A last will carries the time its gateway connected, not the time it fired: the link's state is
        // a fact the broker observed, so it is stamped with the time this station learnt it.
        const { online } = message.payload;
        const ts = receivedAt;
        if (!this.registry.applyStatus({ code, status: online ? 'online' : 'offline', at: ts })) return null;
        this.batch.devices.add(code);
        // A gateway's last will speaks for the devices behind it; when it returns it republishes their states.
        if (!online) {
          for (const device of this.registry.behind(code)) {
            if (this.registry.applyStatus({ code: device, status: 'offline', at: ts })) this.batch.devices.add(device);
          }
        }
        return null;
      }
      case 'telemetry':
        if (!this.registry.has(code)) return unknown(code);
        this.totals.telemetry++;
        for (const [key, value] of Object.entries(message.payload.values)) this.upsertTelemetry.run(code, key, value, message.payload.ts);
        this.alarmsChanged(this.hooks?.onTelemetry(code, message.payload));
        return null;
      case 'meterReadings': {
        if (!this.registry.has(code)) return unknown(code);
        const refusal = this.hooks?.onReadings(code, message.payload, receivedAt);
        if (refusal) return { kind: 'schema', reason: `meterReadings: ${refusal}` };
        this.totals.readings += message.payload.readings.length;
        this.batch.meters.add(code);
        return null;
      }
      case 'deviceEvent': {
        if (!this.registry.has(code)) return unknown(code);
        const event = message.payload;
        const stored = this.insertEvent.run({
          id: event.id,
          code,
          type: event.type,
          severity: event.severity ?? EVENT_TYPES[event.type as EventType].severity,
          at: event.ts,
          receivedAt,
          zone: event.zone ?? null,
          person: event.person ?? null,
          data: event.data ? JSON.stringify(event.data) : null,
        });
        if (!stored.changes) return { kind: 'replay', reason: `replay: event ${event.id} is already stored` };
        this.totals.events++;
        this.batch.events.push({ code, event });
        this.alarmsChanged(this.hooks?.onEvent(code, event));
        return null;
      }
      case 'commandAck': {
        const command = this.hooks?.onAck(code, message.payload);
        if (command) this.batch.commands.add(command);
        return null;
      }
      case 'alarm': {
        const alarm = this.hooks?.onAlarm(message.payload);
        if (alarm) this.batch.alarms.add(alarm);
        return null;
      }
      case 'rule':
        if (this.hooks?.onRule(message.payload)) this.batch.rules = true;
        return null;
      case 'savingSchedule':
        if (this.hooks?.onSavingSchedule(message.payload)) this.batch.schedules = true;
        return null;
      case 'buildingInfo':
        this.totals.states++;
        if (this.hooks?.onBuilding(message.params.building!, message.payload)) this.batch.energySettings = true;
        return null;
      case 'tariff':
        if (this.hooks?.onTariff(message.payload)) this.batch.energySettings = true;
        return null;
      case 'order':
        if (message.payload.id !== message.params.order) return { kind: 'schema', reason: `order: the record is ${message.payload.id}, the topic names ${message.params.order}` };
        if (this.hooks?.onOrder(message.payload)) this.batch.orders.add(message.payload.id);
        return null;
      case 'repairRequest': {
        const refusal = this.hooks?.onRepairRequest(message.params.resident!, message.payload, receivedAt);
        if (refusal) return { kind: refusal.startsWith('replay') ? 'replay' : 'schema', reason: `repairRequest: ${refusal}` };
        this.batch.orders.add(`r-${message.payload.id}`);
        return null;
      }
      case 'orderUpdate': {
        const refusal = this.hooks?.onOrderUpdate(message.params.order!, message.payload, receivedAt);
        if (refusal) return { kind: refusal.startsWith('replay') ? 'replay' : 'refused', reason: `orderUpdate: ${refusal}` };
        this.batch.orders.add(message.params.order!);
        return null;
      }
      case 'image': {
        const refusal = this.hooks?.onImage(message.params.image!, message.payload);
        return refusal ? { kind: 'image', reason: refusal } : null;
      }
      case 'residentProfile': {
        const resident = message.params.resident!;
        const applied = this.hooks?.onResidentProfile(resident, message.payload);
        if (applied?.outcome === 'refused') return { kind: applied.kind, reason: applied.reason };
        if (applied?.outcome === 'stored') this.batch.residents.add(resident);
        return null;
      }
      case 'service':
        if (this.hooks?.onService(message.payload)) this.batch.services = true;
        return null;
      case 'workspace':
        if (message.payload.id !== message.params.user) return { kind: 'schema', reason: `workspace: the record is ${message.payload.id}'s, the topic names ${message.params.user}` };
        this.hooks?.onWorkspace(message.payload);
        return null;
      case 'residentRecommendations':
        // What stations publish to residents' apps; this station computes its own.
        return null;
      case 'noticeRecord':
        if (this.hooks?.onNoticeRecord(message.payload)) this.batch.notices.add(message.payload.id);
        return null;
      case 'warning':
        if (message.payload.id !== message.params.warning) return { kind: 'schema', reason: `warning: the record is ${message.payload.id}, the topic names ${message.params.warning}` };
        this.hooks?.onWarningRecord(message.payload);
        return null;
      case 'warningRule':
        if (message.payload.id !== message.params.warningRule) return { kind: 'schema', reason: `warningRule: the rule is ${message.payload.id}, the topic names ${message.params.warningRule}` };
        if (this.hooks?.onWarningRule(message.payload)) this.batch.warningRules = true;
        return null;
      case 'terminalInfo':
        this.totals.states++;
        this.hooks?.onTerminal(message.params.terminal!, message.payload);
        return null;
      case 'terminalReceipt': {
        const refusal = this.hooks?.onReceipt(message.params.terminal!, message.payload, receivedAt) ?? null;
        if (!refusal) this.batch.notices.add(message.payload.notice);
        return refusal;
      }
      case 'notice':
        // What stations publish to terminals; made from the shared records every station already holds.
        return null;
      case 'presence':
        this.batch.presence.push({ station: message.params.station!, presence: message.payload });
        return null;
      case 'command':
        // Commands are what stations send to devices; another station's command is not ours to store.
        return null;
      case 'incident':
        if (message.payload.id !== message.params.incident) return { kind: 'schema', reason: `incident: the record is ${message.payload.id}, the topic names ${message.params.incident}` };
        if (this.hooks?.onIncident(message.payload)) this.batch.incidents.add(message.payload.id);
        return null;
      case 'plan':
      case 'resource': {
        const id = message.params[message.channel]!;
        if (message.payload.id !== id) return { kind: 'schema', reason: `${message.channel}: the record is ${message.payload.id}, the topic names ${id}` };
        const changed = message.channel === 'plan' ? this.hooks?.onPlan(message.payload) : this.hooks?.onResource(message.payload);
        if (changed) this.batch.incidents.add('');
        return null;
      }
      case 'resourceReply': {
        const refusal = this.hooks?.onResourceReply(message.params.resource!, message.payload, receivedAt) ?? null;
        if (!refusal) this.batch.incidents.add(message.payload.incident);
        return refusal;
      }
      case 'auditAnchor':
        if (message.payload.station !== message.params.station) return { kind: 'schema', reason: `auditAnchor: the anchor is ${message.payload.station}'s, the topic names ${message.params.station}` };
        return this.hooks?.onAuditAnchor?.(message.params.station!, message.payload, receivedAt) ?? null;
      case 'resourceDispatch':
        // What stations send to handhelds; the dispatch itself is in the incident's record.
        return null;
      case 'openEvent':
      case 'openAlarm':
        // Open data for a district platform, copies of what stations hold already; stations do not subscribe to it.
        return null;
      default: {
        const unhandled: never = message;
        return { kind: 'topic', reason: `no handler for ${(unhandled as Decoded).channel}` };
      }
    }
  }
}
