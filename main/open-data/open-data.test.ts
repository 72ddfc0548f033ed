import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Core } from '../core';
import { maskPerson } from '../events/mask';
import { connectClient, rejection, tempDir, testCore } from '../testing/harness';
import { OPEN_FIELDS } from '../site-link/interface/open-data';
import { ExportCancelled, writeOpenData } from './export';
import { DOOR, PASSWORD, PERSONS, T0, parseCsv, readExport, seedAccessEvents } from './testing/fixtures';

let core: Core;
let dataDir: string;
const sha256 = (text: string) => createHash('sha256').update(Buffer.from(text)).digest('hex');
/** What a spreadsheet-safe CSV holds for a text: formulas kept as text with a leading '. */
const asCsv = (text: string) => (/^[=+\-@]/.test(text) ? `'${text}` : text);
const ALL = ['public', 'internal', 'personal'] as const;
const RANGE = { from: T0, to: T0 + 3_600_000 };

beforeAll(async () => {
  dataDir = tempDir();
  core = testCore({ dataDir });
  seedAccessEvents(core);
  await connectClient(core).call('auth.setup', { username: 'admin', password: PASSWORD, displayName: 'Admin', station: 'desk' });
  for (const [username, role] of [['duty', 'duty_officer'], ['chief', 'shift_supervisor'], ['tech', 'technician']] as const) {
    await core.auth.createUser({ username, displayName: username, role, password: PASSWORD });
  }
});
afterAll(async () => {
  await core?.close();
});

const signedIn = async (username: string) => {
  const client = connectClient(core);
  await client.call('auth.signIn', { username, password: PASSWORD, station: 'desk' });
  return client;
};
const auditRows = (action: string) =>
  (core.db.prepare('SELECT actor, role, outcome, detail FROM audit WHERE action = ? ORDER BY id').all(action) as { actor: string; role: string; outcome: string; detail: string }[]).map((row) => ({
    ...row,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  }));

