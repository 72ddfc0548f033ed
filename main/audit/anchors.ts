import type { Logger } from '../logging/logger';
import type { Outbox } from '../outbox/outbox';
import type { HandlerGroup } from '../router/router';
import type { IngestHooks } from '../site-link/ingest';
import { loadStationKey, type StationKey } from '../signing/station-key';
import type { Database } from '../store/database';
import { AnchorBook } from './anchor-book';
import { AnchorPublisher } from './anchor-publisher';
import type { AuditTrail } from './trail';

export type AuditAnchors = {
  book: AnchorBook;
  /** Null for a station without a site link, or without a key to sign with (logged). */
  publisher: AnchorPublisher | null;
  hooks: Required<Pick<IngestHooks, 'onAuditAnchor'>>;
  handlers: HandlerGroup<'audit.anchors'>;
  stop(): void;
};

/**
 * The audit anchor, wired: at start this station checks the last anchor it
 * published (its database's copy) against its trail, then anchors its head;
 * the site link hands every station's anchor, its own retained one included,
 * to the ingest hook.
 */
export function createAuditAnchors(deps: { db: Database; audit: AuditTrail; outbox: Outbox; site: string; station: string; dataDir: string; logger: Logger; publish: boolean }): AuditAnchors {
  const { db, audit, outbox, site, station, logger } = deps;
  const book = new AnchorBook({ db, audit, site, station });
  let key: StationKey | null = null;
  try {
    key = loadStationKey(deps.dataDir);
  } catch (error) {
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'audit anchor: no station key to sign with; the audit head is not published');
  }
  const found = db.transaction(() => book.checkOwnStored())();
  if (found) logger.error({ finding: found.kind, row: found.seq }, `audit anchor: ${found.reason}`);
  const publisher = deps.publish && key ? new AnchorPublisher({ db, audit, book, outbox, key, site, station }) : null;
  publisher?.start();
  const fingerprint = key?.fingerprint ?? null;
  return {
    book,
    publisher,
    hooks: { onAuditAnchor: (from, anchor, receivedAt) => book.receive(from, anchor, receivedAt, fingerprint) },
    handlers: { 'audit.anchors': () => book.list() },
    stop: () => publisher?.stop(),
  };
}
