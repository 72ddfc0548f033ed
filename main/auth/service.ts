import { ContractError, ROLE_PERMISSIONS, type Role, type Session } from '../contract';
import type { AuditTrail } from '../audit/trail';
import type { SettingsStore } from '../settings/settings';
import { hashPassword, passwordProblems, verifyPassword } from './passwords';
import type { ActiveSession, SessionManager } from './sessions';
import { publicUser, type StoredUser, type UserStore } from './users';

const MINUTE = 60_000;

/** Sign-in, lockout, session lock and password changes: the policy around the users table. */
export class AuthService {
  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionManager,
    private readonly audit: AuditTrail,
    private readonly settings: SettingsStore,
    private readonly now: () => number = Date.now,
  ) {}

  needsSetup(): boolean {
    return this.users.count() === 0;
  }

  assertPolicy(password: string, username: string): void {
    const problems = passwordProblems(password, username);
    if (problems.length) throw new ContractError('weak_password', `password policy: ${problems.join('; ')}`);
  }

  async createUser(input: { username: string; displayName: string; role: Role; password: string; mustChangePassword?: boolean }): Promise<StoredUser> {
    this.assertPolicy(input.password, input.username);
    if (this.users.byUsername(input.username)) throw new ContractError('conflict', `user ${input.username} already exists`);
    return this.users.create({ ...input, passwordHash: await hashPassword(input.password) }, this.now());
  }

  /** An account whose hash was made elsewhere (the demo's, made once): its password met the policy there. */
  importUser(input: { username: string; displayName: string; role: Role; passwordHash: string }): StoredUser {
    if (this.users.byUsername(input.username)) throw new ContractError('conflict', `user ${input.username} already exists`);
    return this.users.create(input, this.now());
  }

  /** First start: the only way in is to create the IT administrator. */
  async setup(input: { username: string; displayName: string; password: string }, station: string): Promise<ActiveSession> {
    if (!this.needsSetup()) throw new ContractError('conflict', 'this station already has an administrator');
    const user = await this.createUser({ ...input, role: 'it_admin' });
    this.audit.append({ actor: user.username, role: user.role, station, action: 'auth.setup', target: user.username, outcome: 'ok' });
    return this.sessions.create(user, station);
  }

  async signIn(username: string, password: string, station: string): Promise<ActiveSession> {
    const user = this.users.byUsername(username);
    const now = this.now();
    const refuse = (reason: string, code: 'bad_credentials' | 'account_locked', message: string): never => {
      this.audit.append({ actor: username, role: user?.role ?? '', station, action: 'auth.signIn', target: username, outcome: 'denied', detail: { reason } });
      throw new ContractError(code, message);
    };
    // Same answer for an unknown user and a wrong password: do not confirm who exists.
    if (!user) return refuse('unknown user', 'bad_credentials', 'wrong username or password');
    if (user.lockedUntil && user.lockedUntil > now) {
      return refuse('locked out', 'account_locked', `too many failed attempts; try again after ${new Date(user.lockedUntil).toISOString()}`);
    }
    if (!(await verifyPassword(password, user.passwordHash))) {
      const { lockoutThreshold, lockoutMinutes } = this.settings.get();
      const lockUntil = user.failedAttempts + 1 >= lockoutThreshold ? now + lockoutMinutes * MINUTE : null;
      this.users.recordFailure(user.id, lockUntil);
      return refuse(lockUntil ? 'wrong password; locked out' : 'wrong password', 'bad_credentials', 'wrong username or password');
    }
    if (user.disabled) return refuse('account disabled', 'bad_credentials', 'this account is disabled; ask an administrator');
    this.users.recordSignIn(user.id, now);
    this.audit.append({ actor: user.username, role: user.role, station, action: 'auth.signIn', target: user.username, outcome: 'ok' });
    return this.sessions.create(user, station);
  }

  async unlock(session: ActiveSession, password: string): Promise<ActiveSession> {
    const user = this.users.byId(session.userId);
    const ok = !!user && !user.disabled && (await verifyPassword(password, user.passwordHash));
    this.audit.append({ actor: session.username, role: session.role, station: session.station, action: 'auth.unlock', target: session.username, outcome: ok ? 'ok' : 'denied' });
    if (!ok) throw new ContractError('bad_credentials', 'wrong password');
    session.locked = false;
    this.sessions.touch(session);
    return session;
  }

  async changePassword(session: ActiveSession, current: string, next: string): Promise<void> {
    const user = this.users.byId(session.userId);
    if (!user || !(await verifyPassword(current, user.passwordHash))) throw new ContractError('bad_credentials', 'the current password is wrong');
    this.assertPolicy(next, user.username);
    if (await verifyPassword(next, user.passwordHash)) throw new ContractError('weak_password', 'password policy: must differ from the current password');
    this.users.setPassword(user.id, await hashPassword(next), false);
  }

  /** An administrator sets a temporary password; the user must change it at next sign-in. */
  async resetPassword(user: StoredUser, password: string): Promise<void> {
    this.assertPolicy(password, user.username);
    this.users.setPassword(user.id, await hashPassword(password), true);
  }

  signOut(session: ActiveSession): void {
    this.sessions.end(session.token);
    this.audit.append({ actor: session.username, role: session.role, station: session.station, action: 'auth.signOut', target: session.username, outcome: 'ok' });
  }

  describe(session: ActiveSession): Session {
    const user = this.users.byId(session.userId);
    if (!user) throw new ContractError('unauthenticated', 'the account no longer exists');
    return {
      token: session.token,
      user: publicUser(user),
      permissions: [...ROLE_PERMISSIONS[user.role]],
      lockAfterMs: this.settings.get().sessionLockMinutes * MINUTE,
    };
  }
}
