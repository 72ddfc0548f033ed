import { compareHlc, formatHlc, parseHlc, type HybridClock } from '../alarms/hlc';
import type { Outbox } from '../outbox/outbox';
import type { Database } from '../store/database';

/** A record as shared over the site link: its draft, when (hybrid logical clock) and by whom it was last changed, and whether it is deleted. */
export type SharedMessage<D> = D & { hlc: string; updatedBy: string; deleted: boolean };
export type SharedRecord<D> = D & { updatedBy: string; updatedAt: number };

type Row = { id: string; body: string; hlc: string; updated_by: string; updated_at: number; deleted: number };

/**
 * Records every station of a site keeps the same copy of (alarm rules,
 * energy-saving schedules). A change made here is stored and published as
 * the record's retained message; a change from another station is taken
 * when its hybrid logical clock is later, so the later edit wins
 * everywhere. Deleted records stay as tombstones so a station that was away
 * learns of the deletion. `generation` grows with every change, so users of
 * the records know when to look again.
 */
export class SharedRecords<D extends { id: string }> {
  private changes = 0;
  private readonly select;
  private readonly selectAll;
  private readonly upsert;

  constructor(
    private readonly db: Database,
    private readonly clock: HybridClock,
    private readonly outbox: Outbox,
    private readonly spec: {
      /** A table of the columns in Row. */
      table: string;
      /** The retained topic of a record. */
      topic: (id: string) => string;
      /** The draft part of a message, checked, in a fixed key order so equal drafts compare equal as text. */
      body: (draft: D) => string;
      parse: (body: unknown) => D;
    },
  ) {
    this.select = db.prepare<[string], Row>(`SELECT * FROM ${spec.table} WHERE id = ?`);
    this.selectAll = db.prepare<[], Row>(`SELECT * FROM ${spec.table} WHERE deleted = 0`);
    this.upsert = db.prepare(
      `INSERT INTO ${spec.table} (id, body, hlc, updated_by, updated_at, deleted) VALUES (@id, @body, @hlc, @updatedBy, @updatedAt, @deleted)
       ON CONFLICT(id) DO UPDATE SET body = excluded.body, hlc = excluded.hlc, updated_by = excluded.updated_by, updated_at = excluded.updated_at, deleted = excluded.deleted`,
    );
  }

  get generation(): number {
    return this.changes;
  }

  /** The records not deleted. */
  list(): SharedRecord<D>[] {
    return this.selectAll.all().map((row) => this.toRecord(row));
  }

  get(id: string): SharedRecord<D> | null {
    const row = this.select.get(id);
    return row && !row.deleted ? this.toRecord(row) : null;
  }

  /** Stores and publishes a change made at this station. Inside a transaction. */
  share(draft: D, user: string, deleted = false): void {
    const record: SharedMessage<D> = { ...draft, hlc: formatHlc(this.clock.tick()), updatedBy: user, deleted };
    this.apply(record);
    this.outbox.add({ id: `${this.spec.table}-${record.id}@${record.hlc}`, topic: this.spec.topic(record.id), payload: JSON.stringify(record), qos: 1, retain: true });
  }

  /** Deletes a record here and at every station, as a tombstone; false when there is none. Inside a transaction. */
  remove(id: string, user: string): boolean {
    const row = this.select.get(id);
    if (!row || row.deleted) return false;
    this.share(this.spec.parse(JSON.parse(row.body)), user, true);
    return true;
  }

  /** Another station's version of a record; true when it was newer. Runs inside the ingest's transaction. */
  receive(record: SharedMessage<D>): boolean {
    const stamp = parseHlc(record.hlc);
    if (!stamp) return false;
    this.clock.receive(stamp);
    return this.apply(record);
  }

  /**
   * Records a new station starts with (the demo park's): stored where no
   * version exists, stamped at `at` (the clock's beginning unless told) so
   * any edit wins, and not published (every station seeds the same).
   */
  seed(drafts: readonly D[], at = 0): void {
    this.db.transaction(() => {
      for (const draft of drafts) this.apply({ ...draft, hlc: formatHlc({ millis: at, counter: 0, node: 'seed' }), updatedBy: 'Vigil', deleted: false });
    })();
  }

  /** Last writer wins by hlc; equal clocks (only forged copies) fall back to the text, so every station picks the same. */
  private apply(record: SharedMessage<D>): boolean {
    const row = this.select.get(record.id);
    const body = this.spec.body(record);
    const stamp = parseHlc(record.hlc)!;
    if (row) {
      const [mine, theirs] = [`${body}${record.deleted ? 1 : 0}`, `${row.body}${row.deleted}`];
      if ((compareHlc(stamp, parseHlc(row.hlc)!) || (mine === theirs ? 0 : mine > theirs ? 1 : -1)) <= 0) return false;
    }
    // When it was changed is the change's own clock, the same at every station.
    this.upsert.run({ id: record.id, body, hlc: record.hlc, updatedBy: record.updatedBy, updatedAt: stamp.millis, deleted: record.deleted ? 1 : 0 });
    this.changes++;
    return true;
  }

  private toRecord(row: Row): SharedRecord<D> {
    return { ...this.spec.parse(JSON.parse(row.body)), updatedBy: row.updated_by, updatedAt: row.updated_at };
  }
}
