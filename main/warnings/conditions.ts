import type { WarningCondition, WarningPart } from '../contract/warnings';

/**
 * One condition's state in one place. It tells its owner when it starts and
 * stops holding, stamped with the time the messages say (never the clock of
 * the station), so every station evaluating the same messages says the same.
 */
export abstract class Tracker {
  /** Since when it holds, or null. */
  since: number | null = null;
  /** When it last stopped holding, or null if it never held. */
  endedAt: number | null = null;
  onChange: (holding: boolean, at: number) => void = () => {};

  get holding(): boolean {
    return this.since !== null;
  }

  protected set(holding: boolean, at: number): void {
    if (holding === this.holding) return;
    if (holding) this.since = at;
    else {
      this.since = null;
      this.endedAt = at;
    }
    this.onChange(holding, at);
  }

  /**
   * A sample of a metric from a device of the place (for a rate, the rate
   * over its window, null while the window is short); false when the device
   * would pass the cap on devices tracked.
   */
  sample(_part: number, _code: string, _ts: number, _seen: number | null): boolean {
    return true;
  }
  event(_part: number, _ts: number): void {}
  /** When it stops holding unless something new arrives (count windows, combinations), or null. */
  due(): number | null {
    return null;
  }
  /** Ends what is due at or before `t`, at the moment it was due. */
  advance(_t: number): void {}
  /** Whether, at `t`, it keeps nothing that could still matter (the place can be forgotten). */
  abstract idle(t: number): boolean;
}

/** Devices a place keeps state for, per condition: a floor has tens, a building hundreds. */
export const MAX_DEVICES_PER_PLACE = 2_000;

type Episode = { since: number; last: number; holds: boolean };

/** Held while any device of the place has met the threshold on every sample for `forSeconds`. */
class ThresholdTracker extends Tracker {
  private readonly devices = new Map<string, Episode>();
  private holdingDevices = 0;
  constructor(private readonly condition: WarningPart & { kind: 'threshold' }) {
    super();
  }

  override sample(_part: number, code: string, ts: number, value: number | null): boolean {
    const { op, value: limit, forSeconds } = this.condition;
    const episode = this.devices.get(code);
    if (episode && ts <= episode.last) return true; // late or repeated sample
    if (value === null || !(op === 'above' ? value > limit : value < limit)) {
      if (!episode) return true;
      this.devices.delete(code);
      if (episode.holds && --this.holdingDevices === 0) this.set(false, ts);
      return true;
    }
    if (!episode && this.devices.size >= MAX_DEVICES_PER_PLACE) return false;
    const current = episode ?? { since: ts, last: ts, holds: false };
    current.last = ts;
    this.devices.set(code, current);
    const due = current.since + forSeconds * 1000;
    if (!current.holds && ts >= due) {
      current.holds = true;
      // Held from the moment it had been met long enough, whichever sample showed it.
      if (++this.holdingDevices === 1) this.set(true, due);
    }
    return true;
  }

  idle(): boolean {
    return this.devices.size === 0;
  }
}

/** Held while any device of the place changes at least `perMinute` a minute, from the oldest sample of its window to the newest. */
class RateTracker extends Tracker {
  /** Devices of the place meeting the rate now: all it keeps (the samples are the engine's, shared by every rule). */
  private readonly meeting = new Set<string>();
  constructor(private readonly condition: WarningPart & { kind: 'rate' }) {
    super();
  }

  override sample(_part: number, code: string, ts: number, rate: number | null): boolean {
    const { perMinute, direction } = this.condition;
    const meets = rate !== null && (direction === 'rising' ? rate >= perMinute : -rate >= perMinute);
    if (meets && !this.meeting.has(code)) {
      if (this.meeting.size >= MAX_DEVICES_PER_PLACE) return false;
      this.meeting.add(code);
      if (this.meeting.size === 1) this.set(true, ts);
    } else if (!meets && this.meeting.delete(code) && this.meeting.size === 0) this.set(false, ts);
    return true;
  }

  idle(): boolean {
    return !this.meeting.size;
  }
}

/** Held while the place's last `atLeast` events of the type all fall within `windowSeconds`. */
class CountTracker extends Tracker {
  /** The latest `atLeast` event times, in order. */
  private readonly times: number[] = [];
  constructor(private readonly condition: WarningPart & { kind: 'count' }) {
    super();
  }

  override event(_part: number, ts: number): void {
    const { atLeast, windowSeconds } = this.condition;
    const window = windowSeconds * 1000;
    let index = this.times.length;
    while (index > 0 && this.times[index - 1]! > ts) index--;
    this.times.splice(index, 0, ts);
    if (this.times.length > atLeast) this.times.shift();
    const latest = this.times[this.times.length - 1]!;
    if (this.times.length === atLeast && this.times[0]! + window > latest) this.set(true, latest);
  }

  override due(): number | null {
    return this.holding ? this.times[0]! + this.condition.windowSeconds * 1000 : null;
  }

  override advance(t: number): void {
    const due = this.due();
    if (due !== null && due <= t) this.set(false, due);
  }

  idle(t: number): boolean {
    const latest = this.times[this.times.length - 1];
    return !this.holding && (latest === undefined || latest + this.condition.windowSeconds * 1000 <= t);
  }
}

/** Held while every part has held within `windowSeconds` of now: from the moment the last of them starts, until one has been over for the window. */
class CombinationTracker extends Tracker {
  private readonly parts: Tracker[];
  constructor(private readonly condition: WarningCondition & { kind: 'combination' }) {
    super();
    this.parts = condition.parts.map((part) => trackerFor(part));
    for (const part of this.parts) part.onChange = (holding, at) => holding && this.check(at);
  }

  private recent(part: Tracker, t: number): boolean {
    return part.holding || (part.endedAt !== null && part.endedAt + this.condition.windowSeconds * 1000 > t);
  }

  private check(at: number): void {
    if (!this.holding && this.parts.every((part) => this.recent(part, at))) this.set(true, at);
  }

  override sample(part: number, code: string, ts: number, seen: number | null): boolean {
    return this.parts[part]!.sample(0, code, ts, seen);
  }

  override event(part: number, ts: number): void {
    this.parts[part]!.event(0, ts);
  }

  /** Its own end: the first moment a part that stopped has been over for the window. */
  private ownDue(): number | null {
    if (!this.holding) return null;
    let due: number | null = null;
    for (const part of this.parts) if (!part.holding) due = Math.min(due ?? Infinity, part.endedAt! + this.condition.windowSeconds * 1000);
    return due;
  }

  override due(): number | null {
    let due = this.ownDue();
    for (const part of this.parts) {
      const partDue = part.due();
      if (partDue !== null) due = Math.min(due ?? Infinity, partDue);
    }
    return due;
  }

  override advance(t: number): void {
    // In time order: a part ending moves this one's end.
    for (let due = this.due(); due !== null && due <= t; due = this.due()) {
      const own = this.ownDue();
      if (own !== null && own <= due) this.set(false, own);
      else for (const part of this.parts) part.advance(due);
    }
  }

  idle(t: number): boolean {
    return !this.holding && this.parts.every((part) => part.idle(t) && (part.endedAt === null || part.endedAt + this.condition.windowSeconds * 1000 <= t));
  }
}

export function trackerFor(condition: WarningCondition): Tracker {
  switch (condition.kind) {
    case 'threshold':
      return new ThresholdTracker(condition);
    case 'rate':
      return new RateTracker(condition);
    case 'count':
      return new CountTracker(condition);
    case 'combination':
      return new CombinationTracker(condition);
  }
}
