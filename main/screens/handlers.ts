import type { ScreenLayout } from '../contract';
import type { HandlerGroup } from '../router/router';
import type { Database } from '../store/database';
import { perUserDocuments } from '../store/per-user';

/** Each officer's screen layouts, by name: a window per monitor, each with its page and wall. */
export function screenHandlers(deps: { db: Database }): HandlerGroup<'screens.list' | 'screens.save' | 'screens.delete'> {
  const layouts = perUserDocuments<ScreenLayout>(deps.db, 'screen_layouts', 'screen layout');
  return { 'screens.list': layouts.list, 'screens.save': layouts.save, 'screens.delete': layouts.delete };
}
