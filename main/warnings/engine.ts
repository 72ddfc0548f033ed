import { gravest, type WarningLevel } from '../contract/warning-levels';
import { MAX_WARNING_EVENTS, WARNING_HOLD_MS, type Hazard, type WarningEvent, type WarningPlace, type WarningRuleDraft, type WarningScope, type WarningView } from '../contract/warnings';
import { trackerFor, type Tracker } from './conditions';
import { warningEventIdOf, warningIdOf } from './fold';
import { MetricWatchers, Readings, type Watcher } from './watchers';

/** What the engine reads of a device: its kind and where it is. */
export type WarningDevice = { kind: string; name: string; area: string; building: string; floor: string };
export type WarningDevices = { factsOf(code: string): WarningDevice | null };
export type WarningRuleSource = { readonly generation: number; list(): (WarningRuleDraft & { updatedAt: number })[] };
/** An event the engine derived for a warning. */
export type WarningChange = { warning: string; hazard: Hazard; place: WarningPlace; event: Exclude<WarningEvent, { type: 'acknowledged' }> };

/** Places one rule keeps state for: a rule grouped by device over a large park has thousands, never millions. */
export const MAX_PLACES_PER_RULE = 5_000;
/** Level changes a warning records, leaving room in its record for its clearing and acknowledgements. */
const MAX_LEVEL_EVENTS = MAX_WARNING_EVENTS - 50;

type Derived = WarningChange['event'] extends infer E ? (E extends WarningChange['event'] ? Omit<E, 'id'> : never) : never;
type Facts = WarningDevice & { places: Record<WarningRuleDraft['groupBy'], WarningPlace | null> };
type Place = { place: WarningPlace; tracker: Tracker; rule: Compiled };
/** A rule in force: its state per place, and each device's place under it (null: out of its scope), looked up once. */
type Compiled = { rule: WarningRuleDraft; body: string; places: Map<string, Place>; byDevice: Map<string, Place | null>; capped: string | null };
type Active = { id: string; hazard: Hazard; place: WarningPlace; level: WarningLevel; holding: Map<string, WarningLevel>; quietSince: number | null; events: number };

export function placeOf(groupBy: WarningRuleDraft['groupBy'], code: string, device: WarningDevice): WarningPlace | null {
  switch (groupBy) {
    case 'device':
      return { groupBy, key: code, label: device.name || code };
    case 'floor':
      return device.building && device.floor ? { groupBy, key: `${device.building}/${device.floor}`, label: `${device.building} ${device.floor}` } : null;
    case 'building':
      return device.building ? { groupBy, key: device.building, label: device.building } : null;
    case 'area':
      return device.area ? { groupBy, key: device.area, label: device.area } : null;
  }
}

export function inScope(scope: WarningScope, code: string, device: WarningDevice): boolean {
  if (scope.devices.length && !scope.devices.includes(code)) return false;
  if (scope.kinds.length && !scope.kinds.includes(device.kind)) return false;
  return (!scope.area || scope.area === device.area) && (!scope.building || scope.building === device.building) && (!scope.floor || scope.floor === device.floor);
}

/**
 * Evaluates the site's warning rules on what devices report, inside the
 * ingest's transaction, apart from the alarm rules. Each rule holds or not
 * per place; a warning per hazard and place takes the gravest level of its
 * rules holding there, is raised when the first holds, changes level as
 * they start and stop, and clears once none has held for the hold time.
 * Every moment comes from the messages (a window's end is its last event
 * plus the window), so stations seeing the same messages derive the same
 * events with the same ids; `advance` ends what is due by then, called with
 * each message's time and by the sweep.
 */
