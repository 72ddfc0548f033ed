import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContractError, CoreClient, type CallMessage, type ClientTransport, type CoreTransport, type Role, type ServerMessage } from '../contract';
import { createCore, type Core, type CoreOptions } from '../core';
import { silentLogger } from '../logging/logger';

/** A linked pair of transports in one process: what a window and the core would hold. */
export function transportPair(): { client: ClientTransport; core: CoreTransport } {
  const toCore = new Set<(message: unknown) => void>();
  const toClient = new Set<(message: ServerMessage) => void>();
  const closers = new Set<() => void>();
  // Messages are copied through JSON (video as bytes), as on a real transport, and delivered asynchronously.
  const deliver = <T>(listeners: Set<(message: T) => void>, message: unknown) =>
    queueMicrotask(() => {
      const video = message as { t?: string; data?: Uint8Array };
      const copy = (video.t === 'video' ? { ...video, data: new Uint8Array(video.data!) } : JSON.parse(JSON.stringify(message))) as T;
      for (const listener of listeners) listener(copy);
    });
  const close = () => {
    for (const closer of closers) closer();
    closers.clear();
  };
  const subscribe = <T>(set: Set<T>, listener: T) => (set.add(listener), () => set.delete(listener));
  return {
    client: {
      send: (message: CallMessage) => deliver(toCore, message),
      onMessage: (listener) => subscribe(toClient, listener),
      onClose: (listener) => subscribe(closers, listener),
      close,
    },
    core: {
      send: (message) => deliver(toClient, message),
      onMessage: (listener) => subscribe(toCore, listener),
      onClose: (listener) => subscribe(closers, listener),
      close,
    },
  };
}

export function tempDir(prefix = 'vigil-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A core on a fresh temporary database, with no site broker unless one is given. */
export function testCore(overrides: Partial<CoreOptions> = {}): Core {
  return createCore({
    dataDir: tempDir(),
    site: { id: 'test-site', name: 'Test site', brokers: [], demo: false },
    logger: silentLogger(),
    checkOutputs: true,
    lockSweepMs: 50,
    ...overrides,
  });
}

/** What the site publishes on `vigil/v1/{site}/{rest}`, handed to the station's ingest as the link would (flush to commit). */
export function pushSite(core: Core, rest: string, payload: unknown, site = 'test-site', receivedAt = Date.now()): void {
  core.ingest.push({ topic: `vigil/v1/${site}/${rest}`, payload: Buffer.from(JSON.stringify(payload)), receivedAt });
}

export function connectClient(core: Core, origin = 'test'): CoreClient {
  const { client, core: coreSide } = transportPair();
  core.connect(coreSide, origin);
  return new CoreClient(client);
}

/** A window of `core` signed in as a new user with `role` (named after the role unless told). */
export async function signedIn(core: Core, role: Role, options: { username?: string; password: string }): Promise<CoreClient> {
  const { username = role.replace('_', ''), password } = options;
  await core.auth.createUser({ username, displayName: username, role, password });
  const client = connectClient(core);
  await client.call('auth.signIn', { username, password, station: 'desk' });
  return client;
}

/** Waits until `check` returns true, for set-up code where expect.poll is not allowed. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The ContractError a call was refused with; fails when it succeeded or failed otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<ContractError> {
  const error = await promise.then(
    () => new Error('expected the call to be refused, and it succeeded'),
    (e: unknown) => e,
  );
  if (!(error instanceof ContractError)) throw error instanceof Error ? error : new Error(String(error));
  return error;
}
