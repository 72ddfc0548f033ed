/**
 * Hybrid logical clock (Kulkarni et al., 2014): a timestamp close to wall
 * time that still orders causally related events, so that "the later action
 * wins" means the same thing on every station whatever their clocks say.
 */

export type Hlc = { millis: number; counter: number; node: string };
/** A remote clock was further ahead of ours than the clock accepts: show it on the Ops panel. */
export type SkewReport = { node: string; aheadMs: number };
export type ClockOptions = {
  /** How far ahead of our wall clock a received timestamp may pull us (default 60 s). */
  maxDriftMs?: number;
  onSkew?: (report: SkewReport) => void;
};

// The payload format has four counter digits and thirteen millis digits.
const MAX_COUNTER = 9999;
const MAX_MILLIS = 9_999_999_999_999;
const NODE = /^[A-Za-z0-9_.-]{1,64}$/;
const FORMAT = /^(\d{13}):(\d{4}):([A-Za-z0-9_.-]{1,64})$/;

export const formatHlc = (h: Hlc): string => `${String(h.millis).padStart(13, '0')}:${String(h.counter).padStart(4, '0')}:${h.node}`;

export function parseHlc(s: string): Hlc | null {
  const m = FORMAT.exec(s);
  return m ? { millis: Number(m[1]), counter: Number(m[2]), node: m[3] as string } : null;
}

/**
 * Total order: millis, counter, then node by code units (not localeCompare),
 * so it agrees with comparing the fixed-width formatted strings.
 */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.millis !== b.millis) return a.millis < b.millis ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.node === b.node ? 0 : a.node < b.node ? -1 : 1;
}

export class HybridClock {
  private millis = 0;
  private counter = 0;
  private readonly maxDriftMs: number;
  private readonly onSkew: ((report: SkewReport) => void) | undefined;

  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
    options: ClockOptions = {},
  ) {
    // Checked once here so every timestamp we format is a valid payload hlc.
    if (!NODE.test(node)) throw new RangeError(`hlc node must match ${NODE}: ${node}`);
    this.maxDriftMs = options.maxDriftMs ?? 60_000;
    this.onSkew = options.onSkew;
  }

  /** A local event or a send. Wall time going backwards only makes the counter grow. */
  tick(): Hlc {
    const pt = this.wall();
    return pt > this.millis ? this.set(pt, 0) : this.set(this.millis, this.counter + 1);
  }

  /**
   * Merge a received timestamp. A remote more than maxDriftMs ahead of our
   * wall clock is reported and only pulls us to wall + maxDriftMs: one
   * station with a wrong clock (or a corrupt message) must not drag every
   * clock on the site into the future for good. What that costs: at equal
   * alarm state an edit made here may lose to that station's earlier one
   * until its clock is fixed; state order itself never depends on clocks.
   * The message itself is still merged by the caller.
   */
  receive(remote: Hlc): Hlc {
    const pt = this.wall();
    let rm = remote.millis;
    let rc = remote.counter;
    const ahead = rm - pt;
    if (ahead > this.maxDriftMs) {
      this.onSkew?.({ node: remote.node, aheadMs: ahead });
      rm = pt + this.maxDriftMs;
      rc = 0;
    }
    const l = Math.max(this.millis, rm, pt);
    if (l === this.millis && l === rm) return this.set(l, Math.max(this.counter, rc) + 1);
    if (l === this.millis) return this.set(l, this.counter + 1);
    if (l === rm) return this.set(l, rc + 1);
    return this.set(l, 0);
  }

  private wall(): number {
    const t = Math.floor(this.now());
    if (!Number.isFinite(t) || t < 0) throw new RangeError(`wall clock returned ${t}`);
    return t;
  }

  /**
   * Counter overflow (more than 10 000 events within one millisecond of our
   * logical time): advance millis by one rather than refuse, because refusing
   * would block an operator's action. The logical clock then runs ahead of
   * wall time by at most 1 ms per 10 000 events, which wall time catches up.
   */
  private set(millis: number, counter: number): Hlc {
    if (counter > MAX_COUNTER) {
      millis += 1;
      counter = 0;
    }
    // Only reachable with a wall clock past the year 2286: refuse to emit an unparseable stamp.
    if (millis > MAX_MILLIS) throw new RangeError('hlc millis exceed 13 digits');
    this.millis = millis;
    this.counter = counter;
    return { millis, counter, node: this.node };
  }
}
