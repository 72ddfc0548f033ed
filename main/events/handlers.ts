import type { HandlerGroup } from '../router/router';
import type { EventLog } from './service';

export function eventHandlers(deps: { events: EventLog }): HandlerGroup<'events.list' | 'events.person'> {
  return {
    'events.list': (filter) => deps.events.list(filter),
    'events.person': ({ id }) => ({ person: deps.events.person(id) }),
  };
}
