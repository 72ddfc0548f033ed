import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { connectClient, tempDir, testCore } from '../testing/harness';

const ADMIN = { username: 'admin', password: 'Command-Desk-2026', displayName: 'Admin' };
let core: Core;

beforeAll(async () => {
  core = testCore({ dataDir: tempDir() });
  await connectClient(core).call('auth.setup', { ...ADMIN, station: 'desk' });
});
afterAll(async () => {
  await core?.close();
});

describe('screen layouts', () => {
  it('keeps each officer’s layouts apart, replaces by name, refuses two windows on one monitor and says when there is none to delete', async () => {
    const admin = connectClient(core);
    await admin.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password, station: 'desk' });
    const layout = {
      name: '指挥三屏',
      screens: [
        { screen: 0, page: 'wall', wall: 'Night shift' },
        { screen: 1, page: 'devices', wall: null },
        { screen: 2, page: 'ops', wall: null },
      ],
    };
    await admin.call('screens.save', layout);
    await admin.call('screens.save', { ...layout, screens: layout.screens.slice(0, 2) });
    expect(await admin.call('screens.list', {})).toEqual([{ ...layout, screens: layout.screens.slice(0, 2) }]);

    await expect(admin.call('screens.save', { ...layout, screens: [layout.screens[0]!, { ...layout.screens[1]!, screen: 0 }] })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(admin.call('screens.save', { ...layout, screens: [{ screen: 8, page: 'wall', wall: null }] })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(admin.call('screens.save', { ...layout, screens: [{ screen: 0, page: 'https://evil', wall: null }] })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(admin.call('screens.save', { ...layout, screens: [] })).rejects.toMatchObject({ code: 'invalid_input' });

    await admin.call('users.create', { username: 'duty', displayName: 'Duty', role: 'duty_officer', password: 'Watch-Floor-2026' });
    const duty = connectClient(core);
    await duty.call('auth.signIn', { username: 'duty', password: 'Watch-Floor-2026', station: 'desk' });
    expect(await duty.call('screens.list', {})).toEqual([]);
    await expect(duty.call('screens.delete', { name: layout.name })).rejects.toMatchObject({ code: 'not_found' });

    const anonymous = connectClient(core);
    await expect(anonymous.call('screens.list', {})).rejects.toMatchObject({ code: 'unauthenticated' });

    await admin.call('screens.delete', { name: layout.name });
    expect(await admin.call('screens.list', {})).toEqual([]);
  });
});