export class WarningEngine {
  private compiled = -1;
  private readonly rules = new Map<string, Compiled>();
  private byMetric = new Map<string, MetricWatchers<Compiled>>();
  private byEvent = new Map<string, { rule: Compiled; part: number }[]>();
  private readonly warnings = new Map<string, Active>();
  /** Trackers with an end due unless something new arrives. */
  private readonly timed = new Set<Place>();
  private readonly quiet = new Set<Active>();
  /** Warnings whose rules changed in the message or moment being worked, with when. */
  private readonly dirty = new Map<Active, number>();
  private readonly facts = new Map<string, Facts | null>();
  private readonly readings = new Readings();
  /** No end is due before this (an underestimate at worst: a window moved later is found so on the next look). */
  private nextDue = Infinity;
  /** The latest moment the messages have shown. */
  private clock = 0;
  private readonly holdMs: number;
  private lastPrune = 0;
  /** Rule parts that decided on a sample or an event since the engine started, by the order of their limits or their own state (what a benchmark counts). */
  evaluations = 0;

  constructor(
    private readonly source: WarningRuleSource,
    private readonly devices: WarningDevices,
    private readonly emit: (change: WarningChange) => void,
    options: { holdMs?: number } = {},
  ) {
    this.holdMs = options.holdMs ?? WARNING_HOLD_MS;
  }

  /** Warnings active when the station stopped: they clear a hold time after their last change unless a rule holds there again. */
  restore(active: readonly WarningView[]): void {
    for (const view of active) {
      if (!view.active) continue;
      const warning: Active = { id: view.id, hazard: view.hazard, place: view.place, level: view.level, holding: new Map(), quietSince: view.changedAt, events: view.history.length };
      this.warnings.set(`${view.hazard}|${view.place.groupBy}|${view.place.key}`, warning);
      this.quiet.add(warning);
      this.nextDue = Math.min(this.nextDue, view.changedAt + this.holdMs);
    }
  }

  /** Another station cleared a warning this one holds: a rule holding there again raises a new one. */
  cleared(id: string): void {
    for (const [key, warning] of this.warnings) {
      if (warning.id !== id) continue;
      this.warnings.delete(key);
      this.quiet.delete(warning);
    }
  }

  /** Devices whose registration changed: their kind and place are read again. */
  forget(codes: Iterable<string>): void {
    for (const code of codes) {
      this.facts.delete(code);
      for (const rule of this.rules.values()) rule.byDevice.delete(code);
    }
  }

  status(id: string): { places: number; capped: string | null } {
    this.compile();
    const rule = this.rules.get(id);
    return { places: rule?.places.size ?? 0, capped: rule?.capped ?? null };
  }

  onTelemetry(code: string, telemetry: { ts: number; values: Record<string, number> }): void {
    this.compile();
    this.advance(telemetry.ts);
    for (const metric in telemetry.values) if (!this.evaluate(code, metric, telemetry.ts, telemetry.values[metric]!)) break;
    this.settle();
  }

  /** One stored sample, as a dry run reads them: the same as a message of one value. */
  onSample(code: string, metric: string, ts: number, value: number): void {
    this.compile();
    this.advance(ts);
    this.evaluate(code, metric, ts, value);
    this.settle();
  }

  /** Hands a sample to the rules watching its metric; false when the device is not registered. */
  private evaluate(code: string, metric: string, ts: number, value: number): boolean {
    const watchers = this.byMetric.get(metric);
    if (!watchers) return true;
    const device = this.device(code);
    if (!device) return false;
    this.evaluations += watchers.size;
    watchers.sample(this.readings, code, ts, value, ({ target: rule, part }, seen) => {
      const entry = this.entry(rule, code, device);
      if (!entry) return;
      if (!entry.tracker.sample(part, code, ts, seen)) rule.capped ??= `a place has more than the devices one place keeps state for; devices past them are not watched`;
      this.watchDue(entry);
    });
    return true;
  }

  onEvent(code: string, event: { type: string; ts: number }): void {
    this.compile();
    this.advance(event.ts);
    // Most events (cards at doors) have no rule: no device lookup for them.
    const watching = this.byEvent.get(event.type);
    if (!watching) return;
    const device = this.device(code);
    if (!device) return;
    for (const { rule, part } of watching) {
      const entry = this.entry(rule, code, device);
      this.evaluations++;
      if (!entry) continue;
      entry.tracker.event(part, event.ts);
      this.watchDue(entry);
    }
    this.settle();
  }

