import type { CallContext, HandlerGroup } from '../router/router';
import type { Database } from '../store/database';
import type { Workspaces } from './workspaces';

/** Each officer's screen layouts: a window per monitor, each with its page; the same at every station of the site. */
export function screenHandlers(deps: { db: Database; workspaces: Workspaces }): HandlerGroup<'screens.list' | 'screens.save' | 'screens.delete' | 'screens.openOnSignIn'> {
  const { db, workspaces } = deps;
  const who = ({ connection }: CallContext) => connection.session!;
  return {
    'screens.list': (_, context) => workspaces.view(who(context).username, who(context).role),
    'screens.save': (layout, context) => {
      db.transaction(() => workspaces.save(who(context).username, who(context).role, layout))();
      return { ok: true };
    },
    'screens.delete': ({ name }, context) => {
      db.transaction(() => workspaces.delete(who(context).username, who(context).role, name))();
      return { ok: true };
    },
    'screens.openOnSignIn': ({ name }, context) => {
      db.transaction(() => workspaces.openOnSignIn(who(context).username, who(context).role, name))();
      return { ok: true };
    },
  };
}
