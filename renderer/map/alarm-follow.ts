import type { Alarm } from '../core/contract';
import { URGENCY, alarmToLink } from '../video/linkage-choice';

const STORAGE_KEY = 'vigil.mapFollowsAlarms';

/** Per station, like the wall's alarm linkage; on unless the officer turned it off. */
export function mapFollowEnabled(): boolean {
  return localStorage.getItem(STORAGE_KEY) !== 'off';
}

export function setMapFollowEnabled(on: boolean): void {
  localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
}

/**
 * The map keeps still this long after the officer last pressed, clicked,
 * scrolled or typed on it: an alarm must not yank the plan from under a hand
 * that is panning, about to click a marker or reading a panel. Ten seconds
 * lets a look or a click finish, yet an unattended map still follows at once.
 */
export const HANDS_OFF_MS = 10_000;
/** As on the wall: in a storm the map stays on an alarm this long before a later alarm of no higher severity takes it. */
export const HOLD_MS = 5_000;

/** What the officer is doing with the map, and what the map last followed. */
export type Hands = {
  /** An administrator is placing devices: a drag may be under way, and the floor is half arranged. */
  placing: boolean;
  /** A button is held on the page (a pan or a drag longer than HANDS_OFF_MS still counts). */
  pressed: boolean;
  touchedAt: number;
  followed: { at: number; urgency: number };
};

/** Whether the map may move to an alarm of this urgency now, rather than only offer it. */
export function mayMove(urgency: number, hands: Hands, now: number): boolean {
  if (hands.placing || hands.pressed) return false;
  if (now - hands.touchedAt < HANDS_OFF_MS) return false;
  return !(now - hands.followed.at < HOLD_MS && urgency <= hands.followed.urgency);
}

/** The alarm the map follows (the one the wall would take: same choice), and whether it moves there or offers to. */
export function alarmToFollow(alarms: Alarm[], now: number, seen: ReadonlySet<string>, hands: Hands): { alarm: Alarm; move: boolean } | null {
  const alarm = alarmToLink(alarms, now, seen);
  return alarm ? { alarm, move: mayMove(urgencyOf(alarm), hands, now) } : null;
}

export const urgencyOf = (alarm: Pick<Alarm, 'severity'>): number => URGENCY[alarm.severity] ?? 0;
