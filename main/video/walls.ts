import { ContractError, type Wall } from '../contract';
import type { HandlerGroup } from '../router/router';
import type { Database } from '../store/database';

/** Each officer's saved walls, by name. */
export function wallHandlers(deps: { db: Database }): HandlerGroup<'walls.list' | 'walls.save' | 'walls.delete'> {
  const { db } = deps;
  const list = db.prepare('SELECT wall FROM walls WHERE username = ? ORDER BY name');
  const save = db.prepare(
    'INSERT INTO walls (username, name, wall, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(username, name) DO UPDATE SET wall = excluded.wall, updated_at = excluded.updated_at',
  );
  const remove = db.prepare('DELETE FROM walls WHERE username = ? AND name = ?');
  const user = (session: { username: string } | null) => {
    if (!session) throw new ContractError('unauthenticated', 'sign in first');
    return session.username;
  };
  return {
    'walls.list': (_input, { connection }) => (list.all(user(connection.session)) as { wall: string }[]).map((row) => JSON.parse(row.wall) as Wall),
    'walls.save': (wall, { connection }) => {
      save.run(user(connection.session), wall.name, JSON.stringify(wall), Date.now());
      return { ok: true as const };
    },
    'walls.delete': ({ name }, { connection }) => {
      if (!remove.run(user(connection.session), name).changes) throw new ContractError('not_found', `no saved wall named ${name}`);
      return { ok: true as const };
    },
  };
}
