import { SEVERITIES, type Severity } from '../core/contract';

export const MIN_TONE_GAP_MS = 1000;

/** Severities that have a tone; info alarms are silent. */
export type Tone = Exclude<Severity, 'info'>;

const rank = (severity: Severity) => SEVERITIES.indexOf(severity);

/**
 * Decides which tone new alarms sound: the most severe of them, at most one
 * per second however many arrive, and nothing but critical while muted.
 * A tone held back by the one-per-second rule is not lost: the most severe
 * one held back is offered again when the second is up.
 */
export class ToneLimiter {
  private last = -Infinity;
  private held: Tone | null = null;

  constructor(private readonly gapMs = MIN_TONE_GAP_MS) {}

  /** What to play now, and in how many ms to ask again (`poll`) for a tone held back. */
  offer(severities: Iterable<Severity>, muted: boolean, now: number): { play: Tone | null; againInMs: number | null } {
    for (const severity of severities) {
      if (severity === 'info') continue;
      if (this.held === null || rank(severity) < rank(this.held)) this.held = severity;
    }
    return this.poll(muted, now);
  }

  poll(muted: boolean, now: number): { play: Tone | null; againInMs: number | null } {
    // Muted (now, or since a tone was held back): only critical still sounds.
    if (muted && this.held !== 'critical') this.held = null;
    if (this.held === null) return { play: null, againInMs: null };
    const wait = this.last + this.gapMs - now;
    if (wait > 0) return { play: null, againInMs: wait };
    const play = this.held;
    this.held = null;
    this.last = now;
    return { play, againInMs: null };
  }
}
