import {
  ContractError,
  deviceKindOf,
  type Device,
  type DeviceStatus,
  type DeviceTreeNode,
  type DoorState,
  type Recording,
  type ZoneState,
} from '../contract';
import type { Database } from '../store/database';

export type DeviceInfo = Pick<Device, 'code' | 'name' | 'area' | 'building' | 'floor' | 'vendor' | 'model' | 'streams'> & {
  onvif?: string | null;
  recording?: Recording | null;
  x?: number | null;
  y?: number | null;
  gateway?: string | null;
  at: number;
};
export type DeviceStatusUpdate = { code: string; status: DeviceStatus; at: number; door?: DoorState; zone?: ZoneState };

type DeviceRow = Omit<Device, 'streams' | 'recording' | 'statusSince' | 'lastSeen' | 'kind' | 'door' | 'zone'> & {
  kind: Device['kind'];
  door_state: Device['door'];
  zone_state: Device['zone'];
  streams: string;
  recording: string | null;
  status_since: number | null;
  last_seen: number | null;
};

function toDevice(row: DeviceRow): Device {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    area: row.area,
    building: row.building,
    floor: row.floor,
    x: row.x,
    y: row.y,
    vendor: row.vendor,
    model: row.model,
    streams: JSON.parse(row.streams) as Device['streams'],
    onvif: row.onvif,
    recording: row.recording ? (JSON.parse(row.recording) as Recording) : null,
    gateway: row.gateway,
    status: row.status,
    door: row.door_state,
    zone: row.zone_state,
    statusSince: row.status_since,
    lastSeen: row.last_seen,
  };
}

export type DeviceQuery = {
  search?: string;
  area?: string;
  building?: string;
  floor?: string;
  kind?: string;
  status?: DeviceStatus;
  limit: number;
  offset: number;
};

/** Floors in building order: basements (B2, B1) below ground floors (1F, 2F …), then anything else by name. */
export function floorOrder(a: string, b: string): number {
  const level = (floor: string) => {
    const basement = /^B(\d+)$/i.exec(floor);
    if (basement) return -Number(basement[1]);
    const above = /^(\d+)F$/i.exec(floor);
    return above ? Number(above[1]) : Number.POSITIVE_INFINITY;
  };
  return level(a) - level(b) || a.localeCompare(b);
}

/**
 * The device registry: what the site says about its devices, written through
 * the ingest (one transaction per batch), and read by windows. Older messages never overwrite
 * newer ones, so a replay or a late retained message changes nothing.
 */
export class DeviceRegistry {
  private readonly upsertInfo;
  private readonly upsertStatus;
  private readonly history;
  private readonly exists;
  private readonly area;

  constructor(private readonly db: Database) {
    this.upsertInfo = db.prepare(
      `INSERT INTO devices (code, name, kind, area, building, floor, x, y, vendor, model, streams, onvif, recording, gateway, info_at)
       VALUES (@code, @name, @kind, @area, @building, @floor, @x, @y, @vendor, @model, @streams, @onvif, @recording, @gateway, @at)
       ON CONFLICT(code) DO UPDATE SET name = excluded.name, area = excluded.area, building = excluded.building,
         floor = excluded.floor, vendor = excluded.vendor, model = excluded.model, streams = excluded.streams, onvif = excluded.onvif, recording = excluded.recording, gateway = excluded.gateway,
         x = coalesce(devices.x, excluded.x), y = coalesce(devices.y, excluded.y), info_at = excluded.info_at
       WHERE excluded.info_at > devices.info_at`,
    );
    // A status for a device not registered yet is kept as a placeholder row until its info arrives.
    this.upsertStatus = db.prepare(
      `INSERT INTO devices (code, name, kind, area, building, floor, status, status_since, last_seen, door_state, zone_state)
       VALUES (@code, @code, @kind, '', '', '', @status, @at, @at, @door, @zone)
       ON CONFLICT(code) DO UPDATE SET
         status = excluded.status,
         door_state = coalesce(excluded.door_state, devices.door_state),
         zone_state = coalesce(excluded.zone_state, devices.zone_state),
         status_since = CASE WHEN devices.status = excluded.status THEN devices.status_since ELSE excluded.status_since END,
         last_seen = excluded.last_seen
       WHERE devices.last_seen IS NULL OR excluded.last_seen > devices.last_seen`,
    );
    this.history = db.prepare('INSERT INTO device_history (code, at, status) VALUES (?, ?, ?)');
    this.exists = db.prepare('SELECT 1 FROM devices WHERE code = ?').pluck();
    this.area = db.prepare('SELECT area FROM devices WHERE code = ?').pluck();
  }

