import type { CoreTransport, EventName, EventPayload, ServerMessage } from '../contract';
import type { ActiveSession } from '../auth/sessions';

/** One window's link to the core, and the session it signed in with. */
export class Connection {
  session: ActiveSession | null = null;

  constructor(
    readonly id: number,
    /** Where the connection comes from, for the audit trail: host or address. */
    readonly origin: string,
    private readonly transport: Pick<CoreTransport, 'send' | 'backlog'>,
  ) {}

  /** Station label for the audit trail: what the window calls itself, and from where. */
  station(claimed?: string): string {
    const name = claimed ?? this.session?.station ?? '';
    return name ? `${name}@${this.origin}` : this.origin;
  }

  send(message: ServerMessage): void {
    this.transport.send(message);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.transport.send({ t: 'event', name, payload });
  }

  sendVideo(stream: number, data: Uint8Array): void {
    this.transport.send({ t: 'video', stream, data });
  }

  /** Bytes waiting to reach the window (0 where the transport cannot tell). */
  backlog(): number {
    return this.transport.backlog?.() ?? 0;
  }
}
