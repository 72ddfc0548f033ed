import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { Outbox } from '../outbox/outbox';
import { loadStationKey } from '../signing/station-key';
import { openDatabase } from '../store/database';
import { tempDir } from '../testing/harness';
import { AnchorBook } from './anchor-book';
import { AnchorPublisher } from './anchor-publisher';
import { AuditTrail } from './trail';
import { runAuditVerify, type AuditCheck } from './verify-cli';

const CLI = path.resolve(import.meta.dirname, '../host/cli.ts');
const TSX = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');

/** A station's data folder: 20 audited actions, anchored at row 20, then `tamper` done to its database with the station stopped. */
function stationFolder(tamper = ''): string {
  const dir = tempDir();
  const db = openDatabase(path.join(dir, 'vigil.db'));
  const audit = new AuditTrail(db);
  for (let i = 1; i <= 20; i++) audit.append({ actor: 'wang', role: 'duty_officer', station: 'desk-1', action: i % 2 ? 'devices.place' : 'alarms.act', target: `d${i}`, outcome: 'ok', detail: { i } });
  const book = new AnchorBook({ db, audit, site: 'park-1', station: 'desk-1' });
  new AnchorPublisher({ db, audit, book, outbox: new Outbox(db, silentLogger()), key: loadStationKey(dir), site: 'park-1', station: 'desk-1' }).publish();
  if (tamper) db.exec(tamper);
  db.close();
  return dir;
}

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = runAuditVerify(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

describe('vigil audit verify', () => {
  it('verifies an untouched trail against its anchor', () => {
    const { status, stdout } = run(['--data', stationFolder()]);
    expect(stdout).toContain('the hash chain holds over all 20 rows');
    expect(stdout).toContain('Anchor of desk-1: row 20');
    expect(stdout).toMatch(/VERIFIED\n$/);
    expect(stdout).not.toContain('NOT VERIFIED');
    expect(status).toBe(0);
  });

  it('names the first bad row, its action and why, after a middle row was edited', () => {
    const { status, stdout } = run(['--data', stationFolder(`UPDATE audit SET target = 'elsewhere' WHERE id = 7`), '--json']);
    const result = JSON.parse(stdout) as AuditCheck;
    expect(result).toMatchObject({ ok: false, checked: 6, firstBad: { id: 7, action: 'devices.place', reason: 'content changed after it was written' } });
    expect(status).toBe(1);
    expect(run(['--data', stationFolder(`UPDATE audit SET target = 'elsewhere' WHERE id = 8`)]).stdout).toContain('✗ row 8 (alarms.act): content changed after it was written; rows 1–7 hold');
  });

  it('reports the newest rows deleted: the chain holds, the anchored row is gone', () => {
    const { status, stdout } = run(['--data', stationFolder('DELETE FROM audit WHERE id > 16')]);
    expect(stdout).toContain('the hash chain holds over all 16 rows');
    expect(stdout).toContain('✗ this station anchored audit row 20');
    expect(stdout).toContain('its trail ends at row 16: its newest rows were deleted');
    expect(stdout).toMatch(/NOT VERIFIED\n$/);
    expect(status).toBe(1);
  });

  it('reports a stored anchor that was altered to match a shortened trail', () => {
    const dir = stationFolder(`DELETE FROM audit WHERE id > 16; UPDATE audit_anchor_own SET anchor = json_set(anchor, '$.seq', 16, '$.hash', (SELECT hash FROM audit WHERE id = 16))`);
    const { status, stdout } = run(['--data', dir]);
    expect(stdout).toContain("the anchor's signature does not hold");
    expect(status).toBe(1);
  });

  it('refuses wrong usage with status 2 and explains itself with --help', () => {
    expect(run(['--data', tempDir()])).toMatchObject({ status: 2, stderr: expect.stringContaining('no station database at') });
    expect(run(['--frobnicate'])).toMatchObject({ status: 2, stderr: expect.stringContaining('vigil audit verify [--data DIR] [--json]') });
    expect(run(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('Exit status: 0 verified, 1 not verified, 2 usage error.') });
  });

  it('runs as `vigil audit verify` from the command line, with its exit status', async () => {
    const dir = stationFolder('DELETE FROM audit WHERE id = 20');
    const child = spawn(TSX, [CLI, 'audit', 'verify', '--data', dir], { env: { ...process.env, HOME: tempDir() } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stdout).toContain('its trail ends at row 19');
    expect(status).toBe(1);
  }, 30_000);
});
