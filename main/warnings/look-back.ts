import type { WarningLevel } from '../contract/warning-levels';
import type { DryRunStep, WarningCondition } from '../contract/warnings';
import { HISTORY_STEP_MS } from './history';

/**
 * How far before a dry run's start the history must be read for the rule's
 * state at the start to be what a rule running all along would have had:
 *
 * - a threshold's hold (a temperature above the limit since 5 minutes
 *   before the start holds at the start with a 5-minute hold);
 * - a rate's window (the change at the start is measured from the oldest
 *   sample of the window ending there);
 * - a count's window (three forced doors of five may have come before);
 * - a combination: the longest of its parts' look-backs before its own
 *   window, since a part that held anywhere in the window still counts;
 * - and then the hold time, since a warning raised before the start stays
 *   up for that long after its rule stopped holding;
 * - plus one history step, so the stored sample at or just before the
 *   look-back's start (a threshold episode's first) is read too.
 *
 * The rule limits (windows of at most 24 h, no nested combination) bound it
 * to two days and a little more, whatever the range asked for.
 */
export function lookBackMs(condition: WarningCondition, holdMs: number): number {
  return conditionLookBackMs(condition) + holdMs + HISTORY_STEP_MS;
}

function conditionLookBackMs(condition: WarningCondition): number {
  switch (condition.kind) {
    case 'threshold':
      return condition.forSeconds * 1000;
    case 'rate':
    case 'count':
      return condition.windowSeconds * 1000;
    case 'combination':
      return Math.max(...condition.parts.map(conditionLookBackMs)) + condition.windowSeconds * 1000;
  }
}

/**
 * A place's changes as seen from `from`: what happened before is folded
 * into the level the warning held at `from` (null: none was up), which is
 * shown as one "holding" step at `from` rather than as a raise in the range.
 */
export class PlaceTimeline {
  private levelAtStart: WarningLevel | null = null;
  private readonly inRange: DryRunStep[] = [];

  constructor(private readonly from: number) {}

  add(step: DryRunStep): void {
    if (step.at >= this.from) this.inRange.push(step);
    else this.levelAtStart = step.type === 'cleared' ? null : step.level;
  }

  steps(): DryRunStep[] {
    return this.levelAtStart === null ? this.inRange : [{ type: 'holding', at: this.from, level: this.levelAtStart }, ...this.inRange];
  }
}
