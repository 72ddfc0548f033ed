import { TariffSchema, type Tariff } from '../contract';
import { compareHlc, formatHlc, parseHlc, type HybridClock } from '../alarms/hlc';
import type { Outbox } from '../outbox/outbox';
import type { TariffMessage } from '../site-link/interface/payloads';
import { topicOf } from '../site-link/interface/topics';
import type { Database } from '../store/database';

type Row = { body: string; hlc: string; updated_by: string; updated_at: number };
export type TariffRecord = Tariff & { updatedBy: string; updatedAt: number };

/** The tariff part of a shared record, in a fixed key order so equal tariffs compare equal as text. */
const bodyOf = ({ currency, electricity, water, gas }: Tariff): string => JSON.stringify({ currency, electricity, water, gas });

/**
 * The site's tariffs as this station knows them: one document, shared as a
 * retained message like the alarm rules. A change made here is stored and
 * published; another station's is taken when its hybrid logical clock is
 * later, so the last change wins at every station.
 */
export class TariffStore {
  private readonly select;
  private readonly upsert;

  constructor(
    db: Database,
    private readonly clock: HybridClock,
    private readonly outbox: Outbox,
    private readonly site: string,
  ) {
    this.select = db.prepare<[], Row>('SELECT body, hlc, updated_by, updated_at FROM energy_tariff WHERE id = 1');
    this.upsert = db.prepare(
      `INSERT INTO energy_tariff (id, body, hlc, updated_by, updated_at) VALUES (1, @body, @hlc, @updatedBy, @updatedAt)
       ON CONFLICT(id) DO UPDATE SET body = excluded.body, hlc = excluded.hlc, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    );
  }

  /** The tariffs in force, or null on a site where nobody has set them. */
  get(): TariffRecord | null {
    const row = this.select.get();
    return row ? { ...TariffSchema.parse(JSON.parse(row.body)), updatedBy: row.updated_by, updatedAt: row.updated_at } : null;
  }

  save(tariff: Tariff, user: string): TariffRecord {
    const record: TariffMessage = { ...TariffSchema.parse(tariff), hlc: formatHlc(this.clock.tick()), updatedBy: user };
    this.apply(record);
    this.outbox.add({ id: `tariff@${record.hlc}`, topic: topicOf('tariff', { site: this.site }), payload: JSON.stringify(record), qos: 1, retain: true });
    return this.get()!;
  }

  /** Another station's tariffs; true when they were newer. Runs inside the ingest's transaction. */
  receive(record: TariffMessage): boolean {
    const stamp = parseHlc(record.hlc);
    if (!stamp) return false;
    this.clock.receive(stamp);
    return this.apply(record);
  }

  /** Tariffs a new station starts with (the demo park's): stamped at the clock's beginning so any change wins, and not published. */
  seed(tariff: Tariff): void {
    this.apply({ ...tariff, hlc: formatHlc({ millis: 0, counter: 0, node: 'seed' }), updatedBy: 'Vigil' });
  }

  /** Last writer wins by hlc; equal clocks (only forged copies) fall back to the text, so every station picks the same. */
  private apply(record: TariffMessage): boolean {
    const row = this.select.get();
    const body = bodyOf(record);
    const stamp = parseHlc(record.hlc)!;
    if (row && (compareHlc(stamp, parseHlc(row.hlc)!) || (body === row.body ? 0 : body > row.body ? 1 : -1)) <= 0) return false;
    // When it was changed is the change's own clock, the same at every station.
    this.upsert.run({ body, hlc: record.hlc, updatedBy: record.updatedBy, updatedAt: stamp.millis });
    return true;
  }
}
