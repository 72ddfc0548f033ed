import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords';
import { testCore } from '../testing/harness';
import { DEMO_ACCOUNTS, seedDemoAccounts } from './accounts';

describe('demo accounts', () => {
  it('each hash is its documented password, and each password meets the policy', async () => {
    const core = testCore();
    try {
      for (const account of DEMO_ACCOUNTS) {
        expect(await verifyPassword(account.password, account.passwordHash), account.username).toBe(true);
        expect(() => core.auth.assertPolicy(account.password, account.username)).not.toThrow();
      }
    } finally {
      await core.close();
    }
  });

  it('are created once, on a station nobody has set up, and sign in', async () => {
    const core = testCore();
    try {
      seedDemoAccounts(core.auth);
      seedDemoAccounts(core.auth);
      const session = await core.auth.signIn('property', 'Meter!Vigil2026', 'desk');
      expect(session.role).toBe('property_manager');
    } finally {
      await core.close();
    }
  });
});
