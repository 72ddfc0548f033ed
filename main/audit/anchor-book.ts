import type { QuarantineKind, StationAnchor } from '../contract';
import type { Database } from '../store/database';
import { fingerprintOf } from '../signing/station-key';
import { EMPTY_HEAD_HASH, signatureHolds, type AnchorHead, type AuditAnchor } from './anchor';
import { checkAnchor, checkOwnAnchor, type AnchorFinding, type HeldAnchor } from './anchor-checks';
import type { AuditTrail } from './trail';

type FindingRow = { id: number; station: string; kind: StationAnchor['findings'][number]['kind']; seq: number; reason: string; at: number };

/**
 * The anchors this station holds: the last of every other station's (with
 * the key first seen for it), its own last published one, and every finding
 * they revealed. A finding is kept once (see onceKey) and appended to the
 * audit trail as `audit.anchorFinding`.
 */
export class AnchorBook {
  private readonly statements;

  constructor(
    private readonly deps: { db: Database; audit: AuditTrail; site: string; station: string; now?: () => number },
  ) {
    const { db } = deps;
    this.statements = {
      held: db.prepare<[string], { fingerprint: string; anchor: string }>('SELECT fingerprint, anchor FROM audit_anchors WHERE station = ?'),
      hold: db.prepare(
        `INSERT INTO audit_anchors (station, fingerprint, anchor, received_at) VALUES (@station, @fingerprint, @anchor, @receivedAt)
         ON CONFLICT(station) DO UPDATE SET anchor = excluded.anchor, received_at = excluded.received_at`,
      ),
      own: db.prepare<[string], { anchor: string; cut: number }>('SELECT anchor, cut FROM audit_anchor_own WHERE station = ?'),
      keepOwn: db.prepare(`INSERT INTO audit_anchor_own (station, site, anchor, cut) VALUES (?, ?, ?, 0) ON CONFLICT(station) DO UPDATE SET site = excluded.site, anchor = excluded.anchor, cut = 0`),
      cutOwn: db.prepare('UPDATE audit_anchor_own SET cut = 1 WHERE station = ?'),
      addFinding: db.prepare(`INSERT OR IGNORE INTO audit_anchor_findings (station, kind, seq, hash, reason, at, once) VALUES (@station, @kind, @seq, @hash, @reason, @at, @once)`),
      findings: db.prepare<[], FindingRow>('SELECT id, station, kind, seq, reason, at FROM audit_anchor_findings ORDER BY id'),
      allHeld: db.prepare<[], { station: string; fingerprint: string; anchor: string }>('SELECT station, fingerprint, anchor FROM audit_anchors ORDER BY station'),
      row: db.prepare<[number], { id: number; hash: string }>('SELECT id, hash FROM audit WHERE id = ?'),
      newest: db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit'),
    };
  }

  /** The trail's head now: what the next anchor names. */
  head(): AnchorHead {
    const newest = this.statements.newest.get();
    return { seq: newest?.id ?? 0, hash: newest?.hash ?? EMPTY_HEAD_HASH, count: this.statements.count.get()!.n };
  }

  /** This station's last published anchor, and whether its trail was found cut since. */
  own(): { anchor: AuditAnchor; cut: boolean } | null {
    const row = this.statements.own.get(this.deps.station);
    return row ? { anchor: JSON.parse(row.anchor) as AuditAnchor, cut: row.cut === 1 } : null;
  }

  keepOwn(anchor: AuditAnchor): void {
    this.statements.keepOwn.run(this.deps.station, this.deps.site, JSON.stringify(anchor));
  }

  /** At start, offline: the last anchor this station published, in its own database, against its trail. */
  checkOwnStored(): AnchorFinding | null {
    const own = this.own();
    return own ? this.checkOwn(own.anchor) : null;
  }

