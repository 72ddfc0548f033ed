import { createHash } from 'node:crypto';
import { deviceKindOf, type DoorState, type Rule, type RuleTrigger, type Severity } from '../contract';
import type { Raising } from '../alarms/service';
import type { ChannelPayload } from '../site-link/interface/topics';
import { inSchedule } from './schedule';
import type { RuleStore } from './store';

type Threshold = Rule & { condition: { kind: 'threshold' } };
type StatusRule = Rule & { condition: { kind: 'status' } };

/** What the engine reads of the device registry. */
export type RuleDevices = {
  areaOf(code: string): string;
  /** Devices in one of `statuses` since `before` or earlier, with since when. */
  inStatusSince(statuses: readonly string[], before: number): { code: string; since: number }[];
};
type Device = { code: string; kind: string; area(): string };

function applies(rule: Rule, device: Device): boolean {
  const { kinds, devices, area } = rule.scope;
  if (devices.length && !devices.includes(device.code)) return false;
  if (kinds.length && !kinds.includes(device.kind)) return false;
  return !area || device.area() === area;
}
/** A threshold being met on one device: since when, and whether its alarm is raised. */
type Episode = { since: number; last: number; raised: boolean };

/**
 * The alarm id of a rule's firing: the same on every station that sees the
 * same messages (the rule, the device and what started it), so stations
 * raise one alarm between them, not one each.
 */
export const ruleAlarmId = (rule: string, code: string, start: string | number) =>
  `rule-${createHash('sha256').update(`${rule}|${code}|${start}`).digest('hex').slice(0, 32)}`;

/**
 * Evaluates the site's enabled rules on what devices report, inside the
 * ingest's transaction, and raises their alarms. Thresholds must hold on
 * every sample for the rule's time, within its schedule; a sample that
 * misses ends the episode, and the next crossing is a new alarm (which the
 * alarm service folds into the last one within a minute).
 */
export class RuleEngine {
  private compiled = -1;
  private thresholds = new Map<string, Threshold[]>();
  private events = new Map<string, Rule[]>();
  private doors: Rule[] = [];
  private statuses: StatusRule[] = [];
  private readonly episodes = new Map<string, Episode>();
  /** Door rules whose states a door is in now: only entering them fires. */
  private readonly inDoorState = new Set<string>();

  constructor(
    private readonly rules: RuleStore,
    private readonly devices: RuleDevices,
    private readonly raise: (raising: Raising) => string | null,
  ) {}

  /**
   * Status rules, looked for every few seconds (nothing arrives while a
   * device stays off line): a device in a watched status since long enough
   * raises its alarm, stamped at the moment it had been so long. Raising an
   * alarm already raised changes nothing, so the same device is not raised
   * again until it has been back. Call inside a transaction.
   */
  sweep(now: number): string[] {
    this.compile();
    const raised: string[] = [];
    for (const rule of this.statuses) {
      const { statuses, forSeconds } = rule.condition;
      for (const { code, since } of this.devices.inStatusSince(statuses, now - forSeconds * 1000)) {
        const at = since + forSeconds * 1000;
        if (!applies(rule, this.device(code)) || !inSchedule(rule.schedule, at)) continue;
        const id = this.fire(rule, code, ruleAlarmId(rule.id, code, `status:${since}`), at, { id: rule.id, name: rule.name });
        if (id) raised.push(id);
      }
    }
    return raised;
  }

  onTelemetry(code: string, { ts, values }: ChannelPayload<'telemetry'>): string[] {
    this.compile();
    const raised: string[] = [];
    const device = this.device(code);
    for (const [metric, value] of Object.entries(values)) {
      for (const rule of this.thresholds.get(metric) ?? []) {
        if (!applies(rule, device)) continue;
        const id = this.sample(rule, code, ts, value);
        if (id) raised.push(id);
      }
    }
    return raised;
  }

