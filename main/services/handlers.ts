import type { ResidentRegistry } from '../residents/registry';
import type { Hub } from '../router/hub';
import type { HandlerGroup } from '../router/router';
import type { ServiceCatalogue } from './catalogue';
import type { RecommendationPublisher } from './publisher';
import { recommend, siteMoment } from './recommend';

export function serviceHandlers(deps: {
  catalogue: ServiceCatalogue;
  residents: ResidentRegistry;
  publisher: RecommendationPublisher;
  hub: Hub;
  timeZone: string;
}): HandlerGroup<'services.catalogue' | 'services.save' | 'services.delete' | 'services.residents' | 'services.residentContact' | 'services.recommendations'> {
  const { catalogue, residents, publisher, hub, timeZone } = deps;
  const changed = () => {
    hub.broadcast('services.changed', {});
    publisher.catalogueChanged();
  };
  return {
    'services.catalogue': () => catalogue.list(),
    'services.save': (draft, { connection }) => {
      const saved = catalogue.save(draft, connection.session!.username);
      changed();
      return saved;
    },
    'services.delete': ({ id }, { connection }) => {
      catalogue.delete(id, connection.session!.username);
      changed();
      return { ok: true as const };
    },
    'services.residents': (filter) => residents.list(filter),
    'services.residentContact': ({ id }) => residents.contact(id),
    // What the resident's app is sent, plus whether each is open now on the site's clock.
    'services.recommendations': ({ id }) => {
      const view = residents.view(id);
      const context = residents.context(id);
      return { resident: view, items: context ? recommend(catalogue.list(), context, { at: siteMoment(Date.now(), timeZone) }) : [] };
    },
  };
}
