import { randomBytes } from 'node:crypto';

type Ticket = { file: string; name: string; session: string; expiresAt: number };

/** Long enough to click "save" after a long export; short enough that a leaked link is soon worth nothing. */
const TICKET_MS = 10 * 60_000;

/**
 * One-time download links for files the core wrote for a window (evidence
 * packages): the web host serves `/download/<token>` once, while the session
 * that asked is still signed in and before the link expires. The token is
 * 256 random bits, so the link is the capability; the session check keeps a
 * link from outliving a sign-out.
 */
export class DownloadTickets {
  private readonly tickets = new Map<string, Ticket>();
  /** Whether a host serves the links (vigil serve); in the Electron shell nothing does, and none are handed out. */
  private served = false;

  constructor(
    private readonly sessionLive: (session: string) => boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called by the host that serves `/download/<token>`. */
  serve(): void {
    this.served = true;
  }

  /** A link for the file, or null where no host serves links. */
  issue(file: string, name: string, session: string): { url: string; expiresAt: number } | null {
    if (!this.served) return null;
    this.sweep();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + TICKET_MS;
    this.tickets.set(token, { file, name, session, expiresAt });
    return { url: `/download/${token}`, expiresAt };
  }

  /** The file for a token, once; null for a token unknown, used, expired or of a session that ended. */
  take(token: string): { file: string; name: string } | null {
    const ticket = this.tickets.get(token);
    this.tickets.delete(token);
    if (!ticket || ticket.expiresAt <= this.now() || !this.sessionLive(ticket.session)) return null;
    return { file: ticket.file, name: ticket.name };
  }

  private sweep(): void {
    for (const [token, ticket] of this.tickets) if (ticket.expiresAt <= this.now()) this.tickets.delete(token);
  }
}
