import type { Hub } from '../router/hub';
import type { Committed } from '../site-link/ingest';

/** At most one `events.changed` this often, however fast events arrive: a 500 events/s storm is five a second. */
export const EVENTS_CHANGED_MS = 200;

/** What of the ingest this needs: the events each committed batch stored. */
type Commits = { onCommit(listener: (batch: Pick<Committed, 'events'>) => void): () => void };

/**
 * Tells windows that device events were stored, naming their types (not the
 * events: windows read their logs again). A quiet site's event goes out as
 * soon as its batch commits; after that, the types of every batch committed
 * within EVENTS_CHANGED_MS go out together. Returns the stop for close().
 */
export function announceStoredEvents(ingest: Commits, hub: Pick<Hub, 'broadcast'>, ms = EVENTS_CHANGED_MS): () => void {
  const types = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let sentAt = Number.NEGATIVE_INFINITY;
  const send = () => {
    timer = null;
    sentAt = Date.now();
    const changed = [...types];
    types.clear();
    hub.broadcast('events.changed', { types: changed });
  };
  const off = ingest.onCommit(({ events }) => {
    if (!events.length) return;
    for (const { event } of events) types.add(event.type);
    if (timer) return;
    const wait = sentAt + ms - Date.now();
    if (wait <= 0) send();
    else timer = setTimeout(send, wait);
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
