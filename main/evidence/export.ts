import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { StationKey } from '../signing/station-key';
import { VERSION } from '../version';
import { hashFile, jsonLines, sha256 } from './hashing';
import { PACKAGE_FILES, type EvidenceInput, type Manifest, type ManifestFile, type MediaPort, type MissingMedia } from './types';

export type ExportProgress = { done: number; total: number; step: string };
export type ExportOptions = {
  key: StationKey;
  media: MediaPort;
  onProgress?: (progress: ExportProgress) => void;
  /** Clips and snapshots taken at once; default 4. */
  concurrency?: number;
  now?: () => number;
};
export type ExportResult = {
  file: string;
  size: number;
  /** The manifest's SHA-256: what an officer reads out to whoever receives the package. */
  manifestSha256: string;
  fingerprint: string;
  missing: MissingMedia[];
};

/** `2026-05-07T08-15-00-000Z`: an instant as a file name on every system (no colons). */
export const stamp = (ms: number) => new Date(ms).toISOString().replace(/[:.]/g, '-');
const safe = (name: string) => name.replace(/[^\w.-]/g, '_');

type Media = { path: string; kind: 'clip' | 'snapshot'; camera: string; from: number; to?: number; take: (out: string) => Promise<void> };

/**
 * Writes an incident's evidence package (证据包): one zip with the incident,
 * its timeline, its audit entries, clips and snapshots, a manifest of every
 * file's SHA-256 signed by the station, and the station's public key. Media
 * are cut to a work folder beside `file` and streamed into the zip; the zip
 * is written aside and renamed, so a failed export leaves no half package.
 */
export async function exportEvidence(input: EvidenceInput, file: string, options: ExportOptions): Promise<ExportResult> {
  const now = options.now ?? Date.now;
  const media = mediaOf(input, options.media);
  const total = media.length + 1;
  let done = 0;
  const progress = (step: string) => options.onProgress?.({ done, total, step });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const work = fs.mkdtempSync(path.join(path.dirname(file), '.evidence-'));
  const partial = `${file}.partial`;
  try {
    const timeline = jsonLines(input.timeline);
    const audit = jsonLines(input.audit);
    const texts: [string, Buffer][] = [
      [PACKAGE_FILES.incident, Buffer.from(JSON.stringify({ ...input.incident, site: input.site, station: input.station }, null, 2))],
      [PACKAGE_FILES.timeline, Buffer.from(timeline.text)],
      [PACKAGE_FILES.audit, Buffer.from(audit.text)],
    ];
    const files: ManifestFile[] = texts.map(([name, bytes]) => ({ path: name, sha256: sha256(bytes), size: bytes.length }));
    // Recorders play in real time: a few clips are pulled at once (NVRs limit playback sessions, so only a few).
    const outcomes: ({ ok: true; file: ManifestFile; local: string } | { ok: false; missing: MissingMedia })[] = [];
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < media.length; index = next++) {
        const item = media[index]!;
        progress(item.path);
        const local = path.join(work, String(index));
        try {
          await item.take(local);
          const { sha256: hash, size } = await hashFile(local);
          if (size === 0) throw new Error('the recorder sent nothing');
          outcomes[index] = { ok: true, file: { path: item.path, sha256: hash, size }, local };
        } catch (error) {
          // Not dropped: the manifest says what is missing and why, and the verifier warns of it.
          const { take: _take, ...described } = item;
          outcomes[index] = { ok: false, missing: { ...described, reason: error instanceof Error ? error.message : String(error) } };
        }
        done++;
        progress(item.path);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, media.length) }, worker));
    const taken = outcomes.flatMap((outcome) => (outcome.ok ? [{ path: outcome.file.path, local: outcome.local }] : []));
    files.push(...outcomes.flatMap((outcome) => (outcome.ok ? [outcome.file] : [])));
    const missing = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.missing]));
    progress('package');
    const manifest: Manifest = {
      format: 'vigil-evidence/1',
      incident: input.incident.id,
      site: input.site,
      station: input.station,
      exportedAt: now(),
      vigilVersion: VERSION,
      keyFingerprint: options.key.fingerprint,
      files,
      entries: { timeline: timeline.hashes, audit: audit.hashes },
      missing,
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
    const zip = new yazl.ZipFile();
    for (const [name, bytes] of texts) zip.addBuffer(bytes, name);
    // Clips and pictures are compressed already: stored as they are, and streamed from disk.
    for (const item of taken) zip.addFile(item.local, item.path, { compress: false });
    zip.addBuffer(manifestBytes, PACKAGE_FILES.manifest);
    zip.addBuffer(options.key.sign(manifestBytes), PACKAGE_FILES.signature);
    zip.addBuffer(Buffer.from(options.key.publicKeyPem), PACKAGE_FILES.publicKey);
    zip.end();
    await pipeline(zip.outputStream, fs.createWriteStream(partial));
    fs.renameSync(partial, file);
    done++;
    progress('done');
    return { file, size: fs.statSync(file).size, manifestSha256: sha256(manifestBytes), fingerprint: options.key.fingerprint, missing };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
  }
}

/** Each clip and snapshot with its path in the package; the same camera and time twice gets a numbered second name. */
function mediaOf(input: EvidenceInput, port: MediaPort): Media[] {
  const used = new Set<string>();
  const unique = (base: string, ext: string) => {
    let name = `${base}${ext}`;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}${ext}`;
    used.add(name);
    return name;
  };
  return [
    ...input.clips.map((clip): Media => ({
      path: unique(`clips/${safe(clip.camera)}-${stamp(clip.from)}`, '.mp4'),
      kind: 'clip',
      camera: clip.camera,
      from: clip.from,
      to: clip.to,
      take: (out) => port.clip(clip.camera, clip.from, clip.to, out),
    })),
    ...input.snapshots.map((shot): Media => ({
      path: unique(`snapshots/${safe(shot.camera)}-${stamp(shot.at)}`, '.jpg'),
      kind: 'snapshot',
      camera: shot.camera,
      from: shot.at,
      take: (out) => port.snapshot(shot.camera, shot.at, out),
    })),
  ];
}
