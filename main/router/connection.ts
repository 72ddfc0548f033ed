import type { EventName, EventPayload, ServerMessage } from '../contract';
import type { ActiveSession } from '../auth/sessions';

/** One window's link to the core, and the session it signed in with. */
export class Connection {
  session: ActiveSession | null = null;

  constructor(
    readonly id: number,
    /** Where the connection comes from, for the audit trail: host or address. */
    readonly origin: string,
    private readonly sendMessage: (message: ServerMessage) => void,
  ) {}

  /** Station label for the audit trail: what the window calls itself, and from where. */
  station(claimed?: string): string {
    const name = claimed ?? this.session?.station ?? '';
    return name ? `${name}@${this.origin}` : this.origin;
  }

  send(message: ServerMessage): void {
    this.sendMessage(message);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.sendMessage({ t: 'event', name, payload });
  }
}
