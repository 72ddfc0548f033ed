import { randomBytes } from 'node:crypto';
import type { Role } from '../contract';

export type ActiveSession = {
  token: string;
  userId: number;
  username: string;
  role: Role;
  station: string;
  lastActivity: number;
  locked: boolean;
};

/**
 * Signed-in sessions, in memory: a restart of the core signs everyone out,
 * which is the safe default for a control room.
 */
export class SessionManager {
  private readonly sessions = new Map<string, ActiveSession>();

  constructor(private readonly now: () => number = Date.now) {}

  create(user: { id: number; username: string; role: Role }, station: string): ActiveSession {
    const session: ActiveSession = {
      token: randomBytes(32).toString('base64url'),
      userId: user.id,
      username: user.username,
      role: user.role,
      station,
      lastActivity: this.now(),
      locked: false,
    };
    this.sessions.set(session.token, session);
    return session;
  }

  get(token: string): ActiveSession | undefined {
    return this.sessions.get(token);
  }

  touch(session: ActiveSession): void {
    session.lastActivity = this.now();
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  forUser(userId: number): ActiveSession[] {
    return [...this.sessions.values()].filter((session) => session.userId === userId);
  }

  /** Locks sessions idle for longer than lockAfterMs; returns the ones it locked. */
  lockIdle(lockAfterMs: number): ActiveSession[] {
    const now = this.now();
    const locked: ActiveSession[] = [];
    for (const session of this.sessions.values()) {
      if (!session.locked && now - session.lastActivity >= lockAfterMs) {
        session.locked = true;
        locked.push(session);
      }
    }
    return locked;
  }
}
