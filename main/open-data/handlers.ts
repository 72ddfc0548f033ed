import path from 'node:path';
import { ContractError, roleHas, type ParsedInput } from '../contract';
import type { AuditTrail } from '../audit/trail';
import type { DownloadTickets } from '../evidence/downloads';
import { stamp } from '../evidence/export';
import type { Connection } from '../router/connection';
import type { HandlerGroup } from '../router/router';
import type { Database } from '../store/database';
import { ExportCancelled, writeOpenData } from './export';
import type { OpenDataFeedPublisher } from './feed';

export const OPEN_DATA_FOLDER = 'open-data';

export type OpenDataDeps = {
  db: Database;
  audit: AuditTrail;
  downloads: DownloadTickets;
  dataDir: string;
  site: string;
  station: string;
  feed: OpenDataFeedPublisher;
};

type Job = { controller: AbortController; session: string };

/** What an export discloses, for the audit trail: who is in the router's entry, this says what went out. */
function disclosed(input: ParsedInput<'openData.export'>) {
  return { kind: input.kind, format: input.format, classes: input.classes, personal: input.personal, from: input.from, to: input.to, area: input.area ?? null, types: input.types ?? [] };
}

/**
 * Open-data exports and the outbound feed's setting. The role may export
 * (the router checked openData.export); full personal data needs
 * openData.personal as well, checked here because it depends on the input,
 * and a refusal is written to the audit trail with its reason before the
 * caller hears it.
 */
export function openDataHandlers(deps: OpenDataDeps): HandlerGroup<'openData.export' | 'openData.cancel' | 'openData.feed' | 'openData.setFeed'> {
  const jobs = new Map<string, Job>();
  const record = (connection: Connection, action: string, outcome: 'ok' | 'denied', detail: Record<string, unknown>) => {
    const session = connection.session!;
    deps.audit.append({ actor: session.username, role: session.role, station: connection.station(), action, target: String(detail.kind ?? ''), outcome, detail });
  };

  return {
    'openData.export': async (input, { connection }) => {
      const session = connection.session!;
      if (input.personal === 'full' && !roleHas(session.role, 'openData.personal')) {
        const reason = `role ${session.role} may not export personal data in full: that takes openData.personal (shift supervisor or IT); export it masked instead`;
        record(connection, 'openData.refused', 'denied', { ...disclosed(input), reason });
        throw new ContractError('forbidden', reason);
      }
      if (jobs.has(input.job)) throw new ContractError('conflict', `an export named ${input.job} is running already`);
      const job: Job = { controller: new AbortController(), session: session.token };
      jobs.set(input.job, job);
      const name = `${input.kind}-${stamp(Date.now())}-${input.job.slice(0, 8)}.zip`;
      try {
        const result = await writeOpenData(
          deps.db,
          {
            kind: input.kind,
            format: input.format,
            filter: { from: input.from, to: input.to, area: input.area, types: input.types },
            classes: input.classes,
            personal: input.personal,
            who: { user: session.username, role: session.role },
            site: deps.site,
            station: deps.station,
          },
          path.join(deps.dataDir, OPEN_DATA_FOLDER, name),
          { signal: job.controller.signal, onProgress: (done, total) => connection.emit('openData.progress', { job: input.job, done, total }) },
        );
        // The disclosure itself: what classes, which range, how many rows, masked or in full, and the manifest that proves which file.
        record(connection, 'openData.disclosure', 'ok', { ...disclosed(input), personal: result.personal, rows: result.rows, file: name, manifestSha256: result.manifestSha256 });
        const ticket = deps.downloads.issue(result.file, name, session.token);
        return {
          job: input.job,
          file: path.join(OPEN_DATA_FOLDER, name),
          size: result.size,
          rows: result.rows,
          classes: [...input.classes],
          personal: result.personal,
          manifestSha256: result.manifestSha256,
          download: ticket?.url ?? null,
          downloadExpiresAt: ticket?.expiresAt ?? null,
        };
      } catch (error) {
        if (error instanceof ExportCancelled) throw new ContractError('unavailable', error.message);
        throw error;
      } finally {
        jobs.delete(input.job);
      }
    },
    'openData.cancel': ({ job }, { connection }) => {
      const running = jobs.get(job);
      // Only the session that started an export stops it.
      if (!running || running.session !== connection.session!.token) return { cancelled: false };
      running.controller.abort();
      return { cancelled: true };
    },
    'openData.feed': () => deps.feed.get(),
    'openData.setFeed': (config) => deps.feed.set(config),
  };
}