  onEvent(code: string, event: ChannelPayload<'deviceEvent'>): string[] {
    this.compile();
    const rules = this.events.get(event.type);
    // Most events (cards at doors) have no rule: no device lookup for them, this runs for every event.
    if (!rules) return [];
    const device = this.device(code);
    return rules
      .filter((rule) => applies(rule, device) && inSchedule(rule.schedule, event.ts))
      .map((rule) => this.fire(rule, code, ruleAlarmId(rule.id, code, event.id), event.ts, { id: rule.id, name: rule.name }))
      .filter((id): id is string => id !== null);
  }

  onDoor(code: string, door: DoorState, ts: number): string[] {
    this.compile();
    const raised: string[] = [];
    const device = this.device(code);
    for (const rule of this.doors) {
      if (rule.condition.kind !== 'door' || !applies(rule, device)) continue;
      const key = `${rule.id}\0${code}`;
      const entering = rule.condition.states.includes(door) && !this.inDoorState.has(key);
      if (rule.condition.states.includes(door)) this.inDoorState.add(key);
      else this.inDoorState.delete(key);
      if (!entering || !inSchedule(rule.schedule, ts)) continue;
      const id = this.fire(rule, code, ruleAlarmId(rule.id, code, ts), ts, { id: rule.id, name: rule.name });
      if (id) raised.push(id);
    }
    return raised;
  }

  private sample(rule: Threshold, code: string, ts: number, value: number): string | null {
    const key = `${rule.id}\0${code}`;
    const { op, value: limit, forSeconds, metric } = rule.condition;
    const meets = (op === 'above' ? value > limit : value < limit) && inSchedule(rule.schedule, ts);
    const episode = this.episodes.get(key);
    if (episode && ts <= episode.last) return null; // late or repeated sample
    if (!meets) {
      this.episodes.delete(key);
      return null;
    }
    const current = episode ?? { since: ts, last: ts, raised: false };
    current.last = ts;
    this.episodes.set(key, current);
    const due = current.since + forSeconds * 1000;
    if (current.raised || ts < due) return null;
    current.raised = true;
    // Raised at the moment it had held long enough: the same at every station whichever samples it got.
    return this.fire(rule, code, ruleAlarmId(rule.id, code, current.since), due, { id: rule.id, name: rule.name, metric, value });
  }

  private fire(rule: Rule, code: string, id: string, at: number, trigger: RuleTrigger): string | null {
    return this.raise({ id, code, type: 'rule', severity: rule.severity as Severity, at, rule: trigger });
  }

  /** What scopes ask of a device; its area is looked up once per message, and only if a rule asks. */
  private device(code: string): Device {
    let area: string | undefined;
    return { code, kind: deviceKindOf(code), area: () => (area ??= this.devices.areaOf(code)) };
  }

  /** Indexes the enabled rules by what they watch, when they changed since last time. */
  private compile(): void {
    if (this.compiled === this.rules.generation) return;
    this.compiled = this.rules.generation;
    this.thresholds = new Map();
    this.events = new Map();
    this.doors = [];
    this.statuses = [];
    const push = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
    const enabled = this.rules.list().filter((rule) => rule.enabled);
    for (const rule of enabled) {
      const { condition } = rule;
      if (condition.kind === 'threshold') push(this.thresholds, condition.metric, rule as Threshold);
      else if (condition.kind === 'event') push(this.events, condition.eventType, rule);
      else if (condition.kind === 'status') this.statuses.push(rule as StatusRule);
      else this.doors.push(rule);
    }
    // Episodes of rules deleted or switched off end; an edited rule's go on (its next sample decides).
    const live = new Set(enabled.map((rule) => rule.id));
    for (const key of [...this.episodes.keys(), ...this.inDoorState]) {
      if (live.has(key.split('\0')[0]!)) continue;
      this.episodes.delete(key);
      this.inDoorState.delete(key);
    }
  }
}
