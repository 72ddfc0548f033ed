import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { openDatabase } from '../store/database';
import { tempDir } from '../testing/harness';
import { Outbox, type Publisher } from './outbox';

/** A broker stand-in that can be offline, refuse, or acknowledge. */
function fakeBroker() {
  const published: { topic: string; payload: string; expiry?: number }[] = [];
  const broker = {
    connected: false as boolean,
    connection: 1,
    failNext: 0,
    /** Publishes that never hear back (a connection that ended under them). */
    hangNext: 0,
    published,
    publish(topic: string, payload: string, options: { properties?: { messageExpiryInterval?: number } }) {
      if (!broker.connected) return Promise.reject(new Error('offline'));
      if (broker.failNext > 0) {
        broker.failNext--;
        return Promise.reject(new Error('connection lost before PUBACK'));
      }
      published.push({ topic, payload, expiry: options.properties?.messageExpiryInterval });
      if (broker.hangNext > 0) {
        broker.hangNext--;
        return new Promise<void>(() => undefined);
      }
      return Promise.resolve();
    },
  } satisfies Publisher & Record<string, unknown>;
  return broker;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('outbox', () => {
  it('holds actions while offline and publishes them in order once connected, each once', async () => {
    const db = openDatabase(':memory:');
    const outbox = new Outbox(db, silentLogger());
    const broker = fakeBroker();
    outbox.start(broker, 10);
    for (let i = 0; i < 5; i++) outbox.add({ id: `act-${i}`, topic: 't', payload: String(i), qos: 1, retain: false });
    await settle();
    expect(broker.published).toEqual([]);
    expect(outbox.stats().pending).toBe(5);
    broker.connected = true;
    broker.failNext = 2;
    await expect.poll(() => outbox.stats().delivered).toBe(5);
    expect(broker.published.map((message) => message.payload).sort()).toEqual(['0', '1', '2', '3', '4']);
    outbox.stop();
  });

  it('sends again, on the next connection, what the last one never confirmed', async () => {
    const db = openDatabase(':memory:');
    const outbox = new Outbox(db, silentLogger());
    const broker = fakeBroker();
    broker.connected = true;
    broker.hangNext = 1;
    outbox.start(broker, 10);
    outbox.add({ id: 'notice-1', topic: 'notices/1', payload: 'draft', qos: 1, retain: true });
    await expect.poll(() => broker.published.length).toBe(1);
    await settle();
    // Still waiting on the connection it went out on: not sent twice.
    expect(outbox.stats()).toMatchObject({ pending: 1, delivered: 0 });
    expect(broker.published).toHaveLength(1);
    broker.connection++;
    await expect.poll(() => outbox.stats().delivered).toBe(1);
    expect(broker.published.map((message) => message.payload)).toEqual(['draft', 'draft']);
    outbox.stop();
  });

  it('never sends a command after its expiry, and says so', async () => {
    let now = 1_000_000;
    const db = openDatabase(':memory:');
    const outbox = new Outbox(db, silentLogger(), () => now);
    const settled: string[] = [];
    outbox.onSettled((event) => settled.push(`${event.id}:${event.state}`));
    const broker = fakeBroker();
    outbox.start(broker, 10);
    outbox.add({ id: 'open-door', topic: 'cmd', payload: '{}', qos: 1, retain: false, expiresAt: now + 30_000 });
    outbox.add({ id: 'siren', topic: 'cmd', payload: '{}', qos: 1, retain: false, expiresAt: now + 90_000 });
    await settle();
    now += 60_000;
    broker.connected = true;
    await expect.poll(() => settled.length).toBe(2);
    expect(settled.sort()).toEqual(['open-door:expired', 'siren:delivered']);
    expect(broker.published).toEqual([{ topic: 'cmd', payload: '{}', expiry: 30 }]);
    expect(outbox.stats()).toMatchObject({ pending: 0, delivered: 1, expired: 1 });
    outbox.stop();
  });

  it('survives a restart of the core: what was pending is sent by the next run', async () => {
    const file = path.join(tempDir(), 'vigil.db');
    const first = openDatabase(file);
    new Outbox(first, silentLogger()).add({ id: 'ack-1', topic: 't', payload: 'x', qos: 1, retain: true });
    first.close();
    const db = openDatabase(file);
    const outbox = new Outbox(db, silentLogger());
    const broker = fakeBroker();
    broker.connected = true;
    outbox.start(broker, 10);
    await expect.poll(() => broker.published.length).toBe(1);
    expect(outbox.stats()).toMatchObject({ pending: 0, delivered: 1 });
    outbox.stop();
  });
});
