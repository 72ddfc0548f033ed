import type { Database } from 'better-sqlite3';

/**
 * Schema versions, applied in order inside one transaction each and recorded
 * in PRAGMA user_version. Never edit a released migration: add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: users, audit trail, settings, device registry and status history
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    last_sign_in_at INTEGER
  );
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    station TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX audit_actor ON audit(actor, id);
  CREATE INDEX audit_action ON audit(action, id);
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE devices (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    area TEXT NOT NULL,
    building TEXT NOT NULL,
    floor TEXT NOT NULL,
    x REAL,
    y REAL,
    vendor TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    streams TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'unknown',
    status_since INTEGER,
    last_seen INTEGER,
    info_at INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX devices_place ON devices(area, building, floor);
  CREATE INDEX devices_status ON devices(status);
  CREATE TABLE device_history (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    at INTEGER NOT NULL,
    status TEXT NOT NULL
  );
  CREATE INDEX device_history_at ON device_history(at);
  CREATE INDEX device_history_code ON device_history(code, at);
  `,
  // 2: site link: device events (exactly once by id), latest telemetry, quarantine, outbox
  `
  CREATE TABLE device_events (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    type TEXT NOT NULL,
    severity TEXT NOT NULL,
    at INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    zone TEXT,
    person TEXT,
    data TEXT
  ) WITHOUT ROWID;
  CREATE INDEX device_events_at ON device_events(at);
  CREATE INDEX device_events_code ON device_events(code, at);
  CREATE TABLE telemetry_latest (
    code TEXT NOT NULL,
    key TEXT NOT NULL,
    value REAL NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (code, key)
  ) WITHOUT ROWID;
  CREATE TABLE quarantine (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    topic TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    preview TEXT NOT NULL,
    size INTEGER NOT NULL
  );
  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    topic TEXT NOT NULL,
    payload TEXT NOT NULL,
    qos INTEGER NOT NULL,
    retain INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    properties TEXT,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    settled_at INTEGER
  );
  CREATE INDEX outbox_pending ON outbox(state, seq);
  `,
  // 3: alarms shared by every station of the site
  `
  CREATE TABLE alarms (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    type TEXT NOT NULL,
    severity TEXT NOT NULL,
    state TEXT NOT NULL,
    hlc TEXT NOT NULL,
    raised_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    by TEXT,
    station TEXT,
    note TEXT,
    count INTEGER NOT NULL DEFAULT 1
  ) WITHOUT ROWID;
  CREATE INDEX alarms_raised ON alarms(raised_at);
  CREATE INDEX alarms_state ON alarms(state, raised_at);
  CREATE TABLE commands (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    command TEXT NOT NULL,
    params TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    station TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX commands_created ON commands(created_at);
  ALTER TABLE devices ADD COLUMN gateway TEXT;
  CREATE INDEX devices_gateway ON devices(gateway);
  `,
  // 4: camera credentials, kept in the core and never sent to a window; each officer's saved walls; cameras' ONVIF addresses.
  `
  ALTER TABLE devices ADD COLUMN onvif TEXT;
  ALTER TABLE devices ADD COLUMN recording TEXT;
  CREATE TABLE camera_credentials (
    scope TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    password TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE walls (
    username TEXT NOT NULL,
    name TEXT NOT NULL,
    wall TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (username, name)
  ) WITHOUT ROWID;
  `,
  // 5: each officer's screen layouts (a window per monitor); saved walls keep their document in \`body\` like them.
  `
  ALTER TABLE walls RENAME COLUMN wall TO body;
  CREATE TABLE screen_layouts (
    username TEXT NOT NULL,
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (username, name)
  ) WITHOUT ROWID;
  `,
  // 6: the alarm center: repeats folded into an alarm (its last occurrence), procedure steps done, and
  // the area its device was in, so the list filters by area without a join: a page of 100 in 1 000 000.
  `
  ALTER TABLE alarms ADD COLUMN last_at INTEGER NOT NULL DEFAULT 0;
  UPDATE alarms SET last_at = raised_at;
  ALTER TABLE alarms ADD COLUMN steps INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE alarms ADD COLUMN area TEXT NOT NULL DEFAULT '';
  UPDATE alarms SET area = coalesce((SELECT area FROM devices WHERE code = alarms.source), '');
  CREATE INDEX alarms_fold ON alarms(source, type, raised_at);
  CREATE INDEX alarms_severity ON alarms(severity, raised_at);
  CREATE INDEX alarms_type ON alarms(type, raised_at);
  CREATE INDEX alarms_area ON alarms(area, raised_at);
  CREATE INDEX alarms_area_type ON alarms(area, type, raised_at);
  `,
  // 7: doors' and intrusion zones' own states; the event log by type (the access log).
  `
  ALTER TABLE devices ADD COLUMN door_state TEXT;
  ALTER TABLE devices ADD COLUMN zone_state TEXT;
  CREATE INDEX device_events_type ON device_events(type, at);
  `,
  // 8: alarm rules, shared by the site (a deleted rule stays as a tombstone); a rule's alarm names its rule,
  // and repeats fold per rule, not per device alone.
  `
  CREATE TABLE rules (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    hlc TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  ALTER TABLE alarms ADD COLUMN rule_id TEXT;
  ALTER TABLE alarms ADD COLUMN rule TEXT;
  `,
  // 9: open alarms by area: a page of the open ones in an area reads them, not every alarm of the area.
  `
  CREATE INDEX alarms_area_state ON alarms(area, state, raised_at);
  `,
  // 10: energy: meters' accepted register readings, what they used rolled up by 15 minutes, hour, day and month
  // (step 0–3), each meter's register as last accepted (the baseline of the next span), and readings refused.
  `
  CREATE TABLE meter_readings (
    code TEXT NOT NULL,
    at INTEGER NOT NULL,
    value REAL NOT NULL,
    PRIMARY KEY (code, at)
  ) WITHOUT ROWID;
  CREATE TABLE energy_rollups (
    code TEXT NOT NULL,
    step INTEGER NOT NULL,
    start INTEGER NOT NULL,
    amount REAL NOT NULL,
    PRIMARY KEY (code, step, start)
  ) WITHOUT ROWID;
  CREATE TABLE meter_state (
    code TEXT PRIMARY KEY,
    last_at INTEGER,
    last_value REAL,
    suspect_at INTEGER,
    suspect_value REAL,
    instant TEXT NOT NULL DEFAULT '{}',
    flag_reason TEXT,
    flag_at INTEGER,
    flag_count INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  CREATE TABLE meter_quarantine (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    at REAL NOT NULL,
    value REAL,
    reason TEXT NOT NULL,
    received_at INTEGER NOT NULL
  );
  CREATE INDEX meter_quarantine_code ON meter_quarantine(code, id);
  `,
  // 11: what each energy anomaly alarm found (the night, what flowed, what is usual), for its detail.
  `
  CREATE TABLE energy_anomalies (
    alarm_id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    value REAL NOT NULL,
    baseline REAL NOT NULL,
    detected_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  // 12: open alarms by severity: the critical ones still open are a range, not a filter over every critical alarm of the year.
  `
  CREATE INDEX alarms_state_severity ON alarms(state, severity, raised_at);
  `,
  // 13: energy anomalies of every kind: their chart's hours and profile (detail), when the alarm is raised, and whether it has been.
  `
  ALTER TABLE energy_anomalies ADD COLUMN detail TEXT;
  ALTER TABLE energy_anomalies ADD COLUMN at INTEGER;
  ALTER TABLE energy_anomalies ADD COLUMN raised INTEGER NOT NULL DEFAULT 1;
  CREATE INDEX energy_anomalies_pending ON energy_anomalies(raised) WHERE raised = 0;
  CREATE INDEX energy_anomalies_meter ON energy_anomalies(code, kind, day);
  `,
  // 14: energy-saving schedules, shared by the site like alarm rules; what each run of a step did to each device.
  `
  CREATE TABLE saving_schedules (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    hlc TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
  CREATE TABLE saving_runs (
    id TEXT PRIMARY KEY,
    schedule TEXT NOT NULL,
    step INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    device TEXT NOT NULL,
    refused TEXT
  ) WITHOUT ROWID;
  CREATE INDEX saving_runs_due ON saving_runs(due_at);
  `,
  // 15: what energy costs: buildings' facts from the site (per m², per resident) and the site's tariffs, shared like rules.
  `
  CREATE TABLE buildings (id TEXT PRIMARY KEY, name TEXT NOT NULL, floor_area REAL, residents INTEGER, at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE energy_tariff (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL, hlc TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at INTEGER NOT NULL);
  `,
  // 16: images by the SHA-256 of their bytes (repair photos, announcements' pictures), shared over images/{hash}.
  `
  CREATE TABLE images (hash TEXT PRIMARY KEY, type TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL, size INTEGER NOT NULL, bytes BLOB NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID;
  `,
  // 17: repair work orders: the shared record (every event) and, read from it, the columns the list, board, SLA sweep and figures use.
  // An order whose creation has not arrived yet has a record and a null state.
  `
  CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    record TEXT NOT NULL,
    state TEXT,
    priority TEXT NOT NULL,
    category TEXT NOT NULL,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    building TEXT NOT NULL,
    assignee TEXT,
    alarm TEXT,
    resident TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    respond_by INTEGER NOT NULL,
    complete_by INTEGER NOT NULL,
    completed_at INTEGER,
    rating INTEGER,
    escalated TEXT NOT NULL
  );
  CREATE INDEX orders_created ON orders(created_at);
  CREATE INDEX orders_completed ON orders(completed_at);
  CREATE INDEX orders_state ON orders(state);
  `,
  // 18: life services: residents as their apps describe them (contact kept apart from what the recommender reads), and the
  // site's catalogue, shared like rules.
  `
  CREATE TABLE residents (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL, unit TEXT,
    building TEXT NOT NULL, household TEXT NOT NULL, interests TEXT NOT NULL, consent INTEGER NOT NULL, ts INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE service_catalogue (id TEXT PRIMARY KEY, body TEXT NOT NULL, hlc TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
  `,
  // 19: announcements (社区公告) shared like rules; what this station last published of each to terminals; the site's
  // residents' apps and signage screens; their receipts, counted once per notice, terminal and status, and the receipt ids seen.
  `
  CREATE TABLE notices (id TEXT PRIMARY KEY, body TEXT NOT NULL, hlc TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
  CREATE TABLE notice_sent (notice TEXT PRIMARY KEY, key TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE terminals (id TEXT PRIMARY KEY, kind TEXT NOT NULL, building TEXT, unit TEXT, name TEXT, at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE notice_receipts (notice TEXT NOT NULL, terminal TEXT NOT NULL, status TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (notice, terminal, status)) WITHOUT ROWID;
  CREATE TABLE notice_receipt_ids (id TEXT PRIMARY KEY, at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX notice_receipt_ids_at ON notice_receipt_ids(at);
  `,
  // 20: screen layouts shared by every station, so they follow the officer to any desk (one record per officer)
  `
  CREATE TABLE workspaces (id TEXT PRIMARY KEY, body TEXT NOT NULL, hlc TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
  INSERT INTO workspaces (id, body, hlc, updated_by, updated_at)
    SELECT username, json_object('id', username, 'layouts', json_group_array(json(body)), 'openOnSignIn', NULL), '0000000000000:0000:seed', username, max(updated_at)
    FROM (SELECT * FROM screen_layouts ORDER BY username, name) GROUP BY username;
  DROP TABLE screen_layouts;
  `,
  // 21: incidents (事件): the shared record (every event) and the summary the board reads; response plans and dispatchable
  // resources shared like rules.
  `
  CREATE TABLE incidents (id TEXT PRIMARY KEY, record TEXT NOT NULL, summary TEXT, opened_at INTEGER NOT NULL, closed_at INTEGER) WITHOUT ROWID;
  CREATE INDEX incidents_opened ON incidents(opened_at);
  CREATE TABLE incident_plans (id TEXT PRIMARY KEY, body TEXT NOT NULL, hlc TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
  CREATE TABLE incident_resources (id TEXT PRIMARY KEY, body TEXT NOT NULL, hlc TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
  `,
  // 22: early warnings: the site's warning rules shared like alarm rules; each warning as the set of its events, with the columns the
  // list reads; telemetry history for dry runs, keyed so a rule's metric over a time range is one range of the primary key, in time order.
  `
  CREATE TABLE warning_rules (id TEXT PRIMARY KEY, body TEXT NOT NULL, hlc TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
  CREATE TABLE warnings (
    id TEXT PRIMARY KEY, record TEXT NOT NULL, active INTEGER NOT NULL, level INTEGER, hazard TEXT, raised_at INTEGER, changed_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX warnings_changed ON warnings(active, changed_at);
  CREATE TABLE telemetry_history (metric TEXT NOT NULL, at INTEGER NOT NULL, code TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (metric, at, code)) WITHOUT ROWID;
  `,
  // 23: audit anchors: the last signed audit head held for each other station with the key first seen for it, this station's
  // own last published anchor with its site (which the signature covers, for `vigil audit verify` offline; cut: its trail was found
  // cut since, so the next anchor names no previous), and what they revealed, each kept once (see AnchorBook's onceKey).
  `
  CREATE TABLE audit_anchors (station TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, anchor TEXT NOT NULL, received_at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE audit_anchor_own (station TEXT PRIMARY KEY, site TEXT NOT NULL, anchor TEXT NOT NULL, cut INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
  CREATE TABLE audit_anchor_findings (
    id INTEGER PRIMARY KEY, station TEXT NOT NULL, kind TEXT NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL, reason TEXT NOT NULL, at INTEGER NOT NULL,
    once TEXT NOT NULL UNIQUE
  );
  `,
  // 24: open data (数据开放): the outbound feed's scope, as IT set it, and how far it has published each kind (a key (a, b) in the
  // order it follows); events and alarms by arrival, so one that arrives late with an old time still goes out.
  `
  CREATE TABLE open_data_feed (id INTEGER PRIMARY KEY CHECK (id = 1), config TEXT NOT NULL);
  CREATE TABLE open_data_cursors (kind TEXT PRIMARY KEY, a INTEGER NOT NULL, b TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX device_events_received ON device_events(received_at);
  CREATE INDEX alarms_updated ON alarms(updated_at);
  `,
  // 25: service figures: when each alarm was first acknowledged and first resolved (kept from the shared record, so another station's
  // acknowledgement counts at its own time), the site link's up and down changes ('stopped' when the station shut down), and the
  // service targets and shifts IT sets for this station's SLA report.
  `
  ALTER TABLE alarms ADD COLUMN acknowledged_at INTEGER;
  ALTER TABLE alarms ADD COLUMN resolved_at INTEGER;
  CREATE TABLE link_history (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, state TEXT NOT NULL);
  CREATE INDEX link_history_at ON link_history(at);
  CREATE TABLE ops_targets (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at INTEGER NOT NULL);
  -- A month's status changes and event arrival times read from the time indexes alone (no lookup per row); they replace the
  -- indexes on time only, which served the same ranges (retention, the event log), so ingest keeps one index each.
  CREATE INDEX device_history_at_status ON device_history(at, code, status);
  DROP INDEX device_history_at;
  CREATE INDEX device_events_at_received ON device_events(at, received_at);
  DROP INDEX device_events_at;
  `,
  // incidents' plan deadlines: the earliest deadline of an active step not yet escalated, for the sweep to find by index. Running
  // incidents from before start at 0: the first sweep reads each once and sets it.
  `
  ALTER TABLE incidents ADD COLUMN next_due INTEGER;
  UPDATE incidents SET next_due = 0 WHERE summary IS NOT NULL AND closed_at IS NULL;
  CREATE INDEX incidents_next_due ON incidents(next_due) WHERE next_due IS NOT NULL;
  `,
];

export function migrate(db: Database, target = MIGRATIONS.length): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema ${current} is newer than this Vigil (${MIGRATIONS.length}); update Vigil`);
  }
  for (let version = current; version < target; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
