import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS, ROLES, calls, roleHas, type CoreClient, type Method, type Role } from '../contract';
import type { Core } from '../core';
import { connectClient, rejection, testCore } from '../testing/harness';

const PASSWORD = 'Correct-Horse-42';

let core: Core;
const clients = new Map<Role, CoreClient>();

beforeAll(async () => {
  core = testCore();
  for (const role of ROLES) {
    await core.auth.createUser({ username: `user_${role}`, displayName: role, role, password: PASSWORD });
    const client = connectClient(core);
    await client.call('auth.signIn', { username: `user_${role}`, password: PASSWORD, station: 'test' });
    clients.set(role, client);
  }
}, 60_000);

afterAll(() => core.close());


const call = (client: CoreClient, method: Method, input: unknown) => client.call(method, input as never);
const roleFor = (method: Method): Role => {
  const access = calls[method].access;
  return ROLES.find((role) => access === 'public' || access === 'signed-in' || roleHas(role, access))!;
};

describe('every call in the contract', () => {
  it.each(METHODS)('%s rejects malformed input with a clear error', async (method) => {
    const client = clients.get(roleFor(method))!;
    for (const bad of [42, 'text', null, [], { unexpected: true }]) {
      const error = await rejection(call(client, method, bad));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain(method);
      expect(error.issues?.length).toBeGreaterThan(0);
    }
  });

  const denied = ROLES.flatMap((role) =>
    METHODS.filter((method) => {
      const access = calls[method].access;
      return access !== 'public' && access !== 'signed-in' && !roleHas(role, access);
    }).map((method) => [role, method] as const),
  );

  it('leaves some calls out of reach of every role but the administrator', () => {
    expect(denied.length).toBeGreaterThan(10);
  });

  it.each(denied)('%s is refused %s, and the refusal is audited', async (role, method) => {
    const before = core.audit.list({ limit: 1 })[0]?.id ?? 0;
    const error = await rejection(call(clients.get(role)!, method, {}));
    expect(error.code).toBe('forbidden');
    const [entry] = core.audit.list({ limit: 1, action: 'permission.denied' });
    expect(entry!.id).toBeGreaterThan(before);
    expect(entry).toMatchObject({ actor: `user_${role}`, role, target: method, outcome: 'denied' });
  });

  it.each(METHODS.filter((method) => calls[method].access !== 'public'))('%s needs a signed-in session', async (method) => {
    const error = await rejection(call(connectClient(core), method, {}));
    expect(error.code).toBe('unauthenticated');
  });

  it('refuses a method the contract does not define', async () => {
    const error = await rejection(call(clients.get('it_admin')!, 'system.exec' as Method, {}));
    expect(error.code).toBe('unknown_method');
  });
});
