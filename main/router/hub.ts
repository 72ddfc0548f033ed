import { EVENT_ACCESS, roleHas, type EventName, type EventPayload } from '../contract';
import type { Connection } from './connection';

/** The windows connected to this core; events go only to signed-in, unlocked ones, and only to roles that may read what they name. */
export class Hub {
  private readonly connections = new Set<Connection>();

  add(connection: Connection): () => void {
    this.connections.add(connection);
    return () => this.connections.delete(connection);
  }

  broadcast<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const needs = EVENT_ACCESS[name];
    for (const connection of this.connections) {
      const { session } = connection;
      if (session && !session.locked && (!needs || roleHas(session.role, needs))) connection.emit(name, payload);
    }
  }

  /** Connections using the session with this token. */
  bySession(token: string): Connection[] {
    return [...this.connections].filter((connection) => connection.session?.token === token);
  }
}
