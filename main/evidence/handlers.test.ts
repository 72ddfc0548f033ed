import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../demo/accounts';
import { startWebHost } from '../host/web-host';
import { silentLogger } from '../logging/logger';
import { connectClient, rejection, tempDir, testCore } from '../testing/harness';
import { loadStationKey } from '../signing/station-key';
import { auditRowsFor } from './audit-rows';
import { exportEvidence } from './export';
import { incidentInput } from './testing/fixtures';
import { verifyEvidence } from './verify';

const INCIDENT = 'INC-2026-0507-01';
let core: Core;
let dataDir: string;
let host: { url: string; close(): Promise<void> };

async function signedIn(role: string) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role)!;
  const client = connectClient(core);
  await client.call('auth.signIn', { username: account.username, password: account.password, station: 'desk' });
  return client;
}

beforeAll(async () => {
  dataDir = tempDir();
  core = testCore({ dataDir });
  seedDemoAccounts(core.auth);
  host = await startWebHost({ core, rendererDir: tempDir(), host: '127.0.0.1', port: 0, logger: silentLogger() });
});

afterAll(async () => {
  await host.close();
  await core.close();
});

describe('evidence.export', () => {
  it('says there is no such incident until incidents provide one', async () => {
    const commander = await signedIn('emergency_commander');
    const error = await rejection(commander.call('evidence.export', { id: INCIDENT }));
    expect([error.code, error.message]).toEqual(['not_found', expect.stringContaining(`no incident ${INCIDENT}`)]);
  });

  it('is for commanders, supervisors and auditors only', async () => {
    core.setEvidenceProvider(() => incidentInput([]));
    for (const role of ['duty_officer', 'property_manager', 'technician']) {
      expect((await rejection((await signedIn(role)).call('evidence.export', { id: INCIDENT }))).code, role).toBe('forbidden');
    }
  });

  it('writes a signed package under the data folder, with progress, audited, and hands out a one-time download', async () => {
    // A camera this station does not know: its clip cannot be had, and the package says so.
    core.setEvidenceProvider((id) => ({ ...incidentInput([{ camera: '32061201011320000099', from: 1_000, to: 5_000 }]), incident: { ...incidentInput([]).incident, id } }));
    const supervisor = await signedIn('shift_supervisor');
    const heard: { done: number; total: number }[] = [];
    supervisor.on('evidence.progress', ({ done, total }) => heard.push({ done, total }));
    const result = await supervisor.call('evidence.export', { id: INCIDENT });
    expect(result.file).toMatch(new RegExp(`^evidence/${INCIDENT}-.*\\.zip$`));
    expect(result.missing).toEqual([{ path: expect.stringMatching(/^clips\/32061201011320000099-/), reason: 'no device 32061201011320000099' }]);
    const file = path.join(dataDir, result.file);
    expect(fs.statSync(file).size).toBe(result.size);
    const verified = await verifyEvidence(file, { trust: result.fingerprint });
    expect([verified.ok, verified.problems]).toEqual([true, []]);
    await expect.poll(() => heard.at(-1)).toEqual({ done: 2, total: 2 });
    const [entry] = core.audit.list({ limit: 1, action: 'evidence.export' });
    expect(entry).toMatchObject({ actor: 'supervisor', target: INCIDENT, outcome: 'ok' });

    const url = new URL(result.download!, host.url).toString();
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(405);
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="INC-2026-0507-01-.*\.zip"$/);
    expect(Buffer.from(await download.arrayBuffer()).equals(fs.readFileSync(file))).toBe(true);
    const again = await fetch(url);
    expect([again.status, await again.text()]).toEqual([404, expect.stringContaining('used already')]);
  });

  it('gives no download once the session that asked has signed out', async () => {
    const auditor = await signedIn('auditor');
    const { download } = await auditor.call('evidence.export', { id: INCIDENT });
    await auditor.call('auth.signOut', {});
    expect((await fetch(new URL(download!, host.url))).status).toBe(404);
    expect((await fetch(new URL('/download/not-a-token', host.url))).status).toBe(404);
  });

  it('hands out no link where no host serves them (the Electron shell): the package is in the data folder', async () => {
    const otherDir = tempDir();
    const other = testCore({ dataDir: otherDir });
    try {
      seedDemoAccounts(other.auth);
      other.setEvidenceProvider(() => incidentInput([]));
      const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === 'emergency_commander')!;
      const client = connectClient(other);
      await client.call('auth.signIn', { username: account.username, password: account.password, station: 'desk' });
      const result = await client.call('evidence.export', { id: INCIDENT });
      expect([result.download, result.downloadExpiresAt]).toEqual([null, null]);
      expect(fs.existsSync(path.join(otherDir, result.file))).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('refuses to sign with a key file others can read, saying why', async () => {
    const otherDir = tempDir();
    const other = testCore({ dataDir: otherDir });
    try {
      seedDemoAccounts(other.auth);
      other.setEvidenceProvider(() => incidentInput([]));
      const keyFile = path.join(otherDir, 'station-key.pem');
      fs.copyFileSync(path.join(dataDir, 'station-key.pem'), keyFile);
      fs.chmodSync(keyFile, 0o644);
      const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === 'emergency_commander')!;
      const client = connectClient(other);
      await client.call('auth.signIn', { username: account.username, password: account.password, station: 'desk' });
      const error = await rejection(client.call('evidence.export', { id: INCIDENT }));
      expect([error.code, error.message]).toEqual(['unavailable', expect.stringMatching(/the station cannot sign: .*can be read by others/)]);
    } finally {
      await other.close();
    }
  });
});

describe("an incident's audit rows", () => {
  it('are read as the trail stores them, and their chain hashes verify in a package', async () => {
    const record = (target: string, step: number) =>
      core.audit.append({ actor: 'commander', role: 'emergency_commander', station: 'desk', action: 'incidents.act', target, outcome: 'ok', detail: { step } });
    record('INC-rows', 1);
    record('INC-other', 1);
    record('INC-rows', 2);
    const rows = auditRowsFor(core.db, ['INC-rows']);
    expect(rows.map((row) => [row.target, row.detail])).toEqual([
      ['INC-rows', '{"step":1}'],
      ['INC-rows', '{"step":2}'],
    ]);
    expect(auditRowsFor(core.db, [])).toEqual([]);
    const file = path.join(tempDir(), 'rows.zip');
    const noMedia = { clip: () => Promise.resolve(), snapshot: () => Promise.resolve() };
    await exportEvidence({ ...incidentInput([]), audit: rows }, file, { key: loadStationKey(tempDir()), media: noMedia });
    expect((await verifyEvidence(file)).problems).toEqual([]);
  });
});
