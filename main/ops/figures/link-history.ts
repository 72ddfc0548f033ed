import type { LinkState } from '../../contract';
import type { Database } from '../../store/database';

/** The link's states as availability reads them: only 'online' is up; 'stopped' (the station was shut down) is unknown. */
export const LINK_UP = 'online';
export const LINK_STOPPED = 'stopped';

type LinkSource = { readonly linkState: LinkState; onState(listener: (state: LinkState) => void): () => void };

/**
 * Records every change of the site link's state (the link availability
 * figure), the state it starts in, and 'stopped' when the station shuts
 * down; returns what to call then. A station that crashed records no stop:
 * its last state runs on until it starts again.
 */
export function recordLinkHistory(db: Database, link: LinkSource, now: () => number = Date.now): () => void {
  const insert = db.prepare('INSERT INTO link_history (at, state) VALUES (?, ?)');
  insert.run(link.linkState.since, link.linkState.state);
  const unsubscribe = link.onState((state) => insert.run(state.since, state.state));
  return () => {
    unsubscribe();
    insert.run(now(), LINK_STOPPED);
  };
}
