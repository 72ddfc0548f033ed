import path from 'node:path';
import { ContractError } from '../contract';
import type { HandlerGroup } from '../router/router';
import { loadStationKey, type StationKey } from '../signing/station-key';
import type { DownloadTickets } from './downloads';
import { exportEvidence, stamp } from './export';
import type { EvidenceInput, MediaPort } from './types';

/** What the incidents give the evidence package: an incident's input by its id (throw not_found for an unknown one). */
export type EvidenceProvider = (incidentId: string) => EvidenceInput;

/** Holds the provider until incidents plug one in: the call exists before they do, and says so. */
export class EvidenceExports {
  private provider: EvidenceProvider | null = null;
  private key: StationKey | null = null;

  constructor(
    private readonly deps: { dataDir: string; media: MediaPort; downloads: DownloadTickets },
  ) {}

  setProvider(provider: EvidenceProvider | null): void {
    this.provider = provider;
  }

  inputOf(incident: string): EvidenceInput {
    if (!this.provider) throw new ContractError('not_found', `no incident ${incident}: this station keeps no incidents to export`);
    return this.provider(incident);
  }

  /** Loaded at the first export: a key file others can read stops the export with the reason, not the station. */
  stationKey(): StationKey {
    try {
      return (this.key ??= loadStationKey(this.deps.dataDir));
    } catch (error) {
      throw new ContractError('unavailable', `the station cannot sign: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  folder(): string {
    return path.join(this.deps.dataDir, 'evidence');
  }

  get media(): MediaPort {
    return this.deps.media;
  }

  get downloads(): DownloadTickets {
    return this.deps.downloads;
  }
}

export function evidenceHandlers(deps: { exports: EvidenceExports }): HandlerGroup<'evidence.export'> {
  const { exports } = deps;
  return {
    // The router's audit entry names the incident, officer and station; the package's own audit.jsonl holds what came before.
    'evidence.export': async ({ id }, { connection }) => {
      const input = exports.inputOf(id);
      const key = exports.stationKey();
      const name = `${id.replace(/[^\w.-]/g, '_')}-${stamp(Date.now())}.zip`;
      const result = await exportEvidence(input, path.join(exports.folder(), name), {
        key,
        media: exports.media,
        onProgress: ({ done, total }) => connection.emit('evidence.progress', { incident: id, done, total }),
      });
      const ticket = exports.downloads.issue(result.file, name, connection.session!.token);
      return {
        incident: id,
        file: path.join('evidence', name),
        size: result.size,
        manifestSha256: result.manifestSha256,
        fingerprint: result.fingerprint,
        missing: result.missing.map(({ path: missingPath, reason }) => ({ path: missingPath, reason })),
        download: ticket?.url ?? null,
        downloadExpiresAt: ticket?.expiresAt ?? null,
      };
    },
  };
}
