import path from 'node:path';
import type { Settings } from '../contract';
import type { DownloadTickets } from '../evidence/downloads';
import type { HandlerGroup } from '../router/router';
import type { TlsOptions } from '../site-link/link';
import type { SecretBox } from '../secrets/secret-box';
import type { Database } from '../store/database';
import { cameraCredentialScopes, cameraPasswords, secretForms, withoutSecrets } from './diagnostics-config';
import { bundlePath, DIAGNOSTICS_FOLDER, writeDiagnostics } from './diagnostics';

/** The part of the core's site options the bundle reads: everything is described, the secrets only so they can be removed. */
export type SiteOptions = { id: string; name: string; brokers: string[]; username?: string; password?: string; tls?: TlsOptions } & Record<string, unknown>;

export type DiagnosticsDeps = {
  db: Database;
  dataDir: string;
  station: string;
  site: SiteOptions;
  settings: () => Settings;
  /** What ops.status returns. */
  health: () => unknown;
  downloads: DownloadTickets;
  /** Opens the sealed camera passwords the bundle is searched for. */
  box: SecretBox;
};

/** What the station is configured with, every secret removed: the bundle's configuration.json. */
export function stationConfiguration(deps: Pick<DiagnosticsDeps, 'db' | 'station' | 'site' | 'settings'>) {
  return withoutSecrets({ station: deps.station, site: deps.site, settings: deps.settings(), cameraCredentials: cameraCredentialScopes(deps.db) });
}

/** Every secret this station holds, in every form a file could carry it. */
export function stationSecrets(deps: Pick<DiagnosticsDeps, 'db' | 'site' | 'box'>): string[] {
  return secretForms([deps.site.password, deps.site.tls?.key, ...cameraPasswords(deps.db, deps.box)]);
}

export function diagnosticsHandlers(deps: DiagnosticsDeps): HandlerGroup<'ops.diagnostics'> {
  return {
    // The router's audit entry says who took the bundle and when; the bundle itself holds no secret to audit.
    'ops.diagnostics': async (_input, { connection }) => {
      const file = bundlePath(deps.dataDir, Date.now());
      const result = await writeDiagnostics({ db: deps.db, dataDir: deps.dataDir, configuration: stationConfiguration(deps), health: deps.health(), secrets: stationSecrets(deps) }, file);
      const name = path.basename(file);
      const ticket = deps.downloads.issue(result.file, name, connection.session!.token);
      return {
        file: path.join(DIAGNOSTICS_FOLDER, name),
        size: result.size,
        files: result.files,
        manifestSha256: result.manifestSha256,
        download: ticket?.url ?? null,
        downloadExpiresAt: ticket?.expiresAt ?? null,
      };
    },
  };
}
