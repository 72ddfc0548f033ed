import { MAX_DRY_RUN_WARNINGS, WARNING_HOLD_MS, WarningRuleDraftSchema, type WarningDryRun, type WarningPlace, type WarningRuleDraft } from '../contract/warnings';
import type { Database } from '../store/database';
import { WarningEngine, type WarningChange, type WarningDevices } from './engine';
import { lookBackMs, PlaceTimeline } from './look-back';

type Row = [at: number, code: string, value: number];
type Source = { next: Row | null; rows: IterableIterator<Row>; feed: (engine: WarningEngine, row: Row) => void };

class Stop extends Error {}

/**
 * What a draft rule would have done over the stored history: the same
 * engine the live rules run on, fed the stored telemetry of the rule's
 * metrics and the stored device events of its types, in time order. Reads
 * each metric as one range of telemetry_history's key. The engine starts
 * reading as far before `from` as the rule looks back, so a condition
 * already building then (a hold under way, a window's first events) counts
 * as it would have for a rule running all along; what it derives before
 * `from` only sets where each place stands at `from`. Stops, with its
 * reason, once the rule would have raised more warnings within the range
 * than anyone could act on.
 */
export function dryRun(db: Database, devices: WarningDevices, input: { rule: WarningRuleDraft; from: number; to: number }, options: { holdMs?: number } = {}): WarningDryRun {
  const rule = WarningRuleDraftSchema.parse(input.rule);
  const parts = rule.condition.kind === 'combination' ? rule.condition.parts : [rule.condition];
  const metrics = [...new Set(parts.flatMap((part) => (part.kind === 'count' ? [] : [part.metric])))];
  const types = [...new Set(parts.flatMap((part) => (part.kind === 'count' ? [part.eventType] : [])))];
  const holdMs = options.holdMs ?? WARNING_HOLD_MS;
  const lookBack = lookBackMs(rule.condition, holdMs);
  const start = Math.max(0, input.from - lookBack);
  const places = new Map<string, { place: WarningPlace; timeline: PlaceTimeline }>();
  let raised = 0;
  let evaluated = 0;
  let stopped: string | null = null;
  const collect = ({ place, event }: WarningChange) => {
    const key = `${place.groupBy}|${place.key}`;
    if (!places.has(key)) places.set(key, { place, timeline: new PlaceTimeline(input.from) });
    places.get(key)!.timeline.add({ type: event.type, at: event.at, level: event.type === 'cleared' ? null : event.level });
    if (event.type === 'raised' && event.at >= input.from && ++raised > MAX_DRY_RUN_WARNINGS) {
      stopped = `this rule would raise warnings all the time: more than ${MAX_DRY_RUN_WARNINGS} by ${new Date(event.at).toISOString()}; narrow its scope or raise its threshold`;
      throw new Stop();
    }
  };
  const engine = new WarningEngine({ generation: 1, list: () => [{ ...rule, enabled: true, updatedAt: 0 }] }, devices, collect, options);

  const sources: Source[] = metrics.map((metric) => ({
    next: null,
    rows: db.prepare<[string, number, number], Row>('SELECT at, code, value FROM telemetry_history WHERE metric = ? AND at >= ? AND at <= ? ORDER BY at').raw().iterate(metric, start, input.to) as IterableIterator<Row>,
    feed: (target, [at, code, value]) => target.onSample(code, metric, at, value),
  }));
  if (types.length) {
    sources.push({
      next: null,
      rows: db
        .prepare(`SELECT at, code, type FROM device_events WHERE type IN (${types.map(() => '?').join(', ')}) AND at >= ? AND at <= ? ORDER BY at, id`)
        .raw()
        .iterate(...types, start, input.to) as IterableIterator<Row>,
      feed: (target, [at, code, type]) => target.onEvent(code, { type: type as unknown as string, ts: at }),
    });
  }
  const pull = (source: Source) => {
    const step = source.rows.next();
    source.next = step.done ? null : step.value;
  };
  try {
    sources.forEach(pull);
    for (;;) {
      let first: Source | null = null;
      for (const source of sources) if (source.next && (!first || source.next[0] < first.next![0])) first = source;
      if (!first) break;
      first.feed(engine, first.next!);
      evaluated++;
      pull(first);
    }
    engine.advance(input.to);
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  } finally {
    for (const source of sources) source.rows.return?.();
  }
  const within = [...places.values()].map(({ place, timeline }) => ({ place, steps: timeline.steps().filter((step) => step.at <= input.to) })).filter(({ steps }) => steps.length);
  return { places: within, raised: Math.min(raised, MAX_DRY_RUN_WARNINGS), evaluated, stopped, lookBackMs: lookBack };
}
