import { afterEach, describe, expect, it } from 'vitest';
import { type ContractError } from '../contract';
import type { Core } from '../core';
import { connectClient, testCore } from '../testing/harness';
import { passwordProblems } from './passwords';

const PASSWORD = 'Correct-Horse-42';
let core: Core | undefined;
afterEach(() => core?.close());

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: ContractError) => error.code);

describe('password policy', () => {
  it('accepts a long password of three classes and explains every refusal', () => {
    expect(passwordProblems(PASSWORD, 'duty')).toEqual([]);
    expect(passwordProblems('short1A', 'duty')).toEqual(['at least 10 characters']);
    expect(passwordProblems('alllowercaseletters', 'duty')).toEqual(['three of: lower-case, upper-case, digits, symbols']);
    expect(passwordProblems('Duty-Officer-1', 'duty')).toEqual(['must not contain the username']);
  });
});

describe('sign-in', () => {
  it('forces the administrator to be created first, and only once', async () => {
    core = testCore();
    const client = connectClient(core);
    expect((await client.call('auth.status', {})).needsSetup).toBe(true);
    expect(await codeOf(client.call('auth.setup', { username: 'root', displayName: 'Root', password: 'weak', station: 's' }))).toBe('weak_password');
    const session = await client.call('auth.setup', { username: 'root', displayName: 'Root', password: PASSWORD, station: 's' });
    expect(session.user.role).toBe('it_admin');
    expect(await codeOf(client.call('auth.setup', { username: 'root2', displayName: 'Root', password: PASSWORD, station: 's' }))).toBe('conflict');
    expect((await client.call('auth.status', {})).needsSetup).toBe(false);
  });

  it('locks an account out after repeated failures and audits each attempt', async () => {
    core = testCore();
    await core.auth.createUser({ username: 'duty', displayName: 'Duty', role: 'duty_officer', password: PASSWORD });
    const client = connectClient(core);
    const attempt = (password: string) => codeOf(client.call('auth.signIn', { username: 'duty', password, station: 'desk' }));
    for (let i = 0; i < 5; i++) expect(await attempt('Wrong-Password-1')).toBe('bad_credentials');
    expect(await attempt(PASSWORD)).toBe('account_locked');
    const attempts = core.audit.list({ limit: 10, action: 'auth.signIn' });
    expect(attempts).toHaveLength(6);
    expect(attempts.every((entry) => entry.outcome === 'denied' && entry.station === 'desk@test')).toBe(true);
    // An unknown user gets the same answer as a wrong password.
    expect(await codeOf(client.call('auth.signIn', { username: 'nobody', password: PASSWORD, station: 'desk' }))).toBe('bad_credentials');
  });

  it('locks an idle session, refuses calls while locked, and unlocks with the password', async () => {
    core = testCore();
    await core.auth.createUser({ username: 'duty', displayName: 'Duty', role: 'duty_officer', password: PASSWORD });
    const client = connectClient(core);
    const session = await client.call('auth.signIn', { username: 'duty', password: PASSWORD, station: 'desk' });
    const ended = new Promise((resolve) => client.on('session.ended', resolve));
    // Age the session past the 15-minute lock window instead of waiting for it.
    core.sessions.get(session.token)!.lastActivity -= 16 * 60_000;
    expect(await ended).toEqual({ reason: 'locked' });
    expect(await codeOf(client.call('devices.tree', {}))).toBe('session_locked');
    expect(await codeOf(client.call('auth.unlock', { token: session.token, password: 'Wrong-Password-1' }))).toBe('bad_credentials');
    await client.call('auth.unlock', { token: session.token, password: PASSWORD });
    expect((await client.call('devices.tree', {})).level).toBe('site');
  });

  it('lets a locked station sign out, ending the session', async () => {
    core = testCore();
    await core.auth.createUser({ username: 'duty', displayName: 'Duty', role: 'duty_officer', password: PASSWORD });
    const client = connectClient(core);
    const session = await client.call('auth.signIn', { username: 'duty', password: PASSWORD, station: 'desk' });
    core.sessions.get(session.token)!.lastActivity -= 16 * 60_000;
    await expect.poll(() => core!.sessions.get(session.token)!.locked).toBe(true);
    await client.call('auth.signOut', {});
    expect(core.sessions.get(session.token)).toBeUndefined();
    expect(await codeOf(client.call('auth.unlock', { token: session.token, password: PASSWORD }))).toBe('unauthenticated');
  });

  it('ends the sessions of a disabled user at once', async () => {
    core = testCore();
    await core.auth.createUser({ username: 'admin', displayName: 'Admin', role: 'it_admin', password: PASSWORD });
    const duty = await core.auth.createUser({ username: 'duty', displayName: 'Duty', role: 'duty_officer', password: PASSWORD });
    const admin = connectClient(core);
    const officer = connectClient(core);
    await admin.call('auth.signIn', { username: 'admin', password: PASSWORD, station: 'a' });
    await officer.call('auth.signIn', { username: 'duty', password: PASSWORD, station: 'b' });
    const ended = new Promise((resolve) => officer.on('session.ended', resolve));
    await admin.call('users.update', { id: duty.id, disabled: true });
    expect(await ended).toEqual({ reason: 'disabled' });
    expect(await codeOf(officer.call('devices.tree', {}))).toBe('unauthenticated');
    expect(await codeOf(officer.call('auth.signIn', { username: 'duty', password: PASSWORD, station: 'b' }))).toBe('bad_credentials');
  });
});
