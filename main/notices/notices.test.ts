import { afterEach, describe, expect, it } from 'vitest';
import type { NoticeDraft, Role } from '../contract';
import type { Core } from '../core';
import { hashImage } from '../images/check';
import { pushSite, rejection, testCore, signedIn } from '../testing/harness';
import { makePng } from '../testing/images';
import { openDatabase } from '../store/database';
import { purgeHistory } from '../store/retention';
import { sanitizeBody } from './sanitize';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const PASSWORD = 'Notice-Board-2026';

const as = (station: Core, username: string, role: Role) => signedIn(station, role, { username, password: PASSWORD });

const draft = (id: string, overrides: Partial<NoticeDraft> = {}): NoticeDraft => ({
  id,
  title: { zh: '3号楼电梯检修', en: 'Building 3 lift maintenance' },
  body: { zh: '<p>12月8日上午<strong>电梯停运</strong>。</p>', en: '<p>The lift is <strong>out of service</strong>.</p>' },
  audience: { kind: 'buildings', buildings: ['3号楼'] },
  publishAt: null,
  expiresAt: null,
  ...overrides,
});

const quarantined = (station: Core) => station.db.prepare("SELECT kind, reason FROM quarantine WHERE topic LIKE '%/terminals/%' ORDER BY id").all() as { kind: string; reason: string }[];
const terminalMessages = (station: Core) => station.db.prepare("SELECT topic, payload, retain FROM outbox WHERE topic LIKE '%/notices/%' AND topic NOT LIKE '%/records/%' ORDER BY rowid").all() as { topic: string; payload: string; retain: number }[];

describe('announcement bodies', () => {
  it('keep only the allowlisted HTML and refuse what would run or load elsewhere, with the reason', () => {
    const hash = 'a'.repeat(64);
    expect(sanitizeBody('<p>Hi <span style="color:red" class="x">all</span><b>!</b></p>', 'zh-CN')).toEqual({ ok: true, html: '<p>Hi all!</p>', images: [] });
    expect(sanitizeBody(`<h2>T</h2><ul><li>a</li></ul><p><img src="vigil-image:${hash}" onerror="steal()"></p>`, 'zh-CN')).toEqual({ ok: true, html: `<h2>T</h2><ul><li>a</li></ul><p><img src="vigil-image:${hash}" /></p>`, images: [hash] });
    expect(sanitizeBody('<p>x<script>alert(1)</script></p>', 'zh-CN')).toEqual({ ok: false, reason: 'body (zh-CN): <script> is not allowed' });
    expect(sanitizeBody('<img src="https://evil.example/p.png">', 'en')).toMatchObject({ ok: false, reason: expect.stringContaining('an image must be uploaded to Vigil') });
    expect(sanitizeBody('<a href="javascript:alert(1)">x</a>', 'en')).toMatchObject({ ok: false, reason: expect.stringContaining('a link must be https://') });
    expect(sanitizeBody('<p> </p>', 'en')).toEqual({ ok: false, reason: 'body (en): empty' });
    expect(sanitizeBody(`<p>${'x'.repeat(40_000)}</p>`, 'en')).toMatchObject({ ok: false, reason: expect.stringContaining('over 32000') });
  });
});

