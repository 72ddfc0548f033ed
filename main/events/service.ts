import type { z } from 'zod';
import { ContractError, type DeviceEventEntry, type EventFilter } from '../contract';
import type { Database } from '../store/database';
import { maskPerson } from './mask';

type Row = Omit<DeviceEventEntry, 'deviceName' | 'area' | 'building' | 'floor'> & {
  device_name: string | null;
  area: string | null;
  building: string | null;
  floor: string | null;
};

/**
 * The device event log: access, intrusion and faults as devices reported
 * them, with where the device is. Names and card numbers are masked here, in
 * the core, so a window never holds them unless it asks for one, by id.
 */
export class EventLog {
  private readonly personOf;

  constructor(private readonly db: Database) {
    this.personOf = db.prepare<[string], { person: string | null }>('SELECT person FROM device_events WHERE id = ?');
  }

  /** Newest first; pages by keyset (at, id), so the millionth page costs what the first does. */
  list(filter: z.output<typeof EventFilter>): DeviceEventEntry[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.types?.length) {
      where.push(`e.type IN (${filter.types.map(() => '?').join(', ')})`);
      params.push(...filter.types);
    }
    const add = (clause: string, value: unknown) => {
      where.push(clause);
      params.push(value);
    };
    if (filter.code !== undefined) add('e.code = ?', filter.code);
    if (filter.area !== undefined) add('d.area = ?', filter.area);
    if (filter.from !== undefined) add('e.at >= ?', filter.from);
    if (filter.to !== undefined) add('e.at < ?', filter.to);
    if (filter.before) {
      // The first term bounds the index range; the second drops the moment's events already seen.
      where.push('e.at <= ? AND (e.at < ? OR e.id < ?)');
      params.push(filter.before.at, filter.before.at, filter.before.id);
    }
    const rows = this.db
      .prepare(
        `SELECT e.id, e.code, e.type, e.severity, e.at, e.zone, e.person, d.name AS device_name, d.area, d.building, d.floor
         FROM device_events e LEFT JOIN devices d ON d.code = e.code
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.at DESC, e.id DESC LIMIT ?`,
      )
      .all(...params, filter.limit) as Row[];
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      deviceName: row.device_name ?? '',
      area: row.area ?? '',
      building: row.building ?? '',
      floor: row.floor ?? '',
      type: row.type,
      severity: row.severity,
      at: row.at,
      zone: row.zone,
      person: row.person === null ? null : maskPerson(row.person),
    }));
  }

  /** One event's person in full (the call is audited by the router). */
  person(id: string): string | null {
    const row = this.personOf.get(id);
    if (!row) throw new ContractError('not_found', `no event ${id}`);
    return row.person;
  }
}
