import type { WarningPart } from '../contract/warnings';

type Threshold = WarningPart & { kind: 'threshold' };
type Rate = WarningPart & { kind: 'rate' };
/** A rule's part watching a metric; `target` is what its owner keeps the rule's state in. */
export type Watcher<T> = { target: T; part: number; condition: Threshold | Rate };

/** Samples a rate keeps per device; past it, the samples between the oldest and the newest are thinned. */
const MAX_RATE_SAMPLES = 256;
/** The longest window a rule may have: rate samples older than it are forgotten. */
const MAX_WINDOW_MS = 86_400_000;

type Samples = { ts: number[]; values: number[]; rate: number | null };
/** A device's last sample of a metric, and its samples over each window a rate rule measures. */
type Reading = { ts: number; value: number | null; windows: Map<number, Samples> };

/**
 * What devices last reported, per metric, kept across rule edits: a rule
 * part that held on a device's last sample must hear its next one to stop.
 * The rate over a window is worked out once per sample, for every rule
 * measuring it (rules differ in the change they look for, not in the change
 * there is).
 */
export class Readings {
  /** By device then metric: no key is built per sample. */
  private readonly byDevice = new Map<string, Map<string, Reading>>();

  of(code: string, metric: string): Reading {
    let byMetric = this.byDevice.get(code);
    if (!byMetric) this.byDevice.set(code, (byMetric = new Map()));
    let reading = byMetric.get(metric);
    if (!reading) byMetric.set(metric, (reading = { ts: -Infinity, value: null, windows: new Map() }));
    return reading;
  }

  /** The change a minute at `ts` over the window, from its oldest sample; null until half the window is behind it. */
  rate(reading: Reading, windowSeconds: number, ts: number, value: number): number | null {
    let samples = reading.windows.get(windowSeconds);
    if (!samples) reading.windows.set(windowSeconds, (samples = { ts: [], values: [], rate: null }));
    samples.ts.push(ts);
    samples.values.push(value);
    let drop = 0;
    while (samples.ts[drop]! < ts - windowSeconds * 1000) drop++;
    if (drop) {
      samples.ts.splice(0, drop);
      samples.values.splice(0, drop);
    }
    if (samples.ts.length > MAX_RATE_SAMPLES) {
      samples.ts.splice(1, 1);
      samples.values.splice(1, 1);
    }
    const [t0, v0] = [samples.ts[0]!, samples.values[0]!];
    // A rate needs half its window of samples behind it: two samples a second apart say little of a minute.
    samples.rate = ts - t0 >= (windowSeconds * 1000) / 2 ? ((value - v0) * 60_000) / (ts - t0) : null;
    return samples.rate;
  }

  /** Forgets rate windows whose last sample is older than `before` less the longest window (the last readings stay). */
  prune(before: number): void {
    for (const byMetric of this.byDevice.values()) {
      for (const reading of byMetric.values()) if (reading.ts < before - MAX_WINDOW_MS) reading.windows.clear();
    }
  }
}

/**
 * A metric's threshold and rate parts, sorted by their limits, so that a
 * sample reaches only the parts it could change: those it meets and those
 * the device's last sample met. An ordinary reading, within every limit,
 * reaches none of a hundred rules; this is what keeps ingest fast with a
 * site's rules switched on.
 */
export class MetricWatchers<T> {
  /**
   * Each list ascending by a key a met part's is at most: the limit of an
   * "above" threshold, minus the limit of a "below" one, the change a minute
   * a rate part looks for (rates by window, rising and falling apart). A
   * part whose key equals the bound is reached and decides for itself.
   */
  private readonly above: Keyed<T>[] = [];
  private readonly below: Keyed<T>[] = [];
  private readonly rates = new Map<number, { rising: Keyed<T>[]; falling: Keyed<T>[] }>();
  /** Rule parts deciding on each sample, whether the order of limits decides or the part's own state. */
  size = 0;

  constructor(readonly metric: string) {}

  add(watcher: Watcher<T>): void {
    this.size++;
    const { condition } = watcher;
    if (condition.kind === 'threshold') {
      if (condition.op === 'above') insert(this.above, { key: condition.value, watcher });
      else insert(this.below, { key: -condition.value, watcher });
      return;
    }
    let byWindow = this.rates.get(condition.windowSeconds);
    if (!byWindow) this.rates.set(condition.windowSeconds, (byWindow = { rising: [], falling: [] }));
    insert(condition.direction === 'rising' ? byWindow.rising : byWindow.falling, { key: condition.perMinute, watcher });
  }

  /**
   * Hands a device's sample to the parts it may change, with what each
   * sees: the value for a threshold, the rate over its window (null while
   * the window is short) for a rate. A late or repeated sample reaches none.
   */
  sample(readings: Readings, code: string, ts: number, value: number, reach: (watcher: Watcher<T>, seen: number | null) => void): void {
    const reading = readings.of(code, this.metric);
    if (ts <= reading.ts) return;
    const last = reading.value ?? value;
    reading.ts = ts;
    reading.value = value;
    reachUpTo(this.above, Math.max(value, last), value, reach);
    reachUpTo(this.below, -Math.min(value, last), value, reach);
    for (const [windowSeconds, { rising, falling }] of this.rates) {
      const before = reading.windows.get(windowSeconds)?.rate ?? null;
      const rate = readings.rate(reading, windowSeconds, ts, value);
      const [now, then] = [rate ?? NaN, before ?? NaN];
      // NaN (no rate yet) meets nothing: Math.max would spread it, so each side is bounded alone.
      reachUpTo(rising, Math.max(orLowest(now), orLowest(then)), rate, reach);
      reachUpTo(falling, Math.max(orLowest(-now), orLowest(-then)), rate, reach);
    }
  }
}

type Keyed<T> = { key: number; watcher: Watcher<T> };
const orLowest = (bound: number) => (Number.isNaN(bound) ? -Infinity : bound);

function insert<T>(sorted: Keyed<T>[], keyed: Keyed<T>): void {
  sorted.push(keyed);
  sorted.sort((a, b) => a.key - b.key);
}

function reachUpTo<T>(sorted: Keyed<T>[], bound: number, seen: number | null, reach: (watcher: Watcher<T>, seen: number | null) => void): void {
  for (const { key, watcher } of sorted) {
    if (key > bound) return;
    reach(watcher, seen);
  }
}
