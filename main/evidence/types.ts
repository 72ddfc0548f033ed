import type { AuditRow } from '../audit/trail';
import type { WarningLevel } from '../contract/warning-levels';

/**
 * What an incident's evidence package is made from: plain data, whatever
 * the incident model holds, so the package and its verifier stand alone.
 */
export type EvidenceInput = {
  incident: {
    id: string;
    title: string;
    type: string;
    level: WarningLevel;
    drill: boolean;
    /** Where it happened, as the incident names it (building, floor, zone). */
    place: string;
    openedAt: number;
    closedAt: number | null;
  };
  site: { id: string; name: string };
  station: string;
  timeline: TimelineEntry[];
  /** The incident's audit rows as the trail stores them, chain hashes included (auditRowsFor). */
  audit: AuditRow[];
  clips: ClipRequest[];
  snapshots: SnapshotRequest[];
};

export type TimelineEntry = { id: string; at: number; by: string; kind: string; data: Record<string, unknown> };
export type ClipRequest = { camera: string; from: number; to: number };
export type SnapshotRequest = { camera: string; at: number };

/** Where clips and pictures come from: the NVR and the gateway in the core, files in tests. */
export type MediaPort = {
  /** Writes the camera's recording from `from` to `to` (ms) as MP4 to `outFile`; throws with the reason when it cannot. */
  clip(camera: string, from: number, to: number, outFile: string): Promise<void>;
  /** Writes a JPEG of the camera at `at` (ms) to `outFile`. */
  snapshot(camera: string, at: number, outFile: string): Promise<void>;
};

export type ManifestFile = { path: string; sha256: string; size: number };
export type MissingMedia = { path: string; kind: 'clip' | 'snapshot'; camera: string; from: number; to?: number; reason: string };

export type Manifest = {
  format: 'vigil-evidence/1';
  incident: string;
  site: { id: string; name: string };
  station: string;
  exportedAt: number;
  vigilVersion: string;
  /** Fingerprint of the key that signed manifest.sig (station.pub.pem). */
  keyFingerprint: string;
  files: ManifestFile[];
  /** SHA-256 of each line of timeline.jsonl and audit.jsonl, by entry id: a verifier names the entry that changed. */
  entries: { timeline: Record<string, string>; audit: Record<string, string> };
  missing: MissingMedia[];
};

export const PACKAGE_FILES = { incident: 'incident.json', timeline: 'timeline.jsonl', audit: 'audit.jsonl', manifest: 'manifest.json', signature: 'manifest.sig', publicKey: 'station.pub.pem' } as const;