  /**
   * The ingest hook for an anchor from the site, inside the batch's
   * transaction: why it is quarantined, or null.
   */
  receive(station: string, anchor: AuditAnchor, receivedAt: number, ownFingerprint: string | null): { kind: QuarantineKind; reason: string } | null {
    if (station === this.deps.station) return this.receiveOwn(anchor, ownFingerprint);
    const stored = this.statements.held.get(station);
    const held: HeldAnchor | null = stored ? { fingerprint: stored.fingerprint, last: JSON.parse(stored.anchor) as AuditAnchor } : null;
    const verdict = checkAnchor(this.deps.site, held, anchor);
    switch (verdict.outcome) {
      case 'duplicate':
        return null;
      case 'refuse':
        this.record(station, verdict.finding, anchor.key);
        return { kind: verdict.quarantine, reason: verdict.finding.reason };
      case 'accept':
        this.statements.hold.run({ station, fingerprint: held?.fingerprint ?? fingerprintOf(anchor.key), anchor: JSON.stringify(anchor), receivedAt });
        for (const finding of verdict.findings) this.record(station, finding);
        return null;
      default: {
        const unknown: never = verdict;
        throw new Error(`unknown verdict ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Each station's last anchor and its findings, this station's first. */
  list(): StationAnchor[] {
    const findings = this.statements.findings.all();
    const of = (station: string) => findings.filter((finding) => finding.station === station).map(({ station: _station, ...finding }) => finding);
    const summary = (anchor: AuditAnchor) => ({ seq: anchor.seq, hash: anchor.hash, count: anchor.count, at: anchor.at, previous: anchor.previous });
    const own = this.own();
    const listed: StationAnchor[] = [
      { station: this.deps.station, own: true, fingerprint: own ? fingerprintOf(own.anchor.key) : null, last: own ? summary(own.anchor) : null, findings: of(this.deps.station) },
      ...this.statements.allHeld.all().map((row) => ({ station: row.station, own: false, fingerprint: row.fingerprint, last: summary(JSON.parse(row.anchor) as AuditAnchor), findings: of(row.station) })),
    ];
    // A station whose every anchor was refused has findings but no anchor held.
    const named = new Set(listed.map((entry) => entry.station));
    for (const station of new Set(findings.map((finding) => finding.station))) {
      if (!named.has(station)) listed.push({ station, own: false, fingerprint: null, last: null, findings: of(station) });
    }
    return listed;
  }

  private receiveOwn(anchor: AuditAnchor, ownFingerprint: string | null): { kind: QuarantineKind; reason: string } | null {
    const refuse = (finding: AnchorFinding) => (this.record(this.deps.station, finding, anchor.key), { kind: 'refused' as const, reason: finding.reason });
    if (!signatureHolds(this.deps.site, anchor)) {
      return refuse({ kind: 'bad-signature', seq: anchor.seq, hash: anchor.hash, reason: `an audit anchor in this station's name (row ${anchor.seq}): the signature does not hold: forged or altered` });
    }
    if (ownFingerprint && fingerprintOf(anchor.key) !== ownFingerprint) {
      return refuse({ kind: 'key-changed', seq: anchor.seq, hash: anchor.hash, reason: `an audit anchor in this station's name (row ${anchor.seq}) signed by another key than this station's` });
    }
    this.checkOwn(anchor);
    return null;
  }

  /** The anchored row must still be in this station's trail with the anchored hash; when not, the next anchor names no previous. */
  private checkOwn(anchor: AuditAnchor): AnchorFinding | null {
    const finding = checkOwnAnchor(anchor, this.statements.row.get(anchor.seq), this.statements.newest.get()?.id ?? 0);
    if (!finding) return null;
    this.statements.cutOwn.run(this.deps.station);
    this.record(this.deps.station, finding);
    return finding;
  }

  private record(station: string, finding: AnchorFinding, key?: string): void {
    const at = (this.deps.now ?? Date.now)();
    if (!this.statements.addFinding.run({ station, ...finding, at, once: onceKey(station, finding, at, key) }).changes) return;
    this.deps.audit.append({
      actor: 'system',
      role: 'system',
      station: this.deps.station,
      action: 'audit.anchorFinding',
      target: station,
      outcome: 'failed',
      detail: { kind: finding.kind, seq: finding.seq, hash: finding.hash, reason: finding.reason },
    });
  }
}

/**
 * What makes a finding the same as one already kept. Most: the station, the
 * kind and the anchored row and hash. A changed key: once per key, or two
 * stations given the same name would answer each other's every anchor with a
 * finding, an audit row and a new anchor. Forged anchors: once an hour per
 * station, so whoever forges them cannot flood the trail (the quarantine,
 * bounded, keeps each).
 */
function onceKey(station: string, finding: AnchorFinding, at: number, key: string | undefined): string {
  if (finding.kind === 'key-changed') return `${station}|key-changed|${key ? fingerprintOrText(key) : finding.hash}`;
  if (finding.kind === 'bad-signature') return `${station}|bad-signature|${Math.floor(at / 3_600_000)}`;
  return `${station}|${finding.kind}|${finding.seq}|${finding.hash}`;
}

/** A forged anchor's key need not be a key at all. */
function fingerprintOrText(key: string): string {
  try {
    return fingerprintOf(key);
  } catch {
    return key;
  }
}
