import { ContractError, NoticeRecordSchema, type Notice, type NoticeDraft, type NoticeRecord, type NoticeState, type NoticeStep } from '../contract';
import type { HybridClock } from '../alarms/hlc';
import type { ImageStore } from '../images/store';
import type { Outbox } from '../outbox/outbox';
import { SharedRecords, type SharedRecord } from '../sharing/shared-records';
import type { NoticeRecordMessage } from '../site-link/interface/payloads';
import { topicOf } from '../site-link/interface/topics';
import type { Database } from '../store/database';
import { sanitizeBody, textOf } from './sanitize';

/** The record part of a shared notice, in a fixed key order so equal records compare equal as text. */
const bodyOf = ({ id, title, body, audience, publishAt, expiresAt, state, images, history }: NoticeRecord): string =>
  JSON.stringify({ id, title: { zh: title.zh, ...(title.en ? { en: title.en } : {}) }, body: { zh: body.zh, ...(body.en ? { en: body.en } : {}) }, audience, publishAt, expiresAt, state, images, history });

/** An approved notice seen against the clock: waiting for its time, out, or past its expiry. */
export function stateAt(record: NoticeRecord, now: number): NoticeState {
  if (record.state !== 'approved') return record.state;
  if (record.publishAt !== null && record.publishAt > now) return 'scheduled';
  return record.expiresAt !== null && record.expiresAt <= now ? 'expired' : 'published';
}

type Filter = { text?: string; state?: NoticeState; from?: number; to?: number; limit: number };

/**
 * The site's announcements, shared by every station like alarm rules (the
 * later change wins), with their workflow: a drafter saves and submits, a
 * holder of notices.publish approves (with a time) or rejects (with a
 * reason) and may revoke. The permission of each step is checked by the
 * router; what state a step may start from is checked here, with the reason.
 */
export class Notices {
  private readonly records: SharedRecords<NoticeRecord>;

  constructor(
    private readonly db: Database,
    private readonly images: ImageStore,
    clock: HybridClock,
    outbox: Outbox,
    site: string,
  ) {
    this.records = new SharedRecords<NoticeRecord>(db, clock, outbox, {
      table: 'notices',
      topic: (notice) => topicOf('noticeRecord', { site, notice }),
      body: bodyOf,
      parse: (body) => NoticeRecordSchema.parse(body),
    });
  }

  get generation(): number {
    return this.records.generation;
  }

  /** Every record, including revoked ones: what the publisher turns into terminal messages. */
  all(): SharedRecord<NoticeRecord>[] {
    return this.records.list();
  }

