import type { EventName, EventPayload } from '../contract';
import type { Connection } from './connection';

/** The windows connected to this core; events go only to signed-in, unlocked ones. */
export class Hub {
  private readonly connections = new Set<Connection>();

  add(connection: Connection): () => void {
    this.connections.add(connection);
    return () => this.connections.delete(connection);
  }

  broadcast<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const connection of this.connections) {
      if (connection.session && !connection.session.locked) connection.emit(name, payload);
    }
  }

  /** Connections using the session with this token. */
  bySession(token: string): Connection[] {
    return [...this.connections].filter((connection) => connection.session?.token === token);
  }
}
