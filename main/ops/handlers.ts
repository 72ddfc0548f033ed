import type { Outbox } from '../outbox/outbox';
import type { HandlerGroup } from '../router/router';
import type { Ingest } from '../site-link/ingest';
import type { SiteLink } from '../site-link/link';
import type { Quarantine } from '../site-link/quarantine';

const NO_LINK = { state: 'offline' as const, since: 0, broker: 'no site broker configured' };

type OpsDeps = {
  link: SiteLink | null;
  ingest: Ingest;
  quarantine: Quarantine;
  outbox: Outbox;
  stationsOnline: () => number;
};

/** The station's health as ops.status returns it; the diagnostics bundle's health.json too. */
export function opsStatus(deps: Omit<OpsDeps, 'quarantine'>) {
  return {
    link: deps.link?.linkState ?? NO_LINK,
    ingest: deps.ingest.stats(),
    outbox: deps.outbox.stats(),
    stations: deps.stationsOnline(),
  };
}

export function opsHandlers(deps: OpsDeps): HandlerGroup<
  'ops.link' | 'ops.status' | 'ops.quarantine'
> {
  return {
    'ops.link': () => deps.link?.linkState ?? NO_LINK,
    'ops.status': () => opsStatus(deps),
    'ops.quarantine': (filter) => deps.quarantine.list(filter),
  };
}
