import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../demo/accounts';
import { DEMO_PLANS, DEMO_RESOURCES } from '../demo/incident-plans';
import { verifyEvidence } from '../evidence/verify';
import { connectClient, tempDir, testCore } from '../testing/harness';
import { incidentEvidence, MAX_CLIP_MS } from './evidence';

const CAMERA = '32061201011310000031';
const DOOR = '32061201011320000041';
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

async function commanderOf(at: Core) {
  seedDemoAccounts(at.auth);
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === 'emergency_commander')!;
  const client = connectClient(at);
  await client.call('auth.signIn', { username: account.username, password: account.password, station: 'desk' });
  return client;
}

describe("an incident's evidence", () => {
  it('holds its timeline, a clip and a snapshot of each camera linked from a minute before the link, and the audit rows of it and what was linked', async () => {
    const dataDir = tempDir();
    core = testCore({ dataDir });
    core.incidents.config.plans.seed(DEMO_PLANS);
    core.incidents.config.resources.seed(DEMO_RESOURCES);
    const commander = await commanderOf(core);
    const opened = await commander.call('incidents.open', { type: 'fire', title: 'A栋3F 冒烟', level: 2, place: { building: 'A栋', floor: '3F' }, links: [{ kind: 'door', ref: DOOR }] });
    const linked = await commander.call('incidents.act', { id: opened.id, action: 'link', link: { kind: 'camera', ref: CAMERA } });
    await commander.call('incidents.act', { id: opened.id, action: 'note', text: '消防队已进入' });
    const closed = await commander.call('incidents.act', { id: opened.id, action: 'state', state: 'closed' });

    const input = incidentEvidence({ db: core.db, incidents: core.incidents, site: { id: 'test-site', name: '测试园区' }, station: 'desk' })(opened.id);
    const linkedAt = linked.timeline.at(-1)!.at;
    expect(input.incident).toMatchObject({ id: opened.id, type: 'fire', level: 2, drill: false, place: 'A栋 3F', openedAt: opened.openedAt, closedAt: closed.closedAt });
    expect(input.timeline.map((entry) => entry.kind)).toEqual(closed.timeline.map((entry) => entry.kind));
    expect(input.clips).toEqual([{ camera: CAMERA, from: linkedAt - 60_000, to: Math.min(closed.closedAt!, linkedAt - 60_000 + MAX_CLIP_MS) }]);
    expect(input.snapshots).toEqual([{ camera: CAMERA, at: linkedAt }]);
    expect(input.audit.map((row) => [row.action, row.target])).toEqual([
      ['incidents.open', opened.id],
      ['incidents.act', opened.id],
      ['incidents.act', opened.id],
      ['incidents.act', opened.id],
    ]);

    // Exported through the call: this station has no such camera, so the clip and snapshot are listed as missing and the rest verifies.
    const result = await commander.call('evidence.export', { id: opened.id });
    expect(result.missing.map((entry) => entry.reason)).toEqual([`no device ${CAMERA}`, `no device ${CAMERA}`]);
    const verified = await verifyEvidence(path.join(dataDir, result.file), { trust: result.fingerprint });
    expect([verified.ok, verified.problems]).toEqual([true, []]);
  });
});
