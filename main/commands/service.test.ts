import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { Outbox, type Publisher } from '../outbox/outbox';
import { openDatabase } from '../store/database';
import { CommandService } from './service';

const DOOR = '32061201011400000001';

function setup() {
  let now = 1_000_000;
  const db = openDatabase(':memory:');
  const outbox = new Outbox(db, silentLogger(), () => now);
  const commands = new CommandService(db, outbox, 'park', () => now);
  outbox.onSettled((event) => commands.settled(event));
  const sent: { topic: string; payload: string; properties: unknown }[] = [];
  const broker = {
    connected: false as boolean,
    connection: 1,
    publish: (topic: string, payload: string, options: { properties?: unknown }) => {
      sent.push({ topic, payload, properties: options.properties });
      return Promise.resolve();
    },
  } satisfies Publisher;
  outbox.start(broker, 10);
  return { commands, broker, sent, advance: (ms: number) => (now += ms), stop: () => outbox.stop() };
}

const who = { user: 'duty', station: 'desk-1@host' };

describe('commands', () => {
  it('are published with an expiry, a response topic and correlation data, and follow the device’s answers', async () => {
    const { commands, broker, sent, stop } = setup();
    const command = commands.send({ code: DOOR, command: 'door.open', params: { seconds: 5 }, ttlSeconds: 30 }, who);
    expect(command).toMatchObject({ status: 'pending', issuedBy: 'duty', expiresAt: 1_030_000 });
    broker.connected = true;
    await expect.poll(() => commands.list({ limit: 5 })[0]!.status).toBe('sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.topic).toBe(`vigil/v1/park/devices/${DOOR}/commands`);
    expect(JSON.parse(sent[0]!.payload)).toMatchObject({ id: command.id, command: 'door.open', params: { seconds: 5 }, expiresAt: 1_030_000 });
    expect(sent[0]!.properties).toEqual({
      messageExpiryInterval: 30,
      responseTopic: `vigil/v1/park/devices/${DOOR}/commands/ack`,
      correlationData: Buffer.from(command.id),
    });
    expect(commands.acknowledge(DOOR, { id: command.id, status: 'accepted', ts: 1 })).toBe(command.id);
    expect(commands.acknowledge(DOOR, { id: command.id, status: 'done', ts: 2 })).toBe(command.id);
    // A late or repeated answer never moves a command back, and another device cannot answer for it.
    expect(commands.acknowledge(DOOR, { id: command.id, status: 'accepted', ts: 3 })).toBeNull();
    expect(commands.acknowledge('32061201011400000009', { id: command.id, status: 'failed', ts: 4 })).toBeNull();
    expect(commands.list({ code: DOOR, limit: 5 })[0]).toMatchObject({ status: 'done' });
    stop();
  });

  it('expire unsent when the link stays down past their expiry', async () => {
    const { commands, broker, sent, advance, stop } = setup();
    const command = commands.send({ code: DOOR, command: 'door.open', params: {}, ttlSeconds: 10 }, who);
    advance(11_000);
    broker.connected = true;
    await expect.poll(() => commands.list({ limit: 5 })[0]!.status).toBe('expired');
    expect(commands.list({ limit: 5 })[0]).toMatchObject({ id: command.id, reason: 'not sent before its expiry' });
    expect(sent).toEqual([]);
    stop();
  });
});
