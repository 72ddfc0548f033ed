import fs from 'node:fs';
import path from 'node:path';
import { exportEvidence } from '../../main/evidence/export';
import { recorderMedia } from '../../main/evidence/media';
import { auditRows, incidentInput, RECORDING_START, testRecordings } from '../../main/evidence/testing/fixtures';
import type { TimelineEntry } from '../../main/evidence/types';
import { verifyEvidence } from '../../main/evidence/verify';
import { loadStationKey } from '../../main/signing/station-key';
import { tempDir } from '../../main/testing/harness';
import { makeClip, startRtspServer } from '../../main/testing/rtsp';
import { resolveFfmpeg } from '../../main/video/ffmpeg';
import { Unmeasured, type Report } from '../report';

const CLIPS = 10;
const CLIP_SECONDS = 60;
/** A busy incident's record: a few hundred timeline and audit entries. */
const ENTRIES = 300;

/**
 * The evidence package of an incident with ten one-minute clips, each from
 * its own camera's recording on a real RTSP recorder (GStreamer serving
 * 1080p H.264 as an NVR plays back, seekable, in real time), a snapshot
 * from each, and 300 timeline and audit entries: how long the export takes
 * (recorders play in real time, four clips at once), the package's size,
 * and how long `vigil verify` takes to check it.
 */
export async function evidence(report: Report): Promise<void> {
  const clip = makeClip({ seconds: CLIP_SECONDS + 10, width: 1920, height: 1080 });
  const cameras = Array.from({ length: CLIPS }, (_, index) => `320612010113200000${String(index + 1).padStart(2, '0')}`);
  const server = await startRtspServer({ recordings: cameras.map((_, index) => ({ name: `nvr${index + 1}`, clip })) });
  const dir = tempDir('vigil-bench-evidence-');
  try {
    const recording = testRecordings(server.recordUrl, Object.fromEntries(cameras.map((camera, index) => [camera, `nvr${index + 1}`])));
    const media = recorderMedia({ ffmpeg: resolveFfmpeg(), recording, liveSnapshot: () => Promise.reject(new Error('no live snapshots in this benchmark')) });
    const at = (seconds: number) => RECORDING_START + seconds * 1000;
    const timeline: TimelineEntry[] = Array.from({ length: ENTRIES }, (_, index) => ({ id: `t${index + 1}`, at: at(index), by: 'commander', kind: 'note', data: { text: `现场情况更新 ${index + 1}` } }));
    const input = {
      ...incidentInput(
        cameras.map((camera) => ({ camera, from: at(5), to: at(5 + CLIP_SECONDS) })),
        cameras.map((camera) => ({ camera, at: at(30) })),
      ),
      timeline,
      audit: auditRows(ENTRIES, 'INC-bench'),
    };
    const key = loadStationKey(path.join(dir, 'station'));
    const file = path.join(dir, 'package.zip');
    const started = performance.now();
    const exported = await exportEvidence(input, file, { key, media });
    const exportMs = performance.now() - started;
    if (exported.missing.length) throw new Unmeasured(report.bench, 'evidence export', `missing: ${exported.missing.map((gone) => `${gone.path}: ${gone.reason}`).join('; ')}`);
    const verifyStarted = performance.now();
    const verified = await verifyEvidence(file, { trust: key.fingerprint });
    const verifyMs = performance.now() - verifyStarted;
    if (!verified.ok) throw new Unmeasured(report.bench, 'evidence verification', JSON.stringify(verified.problems));
    report.add('evidence_export_10_one_minute_clips_ms', exportMs, 'ms', 'lower');
    report.add('evidence_package_mb', fs.statSync(file).size / 1e6, 'MB', 'lower');
    report.add('evidence_verify_ms', verifyMs, 'ms', 'lower');
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
