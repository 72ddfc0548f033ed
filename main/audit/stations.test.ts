import BetterSqlite3 from 'better-sqlite3';
import mqtt from 'mqtt';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreClient, StationAnchor } from '../contract';
import { topicOf } from '../site-link/interface/topics';
import { stationsOnBroker } from '../testing/stations';
import type { AuditAnchor } from './anchor';

/**
 * The done-when of the audit anchor: station a's newest audit rows deleted
 * while it is stopped are found by a itself at start and by station b from
 * a's next anchor; a forged, a replayed and a malformed anchor are
 * quarantined at b with their reasons.
 */
const SITE = 'park';
const ADMIN = { username: 'admin', password: 'Anchor-Stations-2026', displayName: 'Admin' };

const { station, brokerUrl, dataDir } = stationsOnBroker(SITE, ['a', 'b'], ADMIN);

const anchorsOf = async (client: CoreClient, station: string): Promise<StationAnchor | undefined> => (await client.call('audit.anchors', {})).find((entry) => entry.station === station);
const findingKinds = async (client: CoreClient, station: string) => (await anchorsOf(client, station))?.findings.map((finding) => finding.kind) ?? [];
const newestAuditId = async (client: CoreClient) => (await client.call('audit.list', { limit: 1 }))[0]!.id;

describe('the audit anchor at two stations', () => {
  it('catches the newest audit rows deleted at one station, at that station and at the other, and refuses forged and replayed anchors', async () => {
    // What a publishes, as anyone on the site could record it.
    const site = await mqtt.connectAsync(brokerUrl(), { protocolVersion: 5, clientId: 'site-recorder' });
    const recorded: AuditAnchor[] = [];
    site.on('message', (_topic, payload) => recorded.push(JSON.parse(payload.toString()) as AuditAnchor));
    const anchorTopic = topicOf('auditAnchor', { site: SITE, station: 'desk-a' });
    await site.subscribeAsync(anchorTopic, { qos: 1 });

    let a = await station('a');
    const b = await station('b');
    for (let i = 0; i < 6; i++) await a.client.call('users.create', { username: `officer${i}`, displayName: `Officer ${i}`, role: 'duty_officer', password: `Officer-${i}-Pass-2026` });
    const head = await newestAuditId(a.client);
    // b holds a's head once the debounced anchor arrives, and nothing wrong about it.
    await expect.poll(async () => (await anchorsOf(b.client, 'desk-a'))?.last?.seq, { timeout: 10_000 }).toBe(head);
    expect(await findingKinds(b.client, 'desk-a')).toEqual([]);
    expect(await findingKinds(a.client, 'desk-a')).toEqual([]);

    // a is stopped and its three newest audit rows deleted from its database (the chain left is valid, and shorter), with
    // the copy of its last anchor: only the anchor the broker retained still names the deleted head.
    a.client.close();
    await a.process.kill('SIGTERM');
    const db = new BetterSqlite3(path.join(dataDir('a'), 'vigil.db'));
    expect(db.prepare('DELETE FROM audit WHERE id > ?').run(head - 3).changes).toBe(3);
    expect(db.prepare('DELETE FROM audit_anchor_own').run().changes).toBe(1);
    db.close();

    a = await station('a');
    // a finds it at start, from the anchor the broker retained (its kept session sends none unless a subscribes again).
    await expect.poll(() => findingKinds(a.client, 'desk-a'), { timeout: 10_000 }).toContain('deleted-rows');
    const own = (await anchorsOf(a.client, 'desk-a'))!.findings.find((finding) => finding.kind === 'deleted-rows')!;
    expect(own.reason).toContain(`anchored audit row ${head}`);
    expect(own.reason).toContain('its newest rows were deleted');
    // b finds it from a's next anchor: the head went back, and a's anchor chain starts again.
    await expect.poll(() => findingKinds(b.client, 'desk-a'), { timeout: 10_000 }).toEqual(expect.arrayContaining(['rollback', 'gap']));
    const rollback = (await anchorsOf(b.client, 'desk-a'))!.findings.find((finding) => finding.kind === 'rollback')!;
    expect(rollback.reason).toContain(`went back from row ${head}`);
    // Both put it in their audit trails too.
    for (const client of [a.client, b.client]) {
      expect((await client.call('audit.list', { limit: 10, action: 'audit.anchorFinding' })).map((entry) => entry.target)).toContain('desk-a');
    }

    // A forged anchor (a's last, its head pushed on) and a replay of a's first anchor reach b: both quarantined, both findings.
    const latest = recorded.at(-1)!;
    await site.publishAsync(anchorTopic, JSON.stringify({ ...latest, seq: latest.seq + 50, at: latest.at + 1 }), { qos: 1 });
    await site.publishAsync(anchorTopic, JSON.stringify(recorded[0]), { qos: 1 });
    await site.publishAsync(anchorTopic, JSON.stringify({ station: 'desk-a', seq: -1 }), { qos: 1 });
    await expect.poll(() => findingKinds(b.client, 'desk-a'), { timeout: 10_000 }).toEqual(expect.arrayContaining(['bad-signature', 'replay']));
    const quarantined = (await b.client.call('ops.quarantine', { limit: 20 })).filter((entry) => entry.topic === anchorTopic);
    expect(quarantined.map(({ kind, reason }) => ({ kind, reason }))).toEqual(
      expect.arrayContaining([
        { kind: 'refused', reason: expect.stringContaining('the signature does not hold') },
        { kind: 'replay', reason: expect.stringContaining('older than the one held') },
        { kind: 'schema', reason: expect.any(String) },
      ]),
    );
    // Neither moved what b holds for a: still a's own newest anchor.
    expect((await anchorsOf(b.client, 'desk-a'))!.last!.seq).toBe(latest.seq);

    await site.endAsync();
    a.client.close();
    b.client.close();
  }, 120_000);
});
