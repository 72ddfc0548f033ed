import type { OpenDataKind } from '../site-link/interface/open-data';
import type { Database } from '../store/database';

export type OpenFilter = { from: number; to: number; area?: string; types?: string[] };
/** Where a page ends: the next page starts after it. */
export type Cursor = readonly [number | string, number | string];
type Row = Record<string, unknown>;

/**
 * How each kind is read: its table with the device's place, a time column
 * the range bounds, and a key (k1, k2) pages are read in order of. Pages
 * are read by keyset, a few thousand rows at a time, so a million-row
 * export holds one page in memory and leaves the connection free between
 * pages for the station's own work (an open iterator would block it).
 */
type Spec = {
  from: string;
  time: string;
  key: [string, string];
  /** Before the first row in key order. */
  start: Cursor;
  columns: string;
  /** The selected column naming the device whose place a row carries. */
  device?: string;
  area: string;
  type?: string;
  extra?: string;
};

/** Devices by the area they stand in, for the area filter of tables that do not keep one. */
const IN_AREA = (column: string) => `${column} IN (SELECT code FROM devices WHERE area = ?)`;

const SPECS: Record<OpenDataKind, Spec> = {
  events: {
    from: 'device_events e',
    time: 'e.at',
    key: ['e.at', 'e.id'],
    start: [-1, ''],
    columns: 'e.id AS id, e.code AS code, e.type AS type, e.severity AS severity, e.at AS at, e.zone AS zone, e.person AS person',
    device: 'code',
    area: IN_AREA('e.code'),
    type: 'e.type',
  },
  alarms: {
    from: 'alarms a',
    time: 'a.raised_at',
    key: ['a.raised_at', 'a.id'],
    start: [-1, ''],
    columns: 'a.id AS id, a.source AS source, a.type AS type, a.severity AS severity, a.state AS state, a.raised_at AS raisedAt, a.count AS count, a.by AS by, a.station AS station, a.note AS note',
    device: 'source',
    area: 'a.area = ?',
    type: 'a.type',
  },
  // By meter, then time: the table's own key, so no sort of the range is needed.
  readings: {
    from: 'meter_readings r',
    time: 'r.at',
    key: ['r.code', 'r.at'],
    start: ['', -1],
    columns: 'r.code AS code, r.at AS at, r.value AS value',
    device: 'code',
    area: IN_AREA('r.code'),
  },
  orders: {
    from: 'orders o',
    time: 'o.created_at',
    key: ['o.created_at', 'o.id'],
    start: [-1, ''],
    columns: 'o.id AS id, o.category AS category, o.priority AS priority, o.state AS state, o.title AS title, o.building AS building, o.created_at AS createdAt, o.completed_at AS completedAt, o.assignee AS assignee, o.resident AS resident',
    // Orders have a building, not an area: the area filter matches the building's devices' area.
    area: 'o.building IN (SELECT building FROM devices WHERE area = ?)',
    type: 'o.category',
    // A record without its create event is not an order yet.
    extra: 'o.state IS NOT NULL',
  },
};

function where(spec: Spec, filter: OpenFilter): { clauses: string[]; params: unknown[] } {
  const clauses = [`${spec.time} >= ?`, `${spec.time} < ?`];
  const params: unknown[] = [filter.from, filter.to];
  if (spec.extra) clauses.push(spec.extra);
  if (filter.area !== undefined) {
    clauses.push(spec.area);
    params.push(filter.area);
  }
  if (filter.types?.length && spec.type) {
    clauses.push(`${spec.type} IN (${filter.types.map(() => '?').join(', ')})`);
    params.push(...filter.types);
  }
  return { clauses, params };
}

/** The rows of a kind in the range, page by page, and how many there are (for progress). */
export function openDataReader(db: Database, kind: OpenDataKind, filter: OpenFilter, pageSize = 5000) {
  const spec = SPECS[kind];
  const { clauses, params } = where(spec, filter);
  const [k1, k2] = spec.key;
  // The page's lower bound is on the key's first column, so each page seeks to where the last ended instead of scanning from the range's start.
  const page = db.prepare(
    `SELECT ${spec.columns} FROM ${spec.from} WHERE ${clauses.join(' AND ')} AND ${k1} >= ? AND (${k1} > ? OR ${k2} > ?) ORDER BY ${k1}, ${k2} LIMIT ${pageSize}`,
  );
  const count = db.prepare(`SELECT count(*) AS n FROM ${spec.from} WHERE ${clauses.join(' AND ')}`);
  const keyNames = [k1.split('.')[1]!, k2.split('.')[1]!].map((column) => aliasOf(spec.columns, column));
  const places = spec.device ? placesOf(db) : null;
  return {
    count: () => (count.get(...params) as { n: number }).n,
    start: spec.start,
    /** The page after `after`; its last row's key is the next cursor. */
    page(after: Cursor): { rows: Row[]; next: Cursor } {
      // Where the key starts with the time, the range's own lower bound moves up too: whichever the planner uses, it seeks.
      const lower = spec.key[0] === spec.time ? Math.max(filter.from, after[0] as number) : filter.from;
      const rows = page.all(lower, ...params.slice(1), after[0], after[0], after[1]) as Row[];
      if (places) for (const row of rows) Object.assign(row, places.get(row[spec.device!] as string) ?? NOWHERE);
      const last = rows.at(-1);
      return { rows, next: last ? [last[keyNames[0]!] as number | string, last[keyNames[1]!] as number | string] : after };
    },
  };
}

type Place = { deviceName: string; area: string; building: string; floor: string };
const NOWHERE = { deviceName: null, area: null, building: null, floor: null };

/**
 * Every device's place, read once per export: a site has thousands of
 * devices and a million events, and a join per row costs three times the
 * row itself (measured: 41k against 121k rows/s).
 */
function placesOf(db: Database): Map<string, Place> {
  const rows = db.prepare('SELECT code, name AS deviceName, area, building, floor FROM devices').all() as (Place & { code: string })[];
  return new Map(rows.map(({ code, ...place }) => [code, place]));
}

/** The name a column is selected as (raised_at AS raisedAt → raisedAt). */
function aliasOf(columns: string, column: string): string {
  const match = new RegExp(`\\.${column} AS (\\w+)`).exec(columns);
  return match?.[1] ?? column;
}
