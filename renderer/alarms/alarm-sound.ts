import type { Severity } from '../core/contract';
import { useAlarms } from './alarm-store';
import { ToneLimiter, type Tone } from './tone-limiter';

type Pattern = { wave: OscillatorType; notes: number[]; beepS: number; gapS: number; volume: number };

/** Told apart by ear without looking: a fast two-tone siren, a double beep, a single soft tone. */
const PATTERNS: Record<Tone, Pattern> = {
  critical: { wave: 'square', notes: [988, 740, 988, 740, 988, 740], beepS: 0.11, gapS: 0.04, volume: 0.16 },
  major: { wave: 'triangle', notes: [660, 660], beepS: 0.16, gapS: 0.12, volume: 0.3 },
  minor: { wave: 'sine', notes: [520], beepS: 0.28, gapS: 0, volume: 0.25 },
};

let context: AudioContext | null = null;

/**
 * Opens the audio output ahead of the first alarm: opening it took 250 ms
 * here, which the first alarm of a shift would otherwise wait for before
 * its row is drawn.
 */
export function prepareSound(): void {
  if (typeof AudioContext !== 'undefined') context ??= new AudioContext();
}

function play(tone: Tone): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  // Suspended until the page has had a user gesture; signing in was one.
  if (context.state === 'suspended') void context.resume();
  const { wave, notes, beepS, gapS, volume } = PATTERNS[tone];
  let at = context.currentTime + 0.02;
  for (const frequency of notes) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = wave;
    oscillator.frequency.value = frequency;
    // Short ramps: a tone switched on and off abruptly clicks.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(volume, at + 0.01);
    gain.gain.setValueAtTime(volume, at + beepS - 0.02);
    gain.gain.linearRampToValueAtTime(0, at + beepS);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + beepS);
    at += beepS + gapS;
  }
}

const limiter = new ToneLimiter();
let again: ReturnType<typeof setTimeout> | null = null;

function sound(decision: { play: Tone | null; againInMs: number | null }): void {
  if (decision.play) {
    play(decision.play);
    useAlarms.setState({ lastTone: { tone: decision.play, at: Date.now() } });
  }
  if (decision.againInMs !== null && again === null) {
    again = setTimeout(() => {
      again = null;
      sound(limiter.poll(useAlarms.getState().muted, performance.now()));
    }, decision.againInMs);
  }
}

/** Sounds new alarms: the most severe of them, at most once a second, critical even when muted. */
export function announce(severities: readonly Severity[]): void {
  if (severities.length) sound(limiter.offer(severities, useAlarms.getState().muted, performance.now()));
}