describe('announcement workflow', () => {
  it('lets duty officers draft and submit but only the property manager approve, reject or revoke; each refusal says why', async () => {
    core = testCore();
    const duty = await as(core, 'duty', 'duty_officer');
    const property = await as(core, 'property', 'property_manager');
    const auditor = await as(core, 'auditor', 'auditor');
    const technician = await as(core, 'tech', 'technician');

    const saved = await duty.call('notices.save', draft('lift-b3'));
    expect(saved).toMatchObject({ state: 'draft', updatedBy: 'duty', history: [{ action: 'saved', by: 'duty' }] });
    for (const step of [duty.call('notices.approve', { id: 'lift-b3', publishAt: null }), duty.call('notices.reject', { id: 'lift-b3', reason: 'no' }), duty.call('notices.revoke', { id: 'lift-b3' })]) {
      expect((await rejection(step)).code).toBe('forbidden');
    }
    expect((await rejection(auditor.call('notices.save', draft('auditor-note')))).code).toBe('forbidden');
    expect((await rejection(technician.call('notices.list', {}))).code).toBe('forbidden');
    expect(await auditor.call('notices.list', {})).toHaveLength(1);

    // Only a submitted notice may be rejected; a rejection goes back to the drafter with its reason.
    expect((await rejection(property.call('notices.reject', { id: 'lift-b3', reason: 'x' }))).message).toBe('announcement lift-b3 is draft: it cannot be rejected (only from submitted)');
    await duty.call('notices.submit', { id: 'lift-b3' });
    expect((await rejection(duty.call('notices.save', draft('lift-b3')))).message).toBe('announcement lift-b3 is submitted: only a draft or a rejected one can be edited');
    const rejected = await property.call('notices.reject', { id: 'lift-b3', reason: '请写明停运时间' });
    expect(rejected.state).toBe('rejected');
    expect(rejected.history.at(-1)).toMatchObject({ action: 'rejected', by: 'property', reason: '请写明停运时间' });

    // Corrected and submitted again, then approved for later: scheduled, and nothing goes to terminals yet.
    await duty.call('notices.save', draft('lift-b3', { body: { zh: '<p>12月8日 9:00–12:00 电梯停运。</p>' } }));
    await duty.call('notices.submit', { id: 'lift-b3' });
    const later = Date.now() + 3_600_000;
    const approved = await property.call('notices.approve', { id: 'lift-b3', publishAt: later });
    expect(approved).toMatchObject({ state: 'scheduled', publishAt: later });
    expect(approved.history.map((step) => `${step.action}:${step.by}`)).toEqual(['saved:duty', 'submitted:duty', 'rejected:property', 'saved:duty', 'submitted:duty', 'approved:property']);
    expect(terminalMessages(core)).toEqual([]);
    expect((await rejection(property.call('notices.approve', { id: 'lift-b3', publishAt: null }))).message).toBe('announcement lift-b3 is scheduled: it cannot be approved (only from draft or submitted)');

    // The audit trail has each step with who did it.
    const audited = core.db.prepare("SELECT actor, action FROM audit WHERE action LIKE 'notices.%' ORDER BY id").all();
    expect(audited).toEqual(expect.arrayContaining([{ actor: 'property', action: 'notices.approve' }, { actor: 'duty', action: 'notices.submit' }]));
  });

  it('refuses bodies with scripts, foreign images or images never uploaded, and keeps uploaded ones by hash', async () => {
    core = testCore();
    const duty = await as(core, 'duty', 'duty_officer');
    const script = await rejection(duty.call('notices.save', draft('bad-body', { body: { zh: '<p>hi</p><script>x()</script>' } })));
    expect(script).toMatchObject({ code: 'invalid_input', message: 'body (zh-CN): <script> is not allowed' });
    const ghost = 'b'.repeat(64);
    expect((await rejection(duty.call('notices.save', draft('ghost-image', { body: { zh: `<p><img src="vigil-image:${ghost}"></p>` } })))).message).toBe(`body: image ${ghost} has not been uploaded (images.put it first)`);
    expect((await rejection(duty.call('notices.save', draft('huge', { body: { zh: `<p>${'长'.repeat(40_000)}</p>` } })))).code).toBe('invalid_input');
    expect((await rejection(duty.call('notices.save', { ...draft('no-title'), title: { zh: '' } }))).code).toBe('invalid_input');
    const png = makePng(40, 30);
    const { hash } = await duty.call('images.put', { data: png.toString('base64') });
    const saved = await duty.call('notices.save', draft('with-image', { body: { zh: `<p>见图</p><p><img src="vigil-image:${hash}"></p>` } }));
    expect(saved.images).toEqual([hashImage(png)]);
  });

  it('is found by words in either language, by state and by date', async () => {
    core = testCore();
    const property = await as(core, 'property', 'property_manager');
    await property.call('notices.save', draft('lift-b3'));
    await property.call('notices.save', draft('water-cut', { title: { zh: '停水通知', en: 'Water cut' }, body: { zh: '<p>周六停水</p>' }, audience: { kind: 'site' } }));
    await property.call('notices.approve', { id: 'water-cut', publishAt: null });
    expect((await property.call('notices.list', { text: 'LIFT' })).map((n) => n.id)).toEqual(['lift-b3']);
    expect((await property.call('notices.list', { text: '停水' })).map((n) => n.id)).toEqual(['water-cut']);
    expect((await property.call('notices.list', { text: '周六' })).map((n) => n.id)).toEqual(['water-cut']);
    expect((await property.call('notices.list', { state: 'published' })).map((n) => n.id)).toEqual(['water-cut']);
    expect((await property.call('notices.list', { state: 'draft' })).map((n) => n.id)).toEqual(['lift-b3']);
    expect(await property.call('notices.list', { to: Date.now() - 86_400_000 })).toEqual([]);
  });
});