  /** Ends, in time order, what is due by `t`: windows run out, warnings quiet for the hold time clear. */
  advance(t: number): void {
    this.clock = Math.max(this.clock, t);
    // Runs for every message: nothing to do before the earliest moment anything could be due.
    if (t < this.nextDue) return;
    while (this.timed.size) {
      let next: Place | null = null;
      let nextDue = Infinity;
      for (const item of this.timed) {
        const due = item.tracker.due();
        if (due === null) this.timed.delete(item);
        else if (due < nextDue) [next, nextDue] = [item, due];
      }
      if (!next || nextDue > t) break;
      next.tracker.advance(nextDue);
      this.settle();
    }
    for (const warning of [...this.quiet].sort((a, b) => a.quietSince! - b.quietSince!)) {
      const at = warning.quietSince! + this.holdMs;
      if (at > t) break;
      this.quiet.delete(warning);
      this.warnings.delete(`${warning.hazard}|${warning.place.groupBy}|${warning.place.key}`);
      this.derive(warning, { type: 'cleared', at });
    }
    this.nextDue = Infinity;
    for (const item of this.timed) this.nextDue = Math.min(this.nextDue, item.tracker.due() ?? Infinity);
    for (const warning of this.quiet) this.nextDue = Math.min(this.nextDue, warning.quietSince! + this.holdMs);
  }

  /** The sweep: what is due by the station's clock, and places whose state no longer matters forgotten (once a minute). */
  sweep(now: number): void {
    this.compile();
    this.advance(now);
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    for (const rule of this.rules.values()) {
      const before = rule.places.size;
      for (const [key, entry] of rule.places) if (entry.tracker.idle(now)) rule.places.delete(key);
      if (rule.places.size !== before) rule.byDevice.clear();
    }
    this.readings.prune(now);
  }

  private watchDue(entry: Place): void {
    const due = entry.tracker.due();
    if (due === null) return;
    this.timed.add(entry);
    this.nextDue = Math.min(this.nextDue, due);
  }

  private device(code: string): Facts | null {
    let facts = this.facts.get(code);
    if (facts === undefined) {
      const device = this.devices.factsOf(code);
      // Its place under each grouping, worked out once: this runs for every sample of every rule.
      facts = device && { ...device, places: { device: placeOf('device', code, device), floor: placeOf('floor', code, device), building: placeOf('building', code, device), area: placeOf('area', code, device) } };
      this.facts.set(code, facts);
    }
    return facts;
  }

  /** The rule's state for the device's place, made on first use unless the rule is at its cap; null when out of scope. */
  private entry(rule: Compiled, code: string, device: Facts): Place | null {
    const cached = rule.byDevice.get(code);
    if (cached !== undefined) return cached;
    const entry = this.placeEntry(rule, code, device);
    // A rule at its cap looks again next time: a place may have been forgotten meanwhile.
    if (entry || !inScope(rule.rule.scope, code, device) || !device.places[rule.rule.groupBy]) rule.byDevice.set(code, entry);
    return entry;
  }

  private placeEntry(rule: Compiled, code: string, device: Facts): Place | null {
    if (!inScope(rule.rule.scope, code, device)) return null;
    const place = device.places[rule.rule.groupBy];
    if (!place) return null;
    const known = rule.places.get(place.key);
    if (known) return known;
    if (rule.places.size >= MAX_PLACES_PER_RULE) {
      rule.capped ??= `more than ${MAX_PLACES_PER_RULE} places: new places are not watched; group by a larger place or narrow the scope`;
      return null;
    }
    const tracker = trackerFor(rule.rule.condition);
    const entry = { place, tracker, rule };
    tracker.onChange = (holding, at) => this.ruleHolds(rule.rule, place, holding, at);
    rule.places.set(place.key, entry);
    return entry;
  }

