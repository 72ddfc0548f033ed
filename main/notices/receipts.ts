import type { Audience, NoticeReceipts, QuarantineKind, TerminalKind } from '../contract';
import type { TerminalInfo, TerminalReceipt } from '../site-link/interface/payloads';
import type { Database } from '../store/database';
import type { Notices } from './notices';

type Terminal = { id: string; kind: TerminalKind; building: string | null; unit: string | null; name: string | null };
/** Stations' clocks may differ by this much: a receipt a little before the publication time a station holds is not refused. */
const CLOCK_SLACK_MS = 60_000;

/** Whether an audience takes in a terminal. */
export function inAudience(audience: Audience, terminal: Terminal): boolean {
  switch (audience.kind) {
    case 'site':
      return true;
    case 'buildings':
      return terminal.building !== null && audience.buildings.includes(terminal.building);
    case 'units':
      return terminal.kind === 'resident-app' && audience.units.some((unit) => unit.building === terminal.building && unit.unit === terminal.unit);
    case 'signage':
      return terminal.kind === 'signage' && (!audience.screens.length || audience.screens.includes(terminal.id) || (terminal.name !== null && audience.screens.includes(terminal.name)));
    default: {
      const unknown: never = audience;
      throw new Error(`unknown audience ${JSON.stringify(unknown)}`);
    }
  }
}

const describe = (audience: Audience): string =>
  audience.kind === 'site' ? 'the whole site' : audience.kind === 'buildings' ? `buildings ${audience.buildings.join(', ')}` : audience.kind === 'units' ? `${audience.units.length} units` : audience.screens.length ? `screens ${audience.screens.join(', ')}` : 'every signage screen';

/**
 * The site's residents' apps and signage screens, as they register, and
 * their receipts of announcements: each counted once per notice, terminal
 * and status, so every station that ingests the same receipts counts the
 * same. A receipt that cannot be true (an unknown notice or terminal, a
 * notice outside the terminal's audience) or that repeats an id is refused
 * with the reason, to the quarantine.
 */
export class Receipts {
  private readonly statements;

  constructor(
    db: Database,
    private readonly notices: Notices,
  ) {
    this.statements = {
      upsertTerminal: db.prepare(
        `INSERT INTO terminals (id, kind, building, unit, name, at) VALUES (@id, @kind, @building, @unit, @name, @at)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, building = excluded.building, unit = excluded.unit, name = excluded.name, at = excluded.at WHERE excluded.at > terminals.at`,
      ),
      terminal: db.prepare<[string], Terminal>('SELECT id, kind, building, unit, name FROM terminals WHERE id = ?'),
      terminals: db.prepare<[], Terminal>('SELECT id, kind, building, unit, name FROM terminals'),
      seen: db.prepare('INSERT OR IGNORE INTO notice_receipt_ids (id, at) VALUES (?, ?)'),
      count: db.prepare('INSERT OR IGNORE INTO notice_receipts (notice, terminal, status, at) VALUES (?, ?, ?, ?)'),
      receipts: db.prepare<[string], { terminal: string; status: string }>('SELECT terminal, status FROM notice_receipts WHERE notice = ?'),
    };
  }

  /** A terminal's registration; whether it changed. Inside the ingest's transaction. */
  register(id: string, info: TerminalInfo): boolean {
    return this.statements.upsertTerminal.run({ id, kind: info.kind, building: info.building ?? null, unit: info.unit ?? null, name: info.name ?? null, at: info.ts }).changes > 0;
  }

  /** A terminal's receipt; why it is refused, or null. Inside the ingest's transaction. */
  receive(terminalId: string, receipt: TerminalReceipt, receivedAt: number): { kind: QuarantineKind; reason: string } | null {
    const refuse = (reason: string) => ({ kind: 'receipt' as const, reason: `receipt ${receipt.id}: ${reason}` });
    const notice = this.notices.record(receipt.notice);
    if (!notice) return refuse(`announcement ${receipt.notice} is unknown here`);
    if (!notice.history.some((step) => step.action === 'approved') || notice.publishAt === null || notice.publishAt > receivedAt + CLOCK_SLACK_MS) {
      return refuse(`announcement ${receipt.notice} has not been published: no terminal can have it`);
    }
    const terminal = this.statements.terminal.get(terminalId);
    if (!terminal) return refuse(`terminal ${terminalId} is not registered (no terminals/${terminalId}/info)`);
    if (!inAudience(notice.audience, terminal)) {
      const place = [terminal.kind, terminal.building, terminal.unit].filter(Boolean).join(' ');
      return refuse(`terminal ${terminalId} (${place}) is not in the audience of ${receipt.notice} (${describe(notice.audience)}): it never got it`);
    }
    if (!this.statements.seen.run(receipt.id, receivedAt).changes) return { kind: 'replay', reason: `replay: receipt ${receipt.id} is already counted` };
    // A read receipt implies the notice was received, even if that receipt was lost.
    if (receipt.status === 'read') this.statements.count.run(receipt.notice, terminalId, 'received', receipt.ts);
    this.statements.count.run(receipt.notice, terminalId, receipt.status, receipt.ts);
    return null;
  }

  /** Receipts of a notice per part of its audience: each building's terminals, and the signage screens. */
  counts(noticeId: string): NoticeReceipts {
    const notice = this.notices.record(noticeId);
    const groups = new Map<string, { group: string; terminals: number; received: number; read: number }>();
    const audience = new Map<string, string>();
    for (const terminal of notice ? this.statements.terminals.all() : []) {
      if (!inAudience(notice!.audience, terminal)) continue;
      const group = terminal.kind === 'signage' ? 'signage' : (terminal.building ?? '—');
      audience.set(terminal.id, group);
      const entry = groups.get(group) ?? { group, terminals: 0, received: 0, read: 0 };
      entry.terminals++;
      groups.set(group, entry);
    }
    for (const { terminal, status } of this.statements.receipts.all(noticeId)) {
      const entry = groups.get(audience.get(terminal) ?? '');
      if (entry) entry[status === 'read' ? 'read' : 'received']++;
    }
    const list = [...groups.values()].sort((a, b) => (a.group === 'signage' ? 1 : b.group === 'signage' ? -1 : a.group.localeCompare(b.group, 'zh-CN', { numeric: true })));
    const sum = (key: 'terminals' | 'received' | 'read') => list.reduce((total, entry) => total + entry[key], 0);
    return { notice: noticeId, groups: list, terminals: sum('terminals'), received: sum('received'), read: sum('read') };
  }
}
