import type { HandlerGroup } from '../router/router';
import type { SiteLink } from '../site-link/link';

export function opsHandlers(deps: { link: SiteLink | null }): HandlerGroup<'ops.link'> {
  return {
    'ops.link': () => deps.link?.linkState ?? { state: 'offline', since: 0, broker: 'no site broker configured' },
  };
}