  /** A rule starts or stops holding in a place; the warning hears of it once the message (or the moment) is through. */
  private ruleHolds(rule: WarningRuleDraft, place: WarningPlace, holding: boolean, at: number): void {
    const key = `${rule.hazard}|${place.groupBy}|${place.key}`;
    let warning = this.warnings.get(key);
    if (!holding) {
      if (!warning?.holding.delete(rule.id)) return;
    } else {
      if (!warning) {
        warning = { id: warningIdOf(rule.hazard, `${place.groupBy}|${place.key}`, at), hazard: rule.hazard, place, level: rule.level, holding: new Map(), quietSince: null, events: 0 };
        this.warnings.set(key, warning);
      }
      warning.holding.set(rule.id, rule.level);
    }
    if (!this.dirty.has(warning)) this.dirty.set(warning, at);
  }

  /**
   * What the rules that changed say of their warnings: raised with the
   * gravest level holding, a new level, or quiet (cleared after the hold
   * time). Rules changing at one moment (a rise completing a combination)
   * make one change, not one each.
   */
  private settle(): void {
    if (!this.dirty.size) return;
    for (const [warning, at] of this.dirty) {
      const rules = [...warning.holding.keys()].sort();
      const level = gravest(warning.holding.values());
      if (level === null) {
        if (warning.events === 0) this.warnings.delete(`${warning.hazard}|${warning.place.groupBy}|${warning.place.key}`);
        else {
          warning.quietSince = at;
          this.quiet.add(warning);
          this.nextDue = Math.min(this.nextDue, at + this.holdMs);
        }
        continue;
      }
      warning.quietSince = null;
      this.quiet.delete(warning);
      if (warning.events === 0) this.derive(warning, { type: 'raised', at, hazard: warning.hazard, place: warning.place, level, rules });
      else if (level !== warning.level && warning.events < MAX_LEVEL_EVENTS) this.derive(warning, { type: 'level', at, level, rules });
      warning.level = level;
    }
    this.dirty.clear();
  }

  private derive(warning: Active, event: Derived): void {
    warning.events++;
    const level = event.type === 'cleared' ? null : event.level;
    this.emit({ warning: warning.id, hazard: warning.hazard, place: warning.place, event: { ...event, id: warningEventIdOf(warning.id, event.type, event.at, level) } as WarningChange['event'] });
  }

  /**
   * Indexes the enabled rules by what they watch when they changed. A rule
   * edited or switched off stops holding everywhere at the latest moment
   * seen, and starts afresh; unchanged rules keep their state.
   */
  private compile(): void {
    if (this.compiled === this.source.generation) return;
    this.compiled = this.source.generation;
    const enabled = new Map(this.source.list().filter((rule) => rule.enabled).map((rule) => [rule.id, rule]));
    for (const [id, compiled] of this.rules) {
      const now = enabled.get(id);
      if (now && bodyOf(now) === compiled.body) continue;
      for (const entry of compiled.places.values()) if (entry.tracker.holding) this.ruleHolds(compiled.rule, entry.place, false, this.clock);
      this.settle();
      for (const item of this.timed) if (item.rule === compiled) this.timed.delete(item);
      this.rules.delete(id);
    }
    for (const [id, rule] of enabled) if (!this.rules.has(id)) this.rules.set(id, { rule, body: bodyOf(rule), places: new Map(), byDevice: new Map(), capped: null });
    this.byMetric = new Map();
    this.byEvent = new Map();
    for (const compiled of this.rules.values()) {
      const { condition } = compiled.rule;
      const parts = condition.kind === 'combination' ? condition.parts : [condition];
      parts.forEach((part, index) => {
        if (part.kind === 'count') return this.byEvent.set(part.eventType, [...(this.byEvent.get(part.eventType) ?? []), { rule: compiled, part: index }]);
        let watchers = this.byMetric.get(part.metric);
        if (!watchers) this.byMetric.set(part.metric, (watchers = new MetricWatchers(part.metric)));
        watchers.add({ target: compiled, part: index, condition: part } satisfies Watcher<Compiled>);
      });
    }
  }
}

const bodyOf = ({ id, name, enabled, hazard, level, scope, groupBy, condition }: WarningRuleDraft) => JSON.stringify({ id, name, enabled, hazard, level, scope, groupBy, condition });