describe('an open-data export of access events', () => {
  it('as a duty officer, masks every personal field as the event log does, in a CSV that parses back, with its schema and hashes', async () => {
    const duty = await signedIn('duty');
    const heard: { done: number; total: number }[] = [];
    duty.on('openData.progress', ({ done, total }) => heard.push({ done, total }));
    const result = await duty.call('openData.export', { job: 'duty-csv-1', kind: 'events', format: 'csv', ...RANGE, classes: [...ALL] });
    expect(result).toMatchObject({ rows: PERSONS.length, personal: 'masked', classes: [...ALL], file: expect.stringMatching(/^open-data\/events-.*\.zip$/) });
    expect(heard.at(-1)).toEqual({ done: PERSONS.length, total: PERSONS.length });

    const files = await readExport(path.join(dataDir, result.file));
    expect(Object.keys(files).sort()).toEqual(['data.csv', 'manifest.json', 'schema.json']);
    expect(files['data.csv']!.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(files['data.csv']!.slice(1));
    expect(header).toEqual(OPEN_FIELDS.events.map((field) => field.name));
    expect(rows.map((row) => row[header!.indexOf('person')])).toEqual(PERSONS.map((person) => asCsv(maskPerson(person))));
    expect(rows.map((row) => row[header!.indexOf('deviceName')])).toEqual(PERSONS.map(() => '北门, 1 号门禁'));
    // Not a name or card number in full anywhere in the file.
    for (const secret of ['张三丰', '12345678', '韩梅梅', 'Smith', '0012345678', '王小明']) expect(files['data.csv']).not.toContain(secret);

    const schema = JSON.parse(files['schema.json']!) as { properties: Record<string, { 'x-data-class': string }>; 'x-columns': string[] };
    expect(Object.fromEntries(Object.entries(schema.properties).map(([name, field]) => [name, field['x-data-class']]))).toEqual(
      Object.fromEntries(OPEN_FIELDS.events.map((field) => [field.name, field.dataClass])),
    );
    expect(schema.properties.person!['x-data-class']).toBe('personal');
    expect(schema['x-columns']).toEqual(header);

    const manifest = JSON.parse(files['manifest.json']!) as { files: { path: string; sha256: string; size: number }[]; rows: number; personal: string; exportedBy: unknown };
    expect(manifest).toMatchObject({ rows: PERSONS.length, personal: 'masked', exportedBy: { user: 'duty', role: 'duty_officer' } });
    for (const entry of manifest.files) expect(entry.sha256, entry.path).toBe(sha256(files[entry.path]!));
    expect(result.manifestSha256).toBe(sha256(files['manifest.json']!));

    const [disclosure] = auditRows('openData.disclosure').filter((row) => row.actor === 'duty');
    expect(disclosure).toMatchObject({ role: 'duty_officer', outcome: 'ok', detail: { kind: 'events', classes: [...ALL], personal: 'masked', rows: PERSONS.length, from: RANGE.from, to: RANGE.to } });
  });

  it('as a supervisor asking for full personal data, writes the persons as they are, in JSON Lines that match the schema, and audits the disclosure', async () => {
    const chief = await signedIn('chief');
    const result = await chief.call('openData.export', { job: 'chief-jsonl-1', kind: 'events', format: 'jsonl', ...RANGE, classes: ['personal', 'public'], personal: 'full' });
    expect(result).toMatchObject({ rows: PERSONS.length, personal: 'full', classes: ['public', 'personal'] });
    const files = await readExport(path.join(dataDir, result.file));
    const schema = z.fromJSONSchema(JSON.parse(files['schema.json']!) as z.core.JSONSchema.JSONSchema);
    const lines = files['data.jsonl']!.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of lines) expect(schema.safeParse(line).error).toBeUndefined();
    expect(lines.map((line) => line.person)).toEqual(PERSONS);
    // Internal fields were not chosen: not even their names are in the file.
    expect(lines.every((line) => !('zone' in line))).toBe(true);
    expect(schema.safeParse({ ...lines[0], zone: 'x' }).success).toBe(false);

    const disclosure = auditRows('openData.disclosure').find((row) => row.actor === 'chief');
    expect(disclosure).toMatchObject({ role: 'shift_supervisor', outcome: 'ok', detail: { classes: ['public', 'personal'], personal: 'full', rows: PERSONS.length, manifestSha256: result.manifestSha256 } });
  });

  it('refuses full personal data to a duty officer, with the reason, and writes the refusal to the audit trail', async () => {
    const duty = await signedIn('duty');
    const before = fs.readdirSync(path.join(dataDir, 'open-data')).length;
    const error = await rejection(duty.call('openData.export', { job: 'duty-full-1', kind: 'events', format: 'csv', ...RANGE, classes: [...ALL], personal: 'full' }));
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/may not export personal data in full.*openData\.personal.*masked/);
    const [refusal] = auditRows('openData.refused');
    expect(refusal).toMatchObject({ actor: 'duty', role: 'duty_officer', outcome: 'denied', detail: { kind: 'events', personal: 'full', classes: [...ALL], reason: error.message } });
    expect(fs.readdirSync(path.join(dataDir, 'open-data'))).toHaveLength(before);
  });

  it('is not for technicians at all', async () => {
    const tech = await signedIn('tech');
    expect((await rejection(tech.call('openData.export', { job: 'tech-1', kind: 'events', format: 'csv', ...RANGE, classes: ['public'] }))).code).toBe('forbidden');
  });

  it('keeps only the public fields when only public is chosen', async () => {
    const duty = await signedIn('duty');
    const result = await duty.call('openData.export', { job: 'duty-public', kind: 'events', format: 'jsonl', ...RANGE, classes: ['public'], area: 'North', types: ['access_denied'] });
    const files = await readExport(path.join(dataDir, result.file));
    const lines = files['data.jsonl']!.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(Object.keys(lines[0]!)).toEqual(OPEN_FIELDS.events.filter((field) => field.dataClass === 'public').map((field) => field.name));
    expect(result.personal).toBe('absent');
  });

  it('exports alarms, meter readings and repair orders too, each with its place and its personal fields masked', async () => {
    core.db
      .prepare("INSERT INTO alarms (id, source, type, severity, state, hlc, raised_at, updated_at, by, station, note, count, area) VALUES ('alarm-open-0001', ?, 'door_forced', 'major', 'acknowledged', '1795000000000:0000:desk', ?, ?, '张三丰', 'desk', '已到场', 2, 'North')")
      .run(DOOR, T0 + 500, T0 + 600);
    core.db.prepare('INSERT INTO meter_readings (code, at, value) VALUES (?, ?, ?), (?, ?, ?)').run(DOOR, T0, 100.5, DOOR, T0 + 900_000, 101.25);
    core.db
      .prepare(
        "INSERT INTO orders (id, record, state, priority, category, source, title, building, assignee, resident, created_at, updated_at, respond_by, complete_by, escalated) VALUES ('r-open-0001', '{}', 'assigned', 'high', 'plumbing', 'resident', '水管漏水', 'A 栋', 'zhaolei', '王小明', ?, ?, ?, ?, '')",
      )
      // Due long after the test: the station's escalation sweep leaves a row without its record alone.
      .run(T0 + 100, T0 + 200, Date.now() + 86_400_000, Date.now() + 2 * 86_400_000);
    const duty = await signedIn('duty');
    const rowsOf = async (kind: 'alarms' | 'readings' | 'orders') => {
      const result = await duty.call('openData.export', { job: `duty-${kind}`, kind, format: 'jsonl', ...RANGE, classes: [...ALL], area: 'North' });
      const files = await readExport(path.join(dataDir, result.file));
      return files['data.jsonl']!.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    };
    expect(await rowsOf('alarms')).toEqual([
      { id: 'alarm-open-0001', source: DOOR, type: 'door_forced', severity: 'major', state: 'acknowledged', raisedAt: T0 + 500, count: 2, deviceName: '北门, 1 号门禁', area: 'North', building: 'A 栋', floor: '1F', by: '张**', station: 'desk', note: '已到场' },
    ]);
    expect(await rowsOf('readings')).toEqual([
      { code: DOOR, at: T0, value: 100.5, deviceName: '北门, 1 号门禁', area: 'North', building: 'A 栋', floor: '1F' },
      { code: DOOR, at: T0 + 900_000, value: 101.25, deviceName: '北门, 1 号门禁', area: 'North', building: 'A 栋', floor: '1F' },
    ]);
    expect(await rowsOf('orders')).toEqual([
      { id: 'r-open-0001', category: 'plumbing', priority: 'high', state: 'assigned', title: '水管漏水', building: 'A 栋', createdAt: T0 + 100, completedAt: null, assignee: maskPerson('zhaolei'), resident: '王**' },
    ]);
  });

  it('says what is wrong with a bad request', async () => {
    const duty = await signedIn('duty');
    const refused = async (input: Record<string, unknown>) => {
      const error = await rejection(duty.call('openData.export', { job: 'bad-input', kind: 'events', format: 'csv', ...RANGE, classes: ['public'], ...input } as never));
      expect(error.code).toBe('invalid_input');
      return error.issues!.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    };
    expect(await refused({ from: T0 + 1000, to: T0 })).toMatch(/to: the range ends before it starts/);
    expect(await refused({ from: T0, to: T0 + 367 * 86_400_000 })).toMatch(/to: the range is longer than 366 days/);
    expect(await refused({ kind: 'visitors' })).toMatch(/kind: .*"events"/);
    expect(await refused({ format: 'xlsx' })).toMatch(/format: .*"csv"/);
    expect(await refused({ classes: ['secret'] })).toMatch(/classes\.0: .*"public"/);
    expect(await refused({ classes: [] })).toMatch(/choose at least one data class/);
    expect(await refused({ kind: 'readings', types: ['smoke'] })).toMatch(/readings have no types/);
    expect(await refused({ personal: 'full' })).toMatch(/full personal data asked for without the personal class/);
  });

  it('stops when cancelled and leaves no file', async () => {
    const folder = tempDir();
    const controller = new AbortController();
    const request = { kind: 'events' as const, format: 'csv' as const, filter: RANGE, classes: [...ALL], personal: 'masked' as const, who: { user: 'duty', role: 'duty_officer' }, site: 'test-site', station: 'desk' };
    const writing = writeOpenData(core.db, request, path.join(folder, 'x.zip'), { pageSize: 2, onProgress: (done) => done >= 2 && controller.abort(), signal: controller.signal });
    await expect(writing).rejects.toBeInstanceOf(ExportCancelled);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('lets the session that started an export cancel it, and no other', async () => {
    const duty = await signedIn('duty');
    const other = await signedIn('duty');
    expect(await duty.call('openData.cancel', { job: 'nothing-running' })).toEqual({ cancelled: false });
    const running = duty.call('openData.export', { job: 'to-cancel', kind: 'events', format: 'csv', ...RANGE, classes: ['public'] });
    expect(await other.call('openData.cancel', { job: 'to-cancel' })).toEqual({ cancelled: false });
    await running;
  });
});

describe('the outbound feed setting', () => {
  it('is off until IT turns it on; officers read it, only IT changes it', async () => {
    const duty = await signedIn('duty');
    expect(await duty.call('openData.feed', {})).toEqual({ enabled: false, kinds: [], classes: ['public'] });
    expect((await rejection(duty.call('openData.setFeed', { enabled: true, kinds: ['events'], classes: ['public'] }))).code).toBe('forbidden');
    const admin = await signedIn('admin');
    expect(await admin.call('openData.setFeed', { enabled: true, kinds: ['events'], classes: ['internal', 'public'] })).toEqual({ enabled: true, kinds: ['events'], classes: ['public', 'internal'] });
    expect(await duty.call('openData.feed', {})).toMatchObject({ enabled: true });
    expect((await rejection(admin.call('openData.setFeed', { enabled: true, kinds: ['orders'], classes: ['public'] } as never))).code).toBe('invalid_input');
  });
});
