import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CONTENT_SECURITY_POLICY } from '../contract';
import type { Core } from '../core';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../demo/accounts';
import { startDemoSite, type DemoSite } from '../demo/site';
import { silentLogger } from '../logging/logger';
import { tempDir, testCore } from '../testing/harness';
import { openClient } from '../testing/station';
import { startWebHost } from './web-host';

let demo: DemoSite;
let core: Core;
let host: { url: string; close(): Promise<void> };
const admin = DEMO_ACCOUNTS.find((account) => account.role === 'it_admin')!;

beforeAll(async () => {
  demo = await startDemoSite({ statusChangesPerSecond: 20 });
  core = testCore({ site: { ...demo.site, brokers: [demo.brokerUrl], demo: true, protocolVersion: 4 } });
  seedDemoAccounts(core.auth);
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Vigil</title>');
  host = await startWebHost({ core, rendererDir, host: '127.0.0.1', port: 0, logger: silentLogger() });
}, 30_000);

afterAll(async () => {
  await host.close();
  await core.close();
  await demo.stop();
});

function open(origin?: string): Promise<WebSocket> {
  const socket = new WebSocket(`${host.url.replace('http', 'ws')}ws`, origin ? { origin } : {});
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('vigil serve', () => {
  it('serves the app with a strict content security policy', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toContain('<title>Vigil</title>');
  });

  it('never serves a file outside the app', async () => {
    const response = await fetch(`${host.url}..%2f..%2f..%2fetc%2fpasswd`);
    expect(await response.text()).not.toContain('root:');
  });

  it('refuses WebSockets from foreign pages and from clients that name no origin', async () => {
    await expect(open('https://evil.example')).rejects.toThrow(/403/);
    await expect(open()).rejects.toThrow(/403/);
  });

  it('signs in over the socket and shows the demo park with live status', async () => {
    const client = await openClient(host.url);
    const status = await client.call('auth.status', {});
    expect(status).toMatchObject({ demo: true, needsSetup: false });
    await expect(client.call('devices.tree', {})).rejects.toMatchObject({ code: 'unauthenticated' });
    const session = await client.call('auth.signIn', { username: admin.username, password: admin.password, station: 'e2e' });
    expect(session.user.role).toBe('it_admin');

    const changed = new Promise<{ codes: string[] }>((resolve) => client.on('devices.changed', resolve));
    await expect.poll(async () => (await client.call('devices.tree', {})).total, { timeout: 10_000 }).toBe(demo.simulator.devices.length);
    const { codes } = await changed;
    expect(codes.length).toBeGreaterThan(0);
    const device = await client.call('devices.get', { code: codes[0]! });
    expect(['online', 'offline', 'fault']).toContain(device.status);
    expect((await client.call('ops.link', {})).state).toBe('online');
    const signIns = core.audit.list({ limit: 5, action: 'auth.signIn' });
    expect(signIns[0]).toMatchObject({ actor: 'admin', outcome: 'ok', station: expect.stringMatching(/^e2e@/) });
    client.close();
  });
});

describe('vigil serve while its core starts', () => {
  it('serves the page at once and answers a socket opened meanwhile once the core is there', async () => {
    let started!: (core: Core) => void;
    const starting = new Promise<Core>((resolve) => (started = resolve));
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Vigil</title>');
    const early = await startWebHost({ core: starting, rendererDir, host: '127.0.0.1', port: 0, logger: silentLogger() });
    try {
      expect(await (await fetch(early.url)).text()).toContain('<title>Vigil</title>');
      const client = await openClient(early.url);
      // Sent before the core exists: held by the paused socket, not lost.
      const status = client.call('auth.status', {});
      let answered = false;
      void status.then(() => (answered = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(answered).toBe(false);
      started(core);
      expect(await status).toMatchObject({ demo: true, needsSetup: false });
      client.close();
    } finally {
      await early.close();
    }
  });

  it('drops sockets when the core fails to start', async () => {
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    let failed!: (error: Error) => void;
    const early = await startWebHost({ core: new Promise<Core>((_, reject) => (failed = reject)), rendererDir, host: '127.0.0.1', port: 0, logger: silentLogger() });
    try {
      const origin = new URL(early.url).origin;
      const client = new WebSocket(`${early.url.replace('http', 'ws')}ws`, { origin });
      await new Promise((resolve) => client.once('open', resolve));
      const closed = new Promise((resolve) => client.once('close', resolve));
      failed(new Error('database is locked'));
      await closed;
    } finally {
      await early.close();
    }
  });
});
