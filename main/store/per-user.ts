import { ContractError } from '../contract';
import type { Database } from './database';

type Named = { name: string };

/**
 * A table of documents each officer keeps by name (saved walls): theirs
 * alone, at this station. The table has
 * (username, name, body, updated_at) with (username, name) as its key.
 */
export function perUserDocuments<T extends Named>(db: Database, table: 'walls', what: string) {
  const list = db.prepare(`SELECT body FROM ${table} WHERE username = ? ORDER BY name`);
  const save = db.prepare(
    `INSERT INTO ${table} (username, name, body, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(username, name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare(`DELETE FROM ${table} WHERE username = ? AND name = ?`);
  const user = (session: { username: string } | null) => {
    if (!session) throw new ContractError('unauthenticated', 'sign in first');
    return session.username;
  };
  type Context = { connection: { session: { username: string } | null } };
  return {
    list: (_input: unknown, { connection }: Context) => (list.all(user(connection.session)) as { body: string }[]).map((row) => JSON.parse(row.body) as T),
    save: (document: T, { connection }: Context) => {
      save.run(user(connection.session), document.name, JSON.stringify(document), Date.now());
      return { ok: true as const };
    },
    delete: ({ name }: Named, { connection }: Context) => {
      if (!remove.run(user(connection.session), name).changes) throw new ContractError('not_found', `no saved ${what} named ${name}`);
      return { ok: true as const };
    },
  };
}
