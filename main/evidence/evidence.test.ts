import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/harness';
import { makeClip, startRtspServer, type RtspServer } from '../testing/rtsp';
import { loadStationKey } from '../signing/station-key';
import { exportEvidence, type ExportProgress, type ExportResult } from './export';
import { recorderMedia } from './media';
import { incidentInput, RECORDING_START, rewriteZip, testRecordings } from './testing/fixtures';
import { openZip } from './zip-reader';
import { verifyEvidence, type Problem } from './verify';
import type { Manifest } from './types';

const CAMERA = '32061201011320000001';
const OTHER = '32061201011320000002';
/** Announced by the registry, but its recorder has nothing: its clip is listed as missing. */
const DARK = '32061201011320000009';

let server: RtspServer;
let dir: string;
let exported: ExportResult;
let progress: ExportProgress[];

const at = (seconds: number) => RECORDING_START + seconds * 1000;
const pick = (problems: Problem[]) => problems.map(({ kind, path, id }) => ({ kind, path, ...(id ? { id } : {}) }));

beforeAll(async () => {
  server = await startRtspServer({ recordings: [{ name: 'gate', clip: makeClip({ seconds: 20 }) }, { name: 'lobby', clip: makeClip({ seconds: 20, width: 320, height: 180 }) }] });
  dir = tempDir('vigil-evidence-');
  const recording = testRecordings(server.recordUrl, { [CAMERA]: 'gate', [OTHER]: 'lobby' });
  const media = recorderMedia({ ffmpeg: 'ffmpeg', recording, liveSnapshot: (camera) => Promise.resolve(Buffer.from(`live picture of ${camera}`)) });
  progress = [];
  const input = incidentInput(
    [
      { camera: CAMERA, from: at(2), to: at(5) },
      { camera: OTHER, from: at(4), to: at(7) },
      { camera: DARK, from: at(2), to: at(5) },
    ],
    // A recorded moment comes from the NVR; a moment ago, from the camera's live stream through the gateway.
    [{ camera: CAMERA, at: at(6) }, { camera: OTHER, at: Date.now() }],
  );
  exported = await exportEvidence(input, path.join(dir, 'package.zip'), { key: loadStationKey(path.join(dir, 'station')), media, onProgress: (step) => progress.push(step) });
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function tampered(name: string, edit: Parameters<typeof rewriteZip>[2], added?: Parameters<typeof rewriteZip>[3]): Promise<string> {
  const file = path.join(dir, `${name}.zip`);
  await rewriteZip(exported.file, file, edit, added);
  return file;
}

async function entryOf(file: string, name: string): Promise<Buffer> {
  const zip = await openZip(file);
  try {
    return await zip.read(name, 1e8);
  } finally {
    zip.close();
  }
}

const manifestOf = async (file: string) => JSON.parse((await entryOf(file, 'manifest.json')).toString()) as Manifest;

describe('an evidence package', () => {
  it('holds the incident, its timeline, audit entries, clips cut from the NVR and a snapshot, and verifies', async () => {
    const result = await verifyEvidence(exported.file);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const manifest = await manifestOf(exported.file);
    expect(manifest.files.map((file) => file.path)).toEqual([
      'incident.json',
      'timeline.jsonl',
      'audit.jsonl',
      `clips/${CAMERA}-2026-05-07T08-00-02-000Z.mp4`,
      `clips/${OTHER}-2026-05-07T08-00-04-000Z.mp4`,
      `snapshots/${CAMERA}-2026-05-07T08-00-06-000Z.jpg`,
      expect.stringMatching(new RegExp(`^snapshots/${OTHER}-.*\\.jpg$`)),
    ]);
    expect((await entryOf(exported.file, manifest.files[5]!.path)).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect((await entryOf(exported.file, manifest.files[6]!.path)).toString()).toBe(`live picture of ${OTHER}`);
    expect(Object.keys(manifest.entries.timeline)).toEqual(['t1', 't2', 't3']);
    expect(Object.keys(manifest.entries.audit)).toEqual(['1', '2', '3']);
    expect(manifest.keyFingerprint).toBe(exported.fingerprint);
    // The clip is the recorder's own frames, copied: three seconds of H.264, not re-encoded.
    const clip = path.join(dir, 'clip.mp4');
    await fs.promises.writeFile(clip, await entryOf(exported.file, manifest.files[3]!.path));
    const probe = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width:format=duration', '-of', 'json', clip], { encoding: 'utf8' });
    const info = JSON.parse(probe.stdout) as { streams: { codec_name: string; width: number }[]; format: { duration: string } };
    expect(info.streams[0]).toEqual({ codec_name: 'h264', width: 640 });
    expect(Number(info.format.duration)).toBeGreaterThan(2.5);
    expect(Number(info.format.duration)).toBeLessThan(4.5);
    expect(progress.at(-1)).toMatchObject({ done: 6, total: 6 });
    expect(progress.map((step) => step.done)).toEqual([...progress.map((step) => step.done)].sort((a, b) => a - b));
  });

  it('lists a clip the NVR could not give as missing, with the reason, and the verifier warns of it without failing', async () => {
    expect(exported.missing).toEqual([expect.objectContaining({ kind: 'clip', camera: DARK, path: `clips/${DARK}-2026-05-07T08-00-02-000Z.mp4`, reason: expect.stringMatching(/announced no recordings/) })]);
    expect((await manifestOf(exported.file)).missing).toEqual(exported.missing);
    const result = await verifyEvidence(exported.file);
    expect(result.ok).toBe(true);
    expect(result.warnings).toContainEqual(expect.objectContaining({ kind: 'missing-media', path: `clips/${DARK}-2026-05-07T08-00-02-000Z.mp4` }));
  });
});

describe('verification fails and says where', () => {
  const clipPath = `clips/${CAMERA}-2026-05-07T08-00-02-000Z.mp4`;

  it('after one byte of a clip is changed in the file', async () => {
    const bytes = fs.readFileSync(exported.file);
    const clip = await entryOf(exported.file, clipPath);
    // Stored, not compressed: the clip's bytes are in the zip as they are; flip one in its middle.
    const offset = bytes.indexOf(clip.subarray(2000, 2064)) + 10;
    expect(offset).toBeGreaterThan(2000);
    bytes[offset] = bytes[offset]! ^ 0x01;
    const file = path.join(dir, 'byte.zip');
    fs.writeFileSync(file, bytes);
    const result = await verifyEvidence(file);
    expect(result.ok).toBe(false);
    expect(pick(result.problems)).toEqual([{ kind: 'changed-file', path: clipPath }]);
  });

  it('after one timeline entry is changed, naming the entry', async () => {
    const file = await tampered('timeline-changed', (name, bytes) => (name === 'timeline.jsonl' ? Buffer.from(bytes.toString().replace('fire-team-1', 'fire-team-2')) : bytes));
    expect(pick((await verifyEvidence(file)).problems)).toEqual([
      { kind: 'changed-file', path: 'timeline.jsonl' },
      { kind: 'entry-changed', path: 'timeline.jsonl', id: 't2' },
    ]);
  });

  it('after a timeline entry is removed, naming it', async () => {
    const file = await tampered('timeline-removed', (name, bytes) =>
      name === 'timeline.jsonl' ? Buffer.from(bytes.toString().split('\n').filter((line) => !line.includes('"t3"')).join('\n')) : bytes,
    );
    expect(pick((await verifyEvidence(file)).problems)).toEqual([
      { kind: 'changed-file', path: 'timeline.jsonl' },
      { kind: 'entry-removed', path: 'timeline.jsonl', id: 't3' },
    ]);
  });

  it('after an audit entry is edited, by id, and by its chain hash', async () => {
    const file = await tampered('audit-changed', (name, bytes) => (name === 'audit.jsonl' ? Buffer.from(bytes.toString().replace('"outcome":"ok","detail":"{\\"step\\":2}"', '"outcome":"denied","detail":"{\\"step\\":2}"')) : bytes));
    expect(pick((await verifyEvidence(file)).problems)).toEqual([
      { kind: 'changed-file', path: 'audit.jsonl' },
      { kind: 'entry-changed', path: 'audit.jsonl', id: '2' },
      { kind: 'audit-chain', path: 'audit.jsonl', id: '2' },
    ]);
  });

  it('after a clip is removed from the zip', async () => {
    const file = await tampered('clip-removed', (name, bytes) => (name === clipPath ? null : bytes));
    expect(pick((await verifyEvidence(file)).problems)).toEqual([{ kind: 'missing-file', path: clipPath }]);
  });

  it('after the manifest is changed', async () => {
    const file = await tampered('manifest-changed', (name, bytes) => (name === 'manifest.json' ? Buffer.from(bytes.toString().replace('"station": "station-1"', '"station": "station-2"')) : bytes));
    expect(pick((await verifyEvidence(file)).problems)).toEqual([{ kind: 'signature', path: 'manifest.sig' }]);
  });

  it('when another key signed it, and when the package is whole but not from the trusted station', async () => {
    const intruder = loadStationKey(tempDir('vigil-intruder-'));
    const original = await entryOf(exported.file, 'manifest.json');
    const resigned = await tampered('other-signature', (name, bytes) => (name === 'manifest.sig' ? intruder.sign(original) : bytes));
    expect(pick((await verifyEvidence(resigned)).problems)).toEqual([{ kind: 'signature', path: 'manifest.sig' }]);
    // A forger who re-signs the manifest with their own key and ships their key: whole, but --trust refuses it.
    const forgedManifest = Buffer.from(original.toString().replace(exported.fingerprint, intruder.fingerprint));
    const refixed = await tampered('forged', (name, bytes) => {
      if (name === 'manifest.json') return forgedManifest;
      if (name === 'manifest.sig') return intruder.sign(forgedManifest);
      return name === 'station.pub.pem' ? Buffer.from(intruder.publicKeyPem) : bytes;
    });
    const untrusting = await verifyEvidence(refixed);
    expect(untrusting.ok).toBe(true);
    expect(untrusting.warnings).toContainEqual(expect.objectContaining({ kind: 'not-pinned' }));
    expect(pick((await verifyEvidence(refixed, { trust: exported.fingerprint })).problems)).toEqual([{ kind: 'untrusted', path: 'station.pub.pem' }]);
    expect((await verifyEvidence(exported.file, { trust: exported.fingerprint.toUpperCase() })).ok).toBe(true);
  });

  it('when the signature or the key is missing', async () => {
    const file = await tampered('unsigned', (name, bytes) => (name === 'manifest.sig' ? null : bytes));
    expect(pick((await verifyEvidence(file)).problems)).toEqual([{ kind: 'signature', path: 'manifest.sig' }]);
    const keyless = await tampered('keyless', (name, bytes) => (name === 'station.pub.pem' ? null : bytes));
    expect(pick((await verifyEvidence(keyless)).problems)).toEqual([{ kind: 'signature', path: 'station.pub.pem' }]);
  });

  it('when a file was added that the manifest does not list', async () => {
    const file = await tampered('extra', (_name, bytes) => bytes, [['clips/extra.mp4', Buffer.from('not from the recorder')]]);
    expect(pick((await verifyEvidence(file)).problems)).toEqual([{ kind: 'extra-file', path: 'clips/extra.mp4' }]);
  });

  it('when the file is not a zip, or a cut-off one', async () => {
    const text = path.join(dir, 'not-a-zip.zip');
    fs.writeFileSync(text, 'hello');
    expect(pick((await verifyEvidence(text)).problems)).toEqual([{ kind: 'corrupt' }]);
    const cut = path.join(dir, 'cut.zip');
    fs.writeFileSync(cut, fs.readFileSync(exported.file).subarray(0, 5000));
    const result = await verifyEvidence(cut);
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.kind).toBe('corrupt');
    expect((await verifyEvidence(path.join(dir, 'nowhere.zip'))).problems[0]).toMatchObject({ kind: 'corrupt', detail: expect.stringMatching(/ENOENT/) });
  });
});
