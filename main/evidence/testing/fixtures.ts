import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { hashOf, type AuditRow } from '../../audit/trail';
import { playbackUrl } from '../../video/playback';
import type { StreamSource } from '../../video/camera-stream';
import { openZip } from '../zip-reader';
import type { EvidenceInput } from '../types';

/** The NVR's recording of every test camera starts here; the RTSP test server plays it from its start. */
export const RECORDING_START = Date.UTC(2026, 4, 7, 8, 0, 0);

/** CameraSources.recording for cameras recorded by the RTSP test server as a generic (ONVIF-replay-like) recorder. */
export function testRecordings(recordUrl: (name: string) => string, cameras: Record<string, string>) {
  return (camera: string, from: Date, to: Date): StreamSource => {
    const mount = cameras[camera];
    if (!mount) throw new Error(`${camera} has announced no recordings`);
    const target = playbackUrl({ vendor: 'generic', baseUrl: recordUrl(mount), recordingStart: new Date(RECORDING_START) }, from, to);
    return { kind: 'recording', url: target.url, seekSeconds: target.seekSeconds, speed: 1, durationSeconds: target.durationSeconds };
  };
}

/** Audit rows chained as the trail chains them. */
export function auditRows(count: number, target: string): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = '0'.repeat(64);
  for (let id = 1; id <= count; id++) {
    const row = { id, at: RECORDING_START + id * 1000, actor: 'zhang.wei', role: 'emergency_commander', station: 'station-1', action: 'incidents.act', target, outcome: 'ok' as const, detail: JSON.stringify({ step: id }), prev_hash: prev };
    const hash = hashOf(row);
    rows.push({ ...row, hash });
    prev = hash;
  }
  return rows;
}

export function incidentInput(clips: EvidenceInput['clips'], snapshots: EvidenceInput['snapshots'] = []): EvidenceInput {
  return {
    incident: { id: 'INC-2026-0507-01', title: '3号楼5层烟感报警', type: 'fire', level: 2, drill: false, place: 'Building 3, floor 5', openedAt: RECORDING_START, closedAt: RECORDING_START + 600_000 },
    site: { id: 'demo-park', name: '示范园区' },
    station: 'station-1',
    timeline: [
      { id: 't1', at: RECORDING_START + 1_000, by: 'system', kind: 'opened', data: { from: 'warning', level: 2 } },
      { id: 't2', at: RECORDING_START + 5_000, by: 'zhang.wei', kind: 'dispatch', data: { team: 'fire-team-1' } },
      { id: 't3', at: RECORDING_START + 9_000, by: 'li.na', kind: 'note', data: { text: '现场确认明火' } },
    ],
    audit: auditRows(3, 'INC-2026-0507-01'),
    clips,
    snapshots,
  };
}

/** Writes `to` as `from` with some entries changed (null removes one) and some added, as someone editing the zip would. */
export async function rewriteZip(from: string, to: string, edit: (name: string, bytes: Buffer) => Buffer | null, added: [string, Buffer][] = []): Promise<void> {
  const zip = await openZip(from);
  const out = new yazl.ZipFile();
  try {
    for (const name of zip.names) {
      const bytes = edit(name, await zip.read(name, 1024 * 1024 * 1024));
      if (bytes) out.addBuffer(bytes, name);
    }
  } finally {
    zip.close();
  }
  for (const [name, bytes] of added) out.addBuffer(bytes, name);
  out.end();
  await pipeline(out.outputStream, fs.createWriteStream(to));
}
