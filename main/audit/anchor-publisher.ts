import type { Outbox } from '../outbox/outbox';
import { topicOf } from '../site-link/interface/topics';
import type { StationKey } from '../signing/station-key';
import type { Database } from '../store/database';
import { signAnchor } from './anchor';
import type { AnchorBook } from './anchor-book';
import type { AuditTrail } from './trail';

/**
 * Publishes this station's audit head after audited actions, at most once per
 * `debounceMs`, and at start; through the outbox, so a station that was off
 * line publishes every anchor it made, in order, when the link returns.
 */
export class AnchorPublisher {
  private timer: NodeJS.Timeout | null = null;
  private stopListening: (() => void) | null = null;

  constructor(
    private readonly deps: { db: Database; audit: AuditTrail; book: AnchorBook; outbox: Outbox; key: StationKey; site: string; station: string; now?: () => number; debounceMs?: number },
  ) {}

  start(): void {
    this.publish();
    this.stopListening = this.deps.audit.onAppend(() => {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.publish();
      }, this.deps.debounceMs ?? 1_000);
    });
  }

  /** Anchors what is still waiting for its debounce: the outbox keeps it for the next start if the link is gone. */
  stop(): void {
    this.stopListening?.();
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.publish();
    }
  }

  /** Anchors the head unless the last anchor already names it; returns the anchor published, or null. */
  publish(): ReturnType<typeof signAnchor> | null {
    const { db, book, outbox, key, site, station } = this.deps;
    return db.transaction(() => {
      const head = book.head();
      const own = book.own();
      const last = own?.anchor;
      if (last && !own.cut && last.seq === head.seq && last.hash === head.hash && last.count === head.count) return null;
      // Strictly later than the last anchor: receivers take an anchor no newer than the one they hold for a replay.
      const at = Math.max((this.deps.now ?? Date.now)(), (last?.at ?? 0) + 1);
      const previous = last && !own.cut ? { seq: last.seq, hash: last.hash } : null;
      const anchor = signAnchor(site, key, { station, head, at, previous });
      book.keepOwn(anchor);
      outbox.add({ id: `audit-anchor-${station}-${head.seq}-${at}`, topic: topicOf('auditAnchor', { site, station }), payload: JSON.stringify(anchor), qos: 1, retain: true });
      return anchor;
    })();
  }
}
