import type { Role } from '../contract';
import type { AuthService } from '../auth/service';

type DemoAccount = { username: string; displayName: string; role: Role; password: string; passwordHash: string };

/**
 * The demo park's accounts, one per role; documented in README.md. Never
 * created outside demo mode. Their scrypt hashes are made once, here (six
 * hashes at first start held the demo's sign-in page back by seconds on two
 * cores); the passwords are public anyway, and a test keeps each hash true
 * to its password and the password policy.
 */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员 IT Admin', role: 'it_admin', password: 'Ops!Vigil2026', passwordHash: 'scrypt$32768$8$1$nflJIjbqRbTbwEnt36aP6g==$3caUNv+Q8enpABtHJ8k94S5h7sxu8QpL5ouK6L83stM=' },
  { username: 'duty', displayName: '值班员 王敏', role: 'duty_officer', password: 'Watch!Vigil2026', passwordHash: 'scrypt$32768$8$1$5IRNN4zqZbpihf7QroRIQg==$zY71d6CLnl0K9sfCJticboNyns7iL26FXz9/HHLG7qQ=' },
  { username: 'supervisor', displayName: '值班长 李强', role: 'shift_supervisor', password: 'Shift!Vigil2026', passwordHash: 'scrypt$32768$8$1$1GQ4ZSwp035qEnc/K9BkSQ==$WHqDc93rt7HtihS76aosxnk6BDq6QlI8ge+q6xQkR8w=' },
  { username: 'commander', displayName: '应急指挥 张伟', role: 'emergency_commander', password: 'Incident!Vigil2026', passwordHash: 'scrypt$32768$8$1$/ZOITZ7aKl8ceLh1wdr2mA==$/Rgybq6a2MeTIi6BFgDl3s1wEvpHpUzq4wnuAwB/zPM=' },
  { username: 'property', displayName: '物业管理员 刘芳', role: 'property_manager', password: 'Meter!Vigil2026', passwordHash: 'scrypt$32768$8$1$j/tS9Y7/F4erHlCiOJ3sHw==$MH06k9BLaBuxDnMWwsxAhBh0777xsWN2mHcBRpWqpXE=' },
  { username: 'tech', displayName: '维修技师 赵磊', role: 'technician', password: 'Repair!Vigil2026', passwordHash: 'scrypt$32768$8$1$I73AneZgtpP9LBp+F5t2iw==$Wnra3+INNc7jkhBOomAPYhNYcd6W9CWjcrZ91Ke5pww=' },
  { username: 'auditor', displayName: '审计员 陈静', role: 'auditor', password: 'Ledger!Vigil2026', passwordHash: 'scrypt$32768$8$1$pXiirodXX34dW7evIBDrhw==$wFf+Nfad+0Nvh55etd8+vK5DrLXztRYjJdRKh1FVdS8=' },
];

export function seedDemoAccounts(auth: AuthService): void {
  if (!auth.needsSetup()) return;
  for (const { password: _shown, ...account } of DEMO_ACCOUNTS) auth.importUser(account);
}