  /** Applies a registration; false when what is stored is as new or newer. Call inside a transaction. */
  applyInfo(info: DeviceInfo): boolean {
    const row = { ...info, kind: deviceKindOf(info.code), x: info.x ?? null, y: info.y ?? null, gateway: info.gateway ?? null, onvif: info.onvif ?? null, recording: info.recording ? JSON.stringify(info.recording) : null };
    return this.upsertInfo.run({ ...row, streams: JSON.stringify(info.streams) }).changes > 0;
  }

  /** Applies a status; false when what is stored is as new or newer. Call inside a transaction. */
  applyStatus(update: DeviceStatusUpdate): boolean {
    if (!this.upsertStatus.run({ door: null, zone: null, ...update, kind: deviceKindOf(update.code) }).changes) return false;
    this.history.run(update.code, update.at, update.status);
    return true;
  }

  /** Codes of the devices that report through a gateway. */
  behind(gateway: string): string[] {
    return this.db.prepare('SELECT code FROM devices WHERE gateway = ?').pluck().all(gateway) as string[];
  }

  /** The area a device is in ('' when it is not registered yet). */
  areaOf(code: string): string {
    return (this.area.get(code) as string | undefined) ?? '';
  }

  /** Devices in one of `statuses` since `before` or earlier (status rules). */
  inStatusSince(statuses: readonly string[], before: number): { code: string; since: number }[] {
    return this.db
      .prepare(`SELECT code, status_since AS since FROM devices WHERE status IN (SELECT value FROM json_each(?)) AND status_since <= ?`)
      .all(JSON.stringify(statuses), before) as { code: string; since: number }[];
  }

  has(code: string): boolean {
    return this.exists.get(code) !== undefined;
  }

  get(code: string): Device {
    const row = this.db.prepare('SELECT * FROM devices WHERE code = ?').get(code) as DeviceRow | undefined;
    if (!row) throw new ContractError('not_found', `no device with code ${code}`);
    return toDevice(row);
  }

  list(query: DeviceQuery): { total: number; items: Device[] } {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: query.limit, offset: query.offset };
    for (const key of ['area', 'building', 'floor', 'kind', 'status'] as const) {
      if (query[key] !== undefined) {
        where.push(`${key} = @${key}`);
        params[key] = query[key];
      }
    }
    if (query.search) {
      where.push(`(name LIKE @search ESCAPE '\\' OR code LIKE @search ESCAPE '\\')`);
      params.search = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM devices ${clause}`).get(params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM devices ${clause} ORDER BY area, building, floor, name LIMIT @limit OFFSET @offset`).all(params) as DeviceRow[];
    return { total, items: rows.map(toDevice) };
  }

  /** Site → area → building → floor, with online counts at every level. */
  tree(siteName: string): DeviceTreeNode {
    const rows = this.db
      .prepare(
        `SELECT area, building, floor, count(*) AS total, sum(status = 'online') AS online
         FROM devices GROUP BY area, building, floor ORDER BY area, building, floor`,
      )
      .all() as { area: string; building: string; floor: string; total: number; online: number }[];
    const root: DeviceTreeNode = { key: 'site', level: 'site', name: siteName, total: 0, online: 0, children: [] };
    const child = (parent: DeviceTreeNode, level: DeviceTreeNode['level'], name: string) => {
      const key = `${parent.key}/${name}`;
      let node = parent.children.find((candidate) => candidate.key === key);
      if (!node) parent.children.push((node = { key, level, name, total: 0, online: 0, children: [] }));
      return node;
    };
    for (const row of rows) {
      const area = child(root, 'area', row.area);
      const building = child(area, 'building', row.building);
      const floor = child(building, 'floor', row.floor);
      for (const node of [root, area, building, floor]) {
        node.total += row.total;
        node.online += row.online;
      }
    }
    for (const area of root.children) for (const building of area.children) building.children.sort((a, b) => floorOrder(a.name, b.name));
    return root;
  }

  /** Every camera with a stream: what an alarm can link to. */
  cameras(): Device[] {
    return (this.db.prepare("SELECT * FROM devices WHERE kind IN ('ipc', 'camera') AND streams != '[]'").all() as DeviceRow[]).map(toDevice);
  }

  place(code: string, x: number, y: number): void {
    const { changes } = this.db.prepare('UPDATE devices SET x = ?, y = ? WHERE code = ?').run(x, y, code);
    if (!changes) throw new ContractError('not_found', `no device with code ${code}`);
  }
}
