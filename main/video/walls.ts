import type { Wall } from '../contract';
import type { HandlerGroup } from '../router/router';
import type { Database } from '../store/database';
import { perUserDocuments } from '../store/per-user';

/** Each officer's saved walls, by name. */
export function wallHandlers(deps: { db: Database }): HandlerGroup<'walls.list' | 'walls.save' | 'walls.delete'> {
  const walls = perUserDocuments<Wall>(deps.db, 'walls', 'wall');
  return { 'walls.list': walls.list, 'walls.save': walls.save, 'walls.delete': walls.delete };
}
