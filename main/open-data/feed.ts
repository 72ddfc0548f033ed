import { OpenDataFeedSchema, type OpenDataFeed } from '../contract';
import type { Outbox } from '../outbox/outbox';
import { topicOf } from '../site-link/interface/topics';
import type { Database } from '../store/database';
import { rowShaper } from './rows';

/** How long after arrival a row is published: long enough for the ingest batch that holds it to commit. */
const SETTLE_MS = 1000;
const OFF: OpenDataFeed = { enabled: false, kinds: [], classes: ['public'] };
const PLACE = 'd.name AS deviceName, d.area AS area, d.building AS building, d.floor AS floor';

/**
 * Each kind the feed follows, by arrival (a, b): an event as this station
 * stored it, an alarm each time its state changed here or at another
 * station. The outbox id names the record and its version, so a message
 * queued twice goes out once.
 */
const FOLLOWED = {
  events: {
    channel: 'openEvent',
    select: `SELECT e.received_at AS a, e.id AS b, e.id AS id, e.code AS code, e.type AS type, e.severity AS severity, e.at AS at, ${PLACE}, e.zone AS zone, e.person AS person
             FROM device_events e LEFT JOIN devices d ON d.code = e.code
             WHERE e.received_at >= ? AND (e.received_at > ? OR e.id > ?) AND e.received_at < ? ORDER BY e.received_at, e.id LIMIT ?`,
    messageId: (row: Row) => `open-e-${String(row.id)}`,
  },
  alarms: {
    channel: 'openAlarm',
    select: `SELECT a.updated_at AS a, a.id AS b, a.id AS id, a.source AS source, a.type AS type, a.severity AS severity, a.state AS state, a.raised_at AS raisedAt, a.count AS count,
             ${PLACE}, a.by AS by, a.station AS station, a.note AS note
             FROM alarms a LEFT JOIN devices d ON d.code = a.source
             WHERE a.updated_at >= ? AND (a.updated_at > ? OR a.id > ?) AND a.updated_at < ? ORDER BY a.updated_at, a.id LIMIT ?`,
    messageId: (row: Row) => `open-a-${String(row.id)}-${String(row.a)}`,
  },
} as const;
type Row = Record<string, unknown> & { a: number; b: string };

/**
 * The outbound open-data feed for a district platform (数据开放): the rows an
 * export would hold, published through the outbox (so nothing is lost while
 * the broker is away) on vigil/v1/{site}/open/{kind}. Personal fields in
 * scope go out masked, never in full: the platform is outside the site.
 *
 * Every station of a site stores every event, so "the station that
 * ingested it" is all of them; the feed is instead a station's setting, and
 * IT turns it on at the one station that speaks for the site. It follows
 * from the moment it was turned on, not the history (that is an export).
 */
export class OpenDataFeedPublisher {
  private readonly readConfig;
  private readonly writeConfig;
  private readonly readCursor;
  private readonly writeCursor;
  private readonly selects;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
    private readonly site: string,
    private readonly now: () => number = Date.now,
  ) {
    this.readConfig = db.prepare<[], { config: string }>('SELECT config FROM open_data_feed WHERE id = 1');
    this.writeConfig = db.prepare('INSERT INTO open_data_feed (id, config) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET config = excluded.config');
    this.readCursor = db.prepare<[string], { a: number; b: string }>('SELECT a, b FROM open_data_cursors WHERE kind = ?');
    this.writeCursor = db.prepare('INSERT INTO open_data_cursors (kind, a, b) VALUES (?, ?, ?) ON CONFLICT(kind) DO UPDATE SET a = excluded.a, b = excluded.b');
    this.selects = { events: db.prepare(FOLLOWED.events.select), alarms: db.prepare(FOLLOWED.alarms.select) };
  }

  get(): OpenDataFeed {
    const row = this.readConfig.get();
    return row ? OpenDataFeedSchema.parse(JSON.parse(row.config)) : OFF;
  }

  /** A kind newly followed starts from now: what came before is history, for an export. */
  set(config: OpenDataFeed): OpenDataFeed {
    this.db.transaction(() => {
      const before = this.get();
      for (const kind of config.kinds) {
        if (config.enabled && !(before.enabled && before.kinds.includes(kind))) this.writeCursor.run(kind, this.now(), '');
      }
      this.writeConfig.run(JSON.stringify(config));
    })();
    return this.get();
  }

  /** Queues what arrived since the last sweep, at most `limit` rows a kind; returns how many. */
  sweep(limit = 2000): number {
    const config = this.get();
    if (!config.enabled) return 0;
    let queued = 0;
    for (const kind of config.kinds) {
      const shaper = rowShaper(kind, config.classes, 'masked');
      const { channel, messageId } = FOLLOWED[kind];
      const topic = topicOf(channel, { site: this.site });
      this.db.transaction(() => {
        const cursor = this.readCursor.get(kind) ?? { a: this.now(), b: '' };
        // Rows of the last second wait a sweep: a batch still being written may hold more of that millisecond, with smaller ids.
        const rows = this.selects[kind].all(cursor.a, cursor.a, cursor.b, this.now() - SETTLE_MS, limit) as Row[];
        for (const row of rows) this.outbox.add({ id: messageId(row), topic, payload: JSON.stringify(shaper.shape(row)), qos: 1, retain: false });
        const last = rows.at(-1);
        if (last) this.writeCursor.run(kind, last.a, last.b);
        queued += rows.length;
      })();
    }
    return queued;
  }

  start(everyMs = 2000): void {
    this.timer ??= setInterval(() => this.sweep(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
