import { knownAreas, type AlarmEntry } from './alarm-entry';

export type WindowSummary = { unacknowledged: number; escalated: number; areas: string[] };

/** What the header counts and the area filter offer: one pass of integer tests over the window, run on every update. */
export function summarise(alarms: readonly AlarmEntry[]): WindowSummary {
  let unacknowledged = 0;
  let escalated = 0;
  for (const alarm of alarms) {
    if (alarm.stateRank !== 0) continue;
    unacknowledged++;
    if (alarm.escalated) escalated++;
  }
  return { unacknowledged, escalated, areas: knownAreas().sort((a, b) => a.localeCompare(b, 'zh-CN')) };
}
