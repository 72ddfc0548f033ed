import type { Hub } from '../router/hub';
import type { HandlerGroup } from '../router/router';
import type { Ingest } from '../site-link/ingest';
import type { SiteLink } from '../site-link/link';
import type { Quarantine } from '../site-link/quarantine';

const NO_LINK = { state: 'offline' as const, since: 0, broker: 'no site broker configured' };

export function opsHandlers(deps: { link: SiteLink | null; ingest: Ingest; quarantine: Quarantine; hub: Hub }): HandlerGroup<
  'ops.link' | 'ops.status' | 'ops.quarantine'
> {
  return {
    'ops.link': () => deps.link?.linkState ?? NO_LINK,
    'ops.status': () => ({
      link: deps.link?.linkState ?? NO_LINK,
      ingest: deps.ingest.stats(),
      // The outbox arrives with operator actions; until then nothing waits in it.
      outbox: { pending: 0, delivered: 0, expired: 0, oldestPendingAt: null },
      stations: deps.hub.size,
    }),
    'ops.quarantine': (filter) => deps.quarantine.list(filter),
  };
}