  list(filter: Filter, now: number): Notice[] {
    const words = filter.text?.trim().toLowerCase().split(/\s+/).filter(Boolean) ?? [];
    return this.records
      .list()
      .map((record) => this.view(record, now))
      .filter((notice) => !filter.state || notice.state === filter.state)
      .filter((notice) => (filter.from === undefined || notice.updatedAt >= filter.from) && (filter.to === undefined || notice.updatedAt < filter.to))
      .filter((notice) => {
        if (!words.length) return true;
        const text = [notice.title.zh, notice.title.en ?? '', textOf(notice.body.zh), textOf(notice.body.en ?? '')].join(' ').toLowerCase();
        return words.every((word) => text.includes(word));
      })
      .sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id))
      .slice(0, filter.limit);
  }

  get(id: string, now: number): Notice {
    const record = this.records.get(id);
    if (!record) throw new ContractError('not_found', `no announcement ${id}`);
    return this.view(record, now);
  }

  /** A new draft, or an edit of a draft or rejected notice (which becomes a draft again). */
  save(draft: NoticeDraft, user: string, now: number): Notice {
    const existing = this.records.get(draft.id);
    if (existing && existing.state !== 'draft' && existing.state !== 'rejected') {
      throw new ContractError('conflict', `announcement ${draft.id} is ${stateAt(existing, now)}: only a draft or a rejected one can be edited`);
    }
    const body = { zh: this.clean(draft.body.zh, 'zh-CN'), ...(draft.body.en?.trim() ? { en: this.clean(draft.body.en, 'en') } : {}) };
    const images = [...new Set([...this.imagesOf(body.zh), ...this.imagesOf(body.en ?? '')])];
    if (images.length > 20) throw new ContractError('invalid_input', `body: ${images.length} images, at most 20`);
    const missing = images.filter((hash) => !this.images.ref(hash));
    if (missing.length) throw new ContractError('invalid_input', `body: image ${missing[0]} has not been uploaded (images.put it first)`);
    if (draft.expiresAt !== null && draft.publishAt !== null && draft.expiresAt <= draft.publishAt) throw new ContractError('invalid_input', 'expiresAt: must be after publishAt');
    const title = { zh: draft.title.zh, ...(draft.title.en?.trim() ? { en: draft.title.en.trim() } : {}) };
    const history = [...(existing?.history ?? []), step('saved', user, now)];
    return this.share({ ...draft, title, body, images, state: 'draft', history }, user, now);
  }

  submit(id: string, user: string, now: number): Notice {
    const record = this.require(id, ['draft', 'rejected'], 'submitted', now);
    return this.share({ ...record, state: 'submitted', history: [...record.history, step('submitted', user, now)] }, user, now);
  }

  /** Approves for `publishAt` (null or past: now); it reaches terminals from the next sweep of any station. */
  approve(id: string, at: { publishAt: number | null; expiresAt?: number | null }, user: string, now: number): Notice {
    const record = this.require(id, ['draft', 'submitted'], 'approved', now);
    const publishAt = at.publishAt === null || at.publishAt < now ? now : at.publishAt;
    const expiresAt = at.expiresAt === undefined ? record.expiresAt : at.expiresAt;
    if (expiresAt !== null && expiresAt <= publishAt) throw new ContractError('invalid_input', `expiresAt: ${new Date(expiresAt).toISOString()} is not after the publication time`);
    return this.share({ ...record, publishAt, expiresAt, state: 'approved', history: [...record.history, step('approved', user, now)] }, user, now);
  }

  reject(id: string, reason: string, user: string, now: number): Notice {
    const record = this.require(id, ['submitted'], 'rejected', now);
    return this.share({ ...record, state: 'rejected', history: [...record.history, step('rejected', user, now, reason)] }, user, now);
  }

  /** Takes back an approved notice: terminals remove it. */
  revoke(id: string, user: string, now: number): Notice {
    const record = this.require(id, ['approved'], 'revoked', now);
    return this.share({ ...record, state: 'revoked', history: [...record.history, step('revoked', user, now)] }, user, now);
  }

  /** Another station's version of a notice; true when it was newer. Runs inside the ingest's transaction. */
  receive(record: NoticeRecordMessage): boolean {
    return this.records.receive(record);
  }

  /** The record of a notice, or null: for receipts, which must name a notice this site published. */
  record(id: string): SharedRecord<NoticeRecord> | null {
    return this.records.get(id);
  }

  private require(id: string, from: NoticeRecord['state'][], to: string, now: number): SharedRecord<NoticeRecord> {
    const record = this.records.get(id);
    if (!record) throw new ContractError('not_found', `no announcement ${id}`);
    if (!from.includes(record.state)) throw new ContractError('conflict', `announcement ${id} is ${stateAt(record, now)}: it cannot be ${to} (only from ${from.join(' or ')})`);
    return record;
  }

  private share(record: NoticeRecord & { updatedBy?: string; updatedAt?: number }, user: string, now: number): Notice {
    const { updatedBy: _by, updatedAt: _at, ...rest } = record;
    return this.db.transaction(() => {
      this.records.share(NoticeRecordSchema.parse({ ...rest, history: rest.history.slice(-200) }), user);
      return this.get(record.id, now);
    })();
  }

  private clean(html: string, language: string): string {
    const sanitized = sanitizeBody(html, language);
    if (!sanitized.ok) throw new ContractError('invalid_input', sanitized.reason);
    return sanitized.html;
  }

  private imagesOf(html: string): string[] {
    return [...html.matchAll(/src="vigil-image:([0-9a-f]{64})"/g)].map((match) => match[1]!);
  }

  private view(record: SharedRecord<NoticeRecord>, now: number): Notice {
    return { ...record, state: stateAt(record, now) };
  }
}

function step(action: NoticeStep['action'], by: string, at: number, reason?: string): NoticeStep {
  return { action, by, at, ...(reason ? { reason } : {}) };
}
