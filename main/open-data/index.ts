import type { AuditTrail } from '../audit/trail';
import type { DownloadTickets } from '../evidence/downloads';
import type { Outbox } from '../outbox/outbox';
import type { Database } from '../store/database';
import { OpenDataFeedPublisher } from './feed';
import { openDataHandlers } from './handlers';

/**
 * Open data (数据开放), wired: exports for windows and the outbound feed for
 * a district platform. The feed sweeps only at a station with a site link;
 * its setting is kept either way, so IT can prepare it.
 */
export function createOpenData(deps: { db: Database; audit: AuditTrail; outbox: Outbox; downloads: DownloadTickets; dataDir: string; site: string; station: string; publish: boolean }) {
  const feed = new OpenDataFeedPublisher(deps.db, deps.outbox, deps.site);
  if (deps.publish) feed.start();
  return {
    feed,
    handlers: openDataHandlers({ ...deps, feed }),
    stop: () => feed.stop(),
  };
}

export type OpenData = ReturnType<typeof createOpenData>;