describe('publication and receipts', () => {
  it('publish retained when due, the same bytes from any station, and a revocation that clears the content', async () => {
    core = testCore();
    const property = await as(core, 'property', 'property_manager');
    await property.call('notices.save', draft('lift-b3', { expiresAt: Date.now() + 86_400_000 }));
    const approved = await property.call('notices.approve', { id: 'lift-b3', publishAt: null });
    const [published] = terminalMessages(core);
    expect(published).toMatchObject({ topic: 'vigil/v1/test-site/notices/lift-b3', retain: 1 });
    expect(JSON.parse(published!.payload)).toEqual({ state: 'published', title: approved.title, body: approved.body, images: [], audience: approved.audience, publishedAt: approved.publishAt, expiresAt: approved.expiresAt, revokedAt: null });
    // A sweep with nothing new sends nothing again.
    expect(core.db.transaction(() => core!.noticePublisher.sweep(Date.now()))()).toEqual([]);
    const revoked = await property.call('notices.revoke', { id: 'lift-b3' });
    expect(revoked.state).toBe('revoked');
    const revocation = JSON.parse(terminalMessages(core).at(-1)!.payload);
    expect(revocation).toEqual({ state: 'revoked', title: null, body: null, images: [], audience: null, publishedAt: null, expiresAt: null, revokedAt: revoked.history.at(-1)!.at });
  });

  it('go out at their time and are taken back from terminals when they expire', async () => {
    core = testCore();
    const property = await as(core, 'property', 'property_manager');
    const now = Date.now();
    await property.call('notices.save', draft('short-lived'));
    await property.call('notices.approve', { id: 'short-lived', publishAt: now + 60_000, expiresAt: now + 120_000 });
    const sweep = (at: number) => core!.db.transaction(() => core!.noticePublisher.sweep(at))();
    expect(sweep(now + 59_000)).toEqual([]);
    expect(sweep(now + 60_000)).toEqual(['short-lived']);
    expect(core.notices.get('short-lived', now + 60_000).state).toBe('published');
    expect(sweep(now + 120_000)).toEqual(['short-lived']);
    expect(core.notices.get('short-lived', now + 120_000).state).toBe('expired');
    const [published, expired] = terminalMessages(core).map((row) => JSON.parse(row.payload) as { state: string; publishedAt: number | null; revokedAt: number | null });
    expect(published).toMatchObject({ state: 'published', publishedAt: now + 60_000 });
    expect(expired).toMatchObject({ state: 'revoked', revokedAt: now + 120_000 });
    // An approval with an expiry before its publication is refused with the reason.
    await property.call('notices.save', draft('backwards'));
    expect((await rejection(property.call('notices.approve', { id: 'backwards', publishAt: now + 60_000, expiresAt: now + 30_000 }))).message).toMatch(/^expiresAt: .* is not after the publication time$/);
  });

  it('count receipts once per terminal and status per audience group, and quarantine those that cannot be true', async () => {
    core = testCore();
    const property = await as(core, 'property', 'property_manager');
    pushSite(core, 'terminals/app-1/info', { kind: 'resident-app', building: '3号楼', unit: '1-101', ts: 1 });
    pushSite(core, 'terminals/app-2/info', { kind: 'resident-app', building: '3号楼', unit: '1-102', ts: 1 });
    pushSite(core, 'terminals/app-9/info', { kind: 'resident-app', building: '5号楼', unit: '2-201', ts: 1 });
    pushSite(core, 'terminals/screen-1/info', { kind: 'signage', building: '3号楼', name: '3号楼大堂', ts: 1 });
    await property.call('notices.save', draft('lift-b3'));
    await property.call('notices.save', draft('kept-back'));
    await property.call('notices.approve', { id: 'lift-b3', publishAt: null });
    const receipt = (id: string, notice: string, status: 'received' | 'read') => ({ id, notice, status, ts: Date.now() });
    pushSite(core, 'terminals/app-1/receipts', receipt('rcpt-000001', 'lift-b3', 'received'));
    pushSite(core, 'terminals/app-1/receipts', receipt('rcpt-000002', 'lift-b3', 'read'));
    // The same terminal and status under a new id (a resend after a reconnect) counts once, and is not an error.
    pushSite(core, 'terminals/app-1/receipts', receipt('rcpt-000003', 'lift-b3', 'read'));
    // A read receipt alone implies received.
    pushSite(core, 'terminals/screen-1/receipts', receipt('rcpt-000004', 'lift-b3', 'read'));
    // What cannot be true, and a replay.
    pushSite(core, 'terminals/app-1/receipts', receipt('rcpt-000001', 'lift-b3', 'received'));
    pushSite(core, 'terminals/app-9/receipts', receipt('rcpt-000005', 'lift-b3', 'received'));
    pushSite(core, 'terminals/app-1/receipts', receipt('rcpt-000006', 'no-such-notice', 'received'));
    pushSite(core, 'terminals/app-1/receipts', receipt('rcpt-000007', 'kept-back', 'received'));
    pushSite(core, 'terminals/app-404/receipts', receipt('rcpt-000008', 'lift-b3', 'received'));
    pushSite(core, 'terminals/app-1/receipts', { id: 'rcpt-000009', notice: 'lift-b3', status: 'liked', ts: 1 });
    core.ingest.push({ topic: 'vigil/v1/test-site/terminals/app-1/receipts', payload: Buffer.alloc(70_000, 32), receivedAt: Date.now() });
    pushSite(core, 'terminals/app-1/receipts', '{not json');
    core.ingest.flush();

    expect(await property.call('notices.receipts', { id: 'lift-b3' })).toEqual({
      notice: 'lift-b3',
      groups: [
        { group: '3号楼', terminals: 2, received: 1, read: 1 },
        { group: 'signage', terminals: 1, received: 1, read: 1 },
      ],
      terminals: 3,
      received: 2,
      read: 2,
    });
    expect(quarantined(core)).toEqual([
      { kind: 'replay', reason: 'replay: receipt rcpt-000001 is already counted' },
      { kind: 'receipt', reason: 'receipt rcpt-000005: terminal app-9 (resident-app 5号楼 2-201) is not in the audience of lift-b3 (buildings 3号楼): it never got it' },
      { kind: 'receipt', reason: 'receipt rcpt-000006: announcement no-such-notice is unknown here' },
      { kind: 'receipt', reason: 'receipt rcpt-000007: announcement kept-back has not been published: no terminal can have it' },
      { kind: 'receipt', reason: 'receipt rcpt-000008: terminal app-404 is not registered (no terminals/app-404/info)' },
      { kind: 'schema', reason: expect.stringContaining('status') },
      { kind: 'oversized', reason: 'payload of 70000 bytes exceeds 65536' },
      { kind: 'schema', reason: expect.any(String) },
    ]);
  });
});

describe('receipt ids', () => {
  it('are forgotten after the retention window while the counts stay', () => {
    const db = openDatabase(':memory:');
    const now = Date.UTC(2026, 10, 25);
    db.prepare('INSERT INTO notice_receipt_ids (id, at) VALUES (?, ?), (?, ?)').run('rcpt-old-0001', now - 40 * 86_400_000, 'rcpt-new-0001', now);
    db.prepare("INSERT INTO notice_receipts (notice, terminal, status, at) VALUES ('n-1', 'app-1', 'received', ?)").run(now - 40 * 86_400_000);
    expect(purgeHistory(db, 30, now)).toBe(1);
    expect(db.prepare('SELECT id FROM notice_receipt_ids').pluck().all()).toEqual(['rcpt-new-0001']);
    expect(db.prepare('SELECT COUNT(*) FROM notice_receipts').pluck().get()).toBe(1);
  });
});
