import type { HybridClock } from '../alarms/hlc';
import type { Outbox } from '../outbox/outbox';
import { ResidentRegistry } from '../residents/registry';
import type { Hub } from '../router/hub';
import type { Committed, Ingest } from '../site-link/ingest';
import type { Database } from '../store/database';
import { ServiceCatalogue } from './catalogue';
import { serviceHandlers } from './handlers';
import { RecommendationPublisher } from './publisher';

/** Life services wired together: the resident registry, the shared catalogue, the recommendations published to residents' apps and the calls. */
export function createLifeServices(deps: { db: Database; clock: HybridClock; outbox: Outbox; hub: Hub; ingest: Ingest; site: string; timeZone: string }) {
  const { db, clock, outbox, hub, ingest, site, timeZone } = deps;
  const residents = new ResidentRegistry(db);
  const catalogue = new ServiceCatalogue(db, clock, outbox, site);
  const publisher = new RecommendationPublisher({ db, residents, catalogue, outbox, site });
  const stopCommits = ingest.onCommit((batch: Committed) => {
    if (batch.residents.size) {
      hub.broadcast('residents.changed', { ids: [...batch.residents].slice(0, 500) });
      publisher.residentsChanged(batch.residents);
    }
    if (batch.services) {
      hub.broadcast('services.changed', {});
      publisher.catalogueChanged();
    }
  });
  return {
    residents,
    catalogue,
    publisher,
    handlers: serviceHandlers({ catalogue, residents, publisher, hub, timeZone }),
    hooks: {
      onResidentProfile: residents.apply.bind(residents),
      onService: catalogue.receive.bind(catalogue),
    },
    stop() {
      stopCommits();
      publisher.stop();
    },
  };
}
export type LifeServices = ReturnType<typeof createLifeServices>;
