import type { Role, User } from '../contract';
import type { Database } from '../store/database';

type UserRow = {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  failed_attempts: number;
  locked_until: number | null;
  must_change_password: number;
  created_at: number;
  last_sign_in_at: number | null;
};

export type StoredUser = User & { passwordHash: string; failedAttempts: number };

function toUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
    passwordHash: row.password_hash,
    failedAttempts: row.failed_attempts,
  };
}

/** Strips what must never leave the core. */
export function publicUser({ passwordHash: _hash, failedAttempts: _failed, ...user }: StoredUser): User {
  return user;
}

/** The users table; knows nothing of policy, which lives in the auth service. */
export class UserStore {
  constructor(private readonly db: Database) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  all(): StoredUser[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(toUser);
  }

  byId(id: number): StoredUser | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  byUsername(username: string): StoredUser | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    return row && toUser(row);
  }

  create(user: { username: string; displayName: string; role: Role; passwordHash: string; mustChangePassword?: boolean }, now: number): StoredUser {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO users (username, display_name, role, password_hash, must_change_password, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(user.username, user.displayName, user.role, user.passwordHash, user.mustChangePassword ? 1 : 0, now);
    return this.byId(Number(lastInsertRowid))!;
  }

  update(id: number, changes: { displayName?: string; role?: Role; disabled?: boolean }): void {
    const current = this.byId(id);
    if (!current) return;
    this.db
      .prepare('UPDATE users SET display_name = ?, role = ?, disabled = ? WHERE id = ?')
      .run(changes.displayName ?? current.displayName, changes.role ?? current.role, (changes.disabled ?? current.disabled) ? 1 : 0, id);
  }

  setPassword(id: number, passwordHash: string, mustChange: boolean): void {
    this.db
      .prepare('UPDATE users SET password_hash = ?, must_change_password = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?')
      .run(passwordHash, mustChange ? 1 : 0, id);
  }

  recordFailure(id: number, lockUntil: number | null): void {
    this.db.prepare('UPDATE users SET failed_attempts = failed_attempts + 1, locked_until = ? WHERE id = ?').run(lockUntil, id);
  }

  recordSignIn(id: number, now: number): void {
    this.db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ? WHERE id = ?').run(now, id);
  }

  unlock(id: number): void {
    this.db.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(id);
  }
}
