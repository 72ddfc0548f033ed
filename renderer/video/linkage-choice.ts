import type { Alarm } from '../core/contract';

/** Only alarms this fresh: a station catching up after a reconnect must not flick through old ones. */
const FRESH_MS = 60_000;
/** Which alarms take the wall, and which of two wins. */
export const URGENCY: Partial<Record<Alarm['severity'], number>> = { critical: 2, major: 1 };

/** The alarm to put on the wall from those just changed: new, critical or major, first occurrence, fresh; the most urgent, then the newest. */
export function alarmToLink(alarms: Alarm[], now: number, seen: ReadonlySet<string>): Alarm | null {
  const candidates = alarms.filter((alarm) => alarm.state === 'new' && alarm.count === 1 && URGENCY[alarm.severity] && now - alarm.raisedAt < FRESH_MS && !seen.has(alarm.id));
  candidates.sort((a, b) => (URGENCY[b.severity] ?? 0) - (URGENCY[a.severity] ?? 0) || b.raisedAt - a.raisedAt);
  return candidates[0] ?? null;
}

