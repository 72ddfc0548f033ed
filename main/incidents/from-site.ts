import { formatHlc } from '../alarms/hlc';
import type { IncidentEvent } from '../contract/incidents';
import type { QuarantineKind } from '../contract';
import type { ChannelPayload } from '../site-link/interface/topics';
import { millisOf, replyProblem } from './fold';
import type { Incidents } from './store';

/** A handheld's clock may run a little ahead of the station's; further ahead, its times would bend the incident's. */
const MAX_AHEAD_MS = 5 * 60_000;

/**
 * A handheld answering a dispatch. Every station that holds the dispatch
 * adds the same event (its id and clock come from the message), so copies
 * merge into one; what does not fit is refused with its reason and the
 * incident keeps what did apply.
 */
export function replyFromHandheld(incidents: Incidents, resource: string, reply: ChannelPayload<'resourceReply'>, receivedAt: number): { kind: QuarantineKind; reason: string } | null {
  const refused = (reason: string) => ({ kind: 'refused' as const, reason: `resourceReply: ${reason}` });
  if (reply.ts - receivedAt > MAX_AHEAD_MS) return refused(`ts is ${Math.round((reply.ts - receivedAt) / 1000)} s ahead of this station's clock`);
  if (!incidents.has(reply.incident)) return refused(`no incident ${reply.incident} at this station`);
  const incident = incidents.get(reply.incident);
  const eventId = `hh-${reply.id}`;
  if (incident.timeline.some((line) => line.id === eventId)) return { kind: 'replay', reason: `resourceReply: replay: reply ${reply.id} is already on incident ${incident.id}` };
  const dispatch = incident.dispatches.find((held) => held.id === reply.dispatch);
  if (!dispatch) return refused(`no dispatch ${reply.dispatch} on incident ${incident.id}`);
  if (dispatch.resource !== resource) return refused(`dispatch ${dispatch.id} sent ${dispatch.resource}, not ${resource}`);
  const problem = replyProblem(dispatch, { by: reply.by, via: 'handheld', status: reply.status });
  if (problem) return refused(problem);
  if (incidents.full(incident.id)) return refused(`incident ${incident.id} holds as many entries as one incident keeps`);
  // A handheld whose clock lags must not put its answer before what it answers: its time is at least just after it.
  const after = reply.status === 'acknowledged' ? dispatch.sentAt : reply.status === 'arrived' ? dispatch.acknowledgedAt! : Math.max(dispatch.sentAt, dispatch.acknowledgedAt ?? 0, dispatch.arrivedAt ?? 0);
  const millis = Math.max(reply.ts, after + 1);
  const event: IncidentEvent = { id: eventId, hlc: formatHlc({ millis, counter: 0, node: 'handheld' }), by: reply.by, via: 'handheld', kind: 'reply', dispatch: dispatch.id, status: reply.status, ts: reply.ts };
  if (!incidents.add(incident.id, event)) return refused(`${reply.status} does not fit incident ${incident.id} at ${new Date(millisOf(event.hlc)).toISOString()}`);
  return null;
}
