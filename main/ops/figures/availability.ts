import type { Database } from '../../store/database';
import { inTimeOrder, percent, upTime, type Change } from './intervals';
import { LINK_STOPPED, LINK_UP } from './link-history';

/** A device's status as availability reads it: online is up, offline and fault are down, unknown is not known. */
const deviceUp = (status: string | null): boolean | null => (status === 'online' ? true : status === 'offline' || status === 'fault' ? false : null);
const linkUp = (state: string | null): boolean | null => (state === null || state === LINK_STOPPED ? null : state === LINK_UP);

/** Video sources: their availability is reported apart from the other devices' online rate. */
const CAMERA_KINDS = new Set(['camera', 'ipc']);

export type UnitFigures = { code: string; name: string; kind: string; area: string; camera: boolean; up: number[]; known: number[]; outages: number };

/** Sums per-bucket figures of several units; the whole-span share and a share per bucket. */
export function overall(units: readonly { up: number[]; known: number[] }[], buckets: number) {
  const up = new Array<number>(buckets).fill(0);
  const known = new Array<number>(buckets).fill(0);
  for (const unit of units) {
    for (let i = 0; i < buckets; i++) {
      up[i]! += unit.up[i]!;
      known[i]! += unit.known[i]!;
    }
  }
  const upMs = up.reduce((a, b) => a + b, 0);
  const knownMs = known.reduce((a, b) => a + b, 0);
  return { pct: percent(upMs, knownMs), upMs, knownMs, perDay: up.map((value, i) => percent(value, known[i]!)) };
}

/**
 * Every device's up time per day over [bounds[0], last bound): two reads,
 * the state each held before the span (one index seek per device) and the
 * span's status changes in one ordered scan, walked device by device.
 */
export function deviceAvailability(db: Database, bounds: readonly number[]): UnitFigures[] {
  const from = bounds[0]!;
  const to = bounds[bounds.length - 1]!;
  const devices = db
    .prepare(
      `SELECT d.code, d.name, d.kind, d.area,
         (SELECT h.status FROM device_history h WHERE h.code = d.code AND h.at < ? ORDER BY h.at DESC, h.id DESC LIMIT 1) AS before
       FROM devices d ORDER BY d.code`,
    )
    .all(from) as { code: string; name: string; kind: string; area: string; before: string | null }[];
  const changes = new Map<string, Change[]>();
  const rows = db.prepare('SELECT code, at, status FROM device_history WHERE at >= ? AND at < ? ORDER BY id').raw().iterate(from, to) as Iterable<[string, number, string]>;
  for (const [code, at, status] of rows) {
    let list = changes.get(code);
    if (!list) changes.set(code, (list = []));
    list.push({ at, up: deviceUp(status) });
  }
  return devices.map((device) => {
    // Recorded in arrival order; the store only keeps a status newer than the last, but a sort costs little and keeps it right.
    const figures = upTime(deviceUp(device.before), inTimeOrder(changes.get(device.code) ?? []), bounds);
    return { code: device.code, name: device.name, kind: device.kind, area: device.area, camera: CAMERA_KINDS.has(device.kind), ...figures };
  });
}

/** The site link's up time per day, from the states this station recorded. */
export function linkAvailability(db: Database, bounds: readonly number[]) {
  const from = bounds[0]!;
  const to = bounds[bounds.length - 1]!;
  const before = db.prepare('SELECT state FROM link_history WHERE at < ? ORDER BY at DESC, id DESC LIMIT 1').pluck().get(from) as string | undefined;
  const rows = db.prepare('SELECT at, state FROM link_history WHERE at >= ? AND at < ? ORDER BY at, id').all(from, to) as { at: number; state: string }[];
  const figures = upTime(linkUp(before ?? null), rows.map((row) => ({ at: row.at, up: linkUp(row.state) })), bounds);
  return { ...overall([figures], bounds.length - 1), outages: figures.outages };
}
