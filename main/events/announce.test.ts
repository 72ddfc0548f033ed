import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calls, EVENT_ACCESS, type CoreClient } from '../contract';
import type { Core } from '../core';
import type { Committed } from '../site-link/ingest';
import { topicOf } from '../site-link/interface/topics';
import { connectClient, testCore } from '../testing/harness';
import { announceStoredEvents, EVENTS_CHANGED_MS } from './announce';

const SITE = 'test-site';
const DOOR = '32061201011400000001';
const PASSWORD = 'Door-Events-2026';
let core: Core;

beforeAll(async () => {
  core = testCore();
  core.registry.applyInfo({ code: DOOR, name: 'North door', area: 'North', building: 'A', floor: '1F', vendor: 'ZKTeco', model: 'inBio', streams: [], at: 1 });
  await connectClient(core).call('auth.setup', { username: 'admin', displayName: 'Admin', password: PASSWORD, station: 'desk' });
  await core.auth.createUser({ username: 'duty', displayName: 'Duty', role: 'duty_officer', password: PASSWORD });
});
afterAll(async () => {
  await core?.close();
});

let serial = 0;
/** A device event as the site link hands it to the ingest. */
function publishEvent(type: string): string {
  const id = `evt-live-${String(++serial).padStart(8, '0')}`;
  const payload = JSON.stringify({ id, type, ts: Date.now(), person: '张伟 · 卡号 10000001' });
  core.ingest.push({ topic: topicOf('deviceEvent', { site: SITE, code: DOOR }), payload: new TextEncoder().encode(payload), receivedAt: Date.now() });
  return id;
}

function listen(client: CoreClient): { types: string[] }[] {
  const heard: { types: string[] }[] = [];
  client.on('events.changed', (payload) => heard.push(payload));
  return heard;
}

describe('events.changed', () => {
  it('tells a signed-in window that a device event was stored, and the log then holds it', async () => {
    const duty = connectClient(core);
    await duty.call('auth.signIn', { username: 'duty', password: PASSWORD, station: 'desk' });
    const stranger = connectClient(core);
    const heard = listen(duty);
    const unheard = listen(stranger);

    const id = publishEvent('access_granted');
    await expect.poll(() => heard.length).toBe(1);
    expect(heard[0]).toEqual({ types: ['access_granted'] });
    const [newest] = await duty.call('events.list', { types: ['access_granted'], limit: 1 });
    expect(newest).toMatchObject({ id, code: DOOR, person: '张* · 卡号 ****0001' });
    // A window that has not signed in hears nothing of the site.
    expect(unheard).toEqual([]);
  });

  it('goes to the roles that may read the log, as events.list does', () => {
    expect(EVENT_ACCESS['events.changed']).toBe(calls['events.list'].access);
  });

  it('stays a few a second under a storm of 500 events a second, and names every type stored', async () => {
    const duty = connectClient(core);
    await duty.call('auth.signIn', { username: 'duty', password: PASSWORD, station: 'desk' });
    // Let the first test's news settle, so this one starts on a quiet site.
    await new Promise((resolve) => setTimeout(resolve, EVENTS_CHANGED_MS * 2));
    const heard = listen(duty);
    const started = Date.now();
    // One second: a batch of ten every 20 ms, each committed on its own.
    for (let batch = 0; batch < 50; batch++) {
      for (let n = 0; n < 10; n++) publishEvent(n === 9 && batch === 25 ? 'door_forced' : 'access_granted');
      core.ingest.flush();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const elapsed = Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, EVENTS_CHANGED_MS * 2));
    expect(heard.length).toBeGreaterThanOrEqual(2);
    expect(heard.length).toBeLessThanOrEqual(Math.ceil(elapsed / EVENTS_CHANGED_MS) + 1);
    expect(new Set(heard.flatMap((change) => change.types))).toEqual(new Set(['access_granted', 'door_forced']));
  });
});

describe('announceStoredEvents', () => {
  type Batch = Pick<Committed, 'events'>;
  const batch = (...types: string[]): Batch => ({
    events: types.map((type, n) => ({ code: DOOR, event: { id: `evt-${n}`, type, ts: 1 } })),
  });

  it('sends at once on a quiet site, then at most one per interval with the types of every batch meanwhile', () => {
    vi.useFakeTimers();
    try {
      let listener: ((committed: Batch) => void) | null = null;
      const sent: unknown[] = [];
      const stop = announceStoredEvents({ onCommit: (l) => ((listener = l), () => (listener = null)) }, { broadcast: (name, payload) => sent.push([name, payload]) }, 200);
      listener!(batch('access_granted'));
      expect(sent).toEqual([['events.changed', { types: ['access_granted'] }]]);
      listener!(batch('access_denied'));
      listener!(batch());
      listener!(batch('door_forced', 'access_denied'));
      expect(sent).toHaveLength(1);
      vi.advanceTimersByTime(200);
      expect(sent[1]).toEqual(['events.changed', { types: ['access_denied', 'door_forced'] }]);
      // A batch that stored no event (state, telemetry, a replay) says nothing.
      vi.advanceTimersByTime(1_000);
      listener!(batch());
      expect(sent).toHaveLength(2);
      listener!(batch('access_granted'));
      listener!(batch('access_granted'));
      stop();
      vi.advanceTimersByTime(1_000);
      expect(sent).toHaveLength(3);
      expect(listener).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
