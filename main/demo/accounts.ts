import type { Role } from '../contract';
import type { AuthService } from '../auth/service';

/** The demo park's accounts, one per role; documented in README.md. Never created outside demo mode. */
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; password: string }[] = [
  { username: 'admin', displayName: '系统管理员 IT Admin', role: 'it_admin', password: 'Ops!Vigil2026' },
  { username: 'duty', displayName: '值班员 王敏', role: 'duty_officer', password: 'Watch!Vigil2026' },
  { username: 'supervisor', displayName: '值班长 李强', role: 'shift_supervisor', password: 'Shift!Vigil2026' },
  { username: 'commander', displayName: '应急指挥 张伟', role: 'emergency_commander', password: 'Incident!Vigil2026' },
  { username: 'auditor', displayName: '审计员 陈静', role: 'auditor', password: 'Ledger!Vigil2026' },
];

export async function seedDemoAccounts(auth: AuthService): Promise<void> {
  if (!auth.needsSetup()) return;
  // Hashed in parallel on libuv's thread pool: scrypt is the slow part of a first start.
  await Promise.all(DEMO_ACCOUNTS.map((account) => auth.createUser(account)));
}
