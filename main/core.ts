import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_ANOMALY_THRESHOLDS, type AnomalyThresholds, type CoreTransport, type SitePosition } from './contract';
import { alarmHandlers } from './alarms/handlers';
import { eventHandlers } from './events/handlers';
import { announceStoredEvents } from './events/announce';
import { EventLog } from './events/service';
import { HybridClock } from './alarms/hlc';
import { AlarmService } from './alarms/service';
import { AuditTrail } from './audit/trail';
import { commandHandlers } from './commands/handlers';
import { CommandService } from './commands/service';
import { authHandlers, userHandlers } from './auth/handlers';
import { AuthService } from './auth/service';
import { SessionManager } from './auth/sessions';
import { UserStore } from './auth/users';
import { deviceHandlers } from './devices/handlers';
import { DeviceRegistry } from './devices/registry';
import { createLogger, type Logger } from './logging/logger';
import { auditHandlers } from './audit/handlers';
import { opsHandlers, opsStatus } from './ops/handlers';
import { diagnosticsHandlers } from './ops/diagnostics-handler';
import { settingsHandlers } from './settings/handlers';
import { Connection } from './router/connection';
import { Hub } from './router/hub';
import { createRouter, joinHandlers } from './router/router';
import { Outbox } from './outbox/outbox';
import { SettingsStore } from './settings/settings';
import { Ingest } from './site-link/ingest';
import { SiteLink, type TlsOptions } from './site-link/link';
import { Quarantine } from './site-link/quarantine';
import { openDatabase, type Database } from './store/database';
import { startRetention } from './store/retention';
import { VERSION } from './version';
import { resolveFfmpeg } from './video/ffmpeg';
import { VideoGateway } from './video/gateway';
import { WarmPool } from './video/warm-pool';
import { videoHandlers } from './video/handlers';
import { PtzService } from './video/ptz';
import { ptzHandlers } from './video/ptz-handlers';
import { CameraSources, findDemoClips } from './video/sources';
import { CameraCredentials } from './video/credentials';
import { RtspRelay } from './video/rtsp-relay';
import { loadDataKeyFile, SecretBox } from './secrets/secret-box';
import { wallHandlers } from './video/walls';
import { screenHandlers } from './screens/handlers';
import { Workspaces } from './screens/workspaces';
import { RuleEngine } from './rules/engine';
import { ruleHandlers } from './rules/handlers';
import { RuleStore } from './rules/store';
import { EnergyCalendar } from './energy/calendar';
import { figuresHandlers } from './ops/figures/handlers';
import { recordLinkHistory } from './ops/figures/link-history';
import { TargetsStore } from './ops/figures/targets';
import { energyHandlers } from './energy/handlers';
import { MeterLedger } from './energy/ledger';
import { resetFinding } from './energy/anomalies/reset';
import { EnergyWatch } from './energy/anomalies/watch';
import { savingHandlers } from './energy/saving/handlers';
import { createLifeServices, type LifeServices } from './services';
import { SavingRunner } from './energy/saving/runner';
import { SavingSchedules } from './energy/saving/schedules';
import { EnergyQueries } from './energy/queries';
import { BuildingRegistry } from './energy/buildings';
import { EnergyCosts } from './energy/costs';
import { TariffStore } from './energy/tariff-store';
import { imageHandlers } from './images/handlers';
import { AlarmRepairs } from './orders/from-alarm';
import { repairFromApp, updateFromApp } from './orders/from-site';
import { orderHandlers } from './orders/handlers';
import { WorkOrders } from './orders/store';
import { ImageStore } from './images/store';
import { noticeHandlers } from './notices/handlers';
import { Notices } from './notices/notices';
import { NoticePublisher } from './notices/publisher';
import { Receipts } from './notices/receipts';
import { DownloadTickets } from './evidence/downloads';
import { EvidenceExports, evidenceHandlers, type EvidenceProvider } from './evidence/handlers';
import { recorderMedia } from './evidence/media';
import { createIncidents, type IncidentModule } from './incidents';
import { incidentEvidence } from './incidents/evidence';
import { incidentsFromWarnings } from './incidents/from-warning';
import type { WarningView } from './contract/warnings';
import { createWarnings, type Warnings } from './warnings';
import { createAuditAnchors } from './audit/anchors';
import { createOpenData, type OpenData } from './open-data';

/** Where the demo park is, and most sites Vigil serves. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
/** Shanghai's People's Square: a site that does not say where it is gets the sun of the default time zone's city. */
const DEFAULT_POSITION: SitePosition = { latitude: 31.23, longitude: 121.47 };

export type CoreOptions = {
  /** Folder for the station database and logs. */
  dataDir: string;
  site: {
    id: string;
    name: string;
    /** The site's brokers, in fail-over order; none for a station without a site (tests). */
    brokers: string[];
    demo: boolean;
    protocolVersion?: 4 | 5;
    /** Broker credentials; the password comes from secure storage, never from argv or env. */
    username?: string;
    password?: string;
    tls?: TlsOptions;
    /** The site's IANA time zone: energy's days and months are its local ones. Default Asia/Shanghai. */
    timeZone?: string;
    /** What counts as an energy anomaly at this site; the defaults when not given. */
    anomalyThresholds?: AnomalyThresholds;
    /** Where the site is, for the sunrise and sunset of its lighting schedules; Shanghai when not given. */
    position?: SitePosition;
  };
  /** This station's name on the site (presence, MQTT client id); defaults to the host name. */
  station?: string;
  /** The key that seals secrets in the database: from the OS keystore in the desktop app; DATA/secrets.key (owner-only) when not given. */
  secretKey?: Buffer;
  logger?: Logger;
  nativeBinding?: string;
  /** Validate handler results against the contract (tests). */
  checkOutputs?: boolean;
  /** How often idle sessions are looked for (tests shorten it). */
  lockSweepMs?: number;
  /**
   * Judge energy anomalies (leaks, overuse, stuck or reset registers, gas left on, silence) on the sweep; default on. Off is
   * an operations and benchmark switch: readings are still stored and rolled
   * up, no anomaly alarm is raised.
   */
  energyAnomalies?: boolean;
  video?: {
    /** An ffmpeg IT chose; else the one shipped with Vigil. */
    ffmpeg?: string;
    /** How long a camera nobody watches keeps streaming, for an instant return. */
    idleStopMs?: number;
  };
  /** An incident's evidence input by id; the site's incidents unless told (tests give their own). */
  evidenceProvider?: EvidenceProvider;
};

export type Core = {
  /** Attaches a window's transport; `origin` names where it comes from for the audit trail. */
  connect(transport: CoreTransport, origin: string): Connection;
  readonly db: Database;
  readonly audit: AuditTrail;
  readonly registry: DeviceRegistry;
  readonly auth: AuthService;
  readonly hub: Hub;
  readonly sessions: SessionManager;
  readonly link: SiteLink | null;
  readonly ingest: Ingest;
  readonly outbox: Outbox;
  readonly alarms: AlarmService;
  readonly rules: RuleStore;
  /** The meters, judged for leaks, overuse, stuck and silent registers, resets and gas left on. */
  readonly energyWatch: EnergyWatch;
  /** The site's energy-saving schedules; the demo seeds its own. */
  readonly savingSchedules: SavingSchedules;
  /** Sends the schedules' steps when due (the core's sweep timer calls it). */
  readonly savingRunner: SavingRunner;
  /** The site's tariffs; the demo seeds its own. */
  readonly tariffs: TariffStore;
  /** Repair photos and announcements' pictures, by hash. */
  readonly images: ImageStore;
  /** The site's repair work orders. */
  readonly orders: WorkOrders;
  /** Residents (as their apps describe them), the life-service catalogue and what is recommended to each; the demo seeds the catalogue. */
  readonly services: LifeServices;
  /** Announcements (社区公告) and their workflow, shared by every station. */
  readonly notices: Notices;
  /** Sends announcements to terminals when due (the core's sweep timer calls it). */
  readonly noticePublisher: NoticePublisher;
  /** Residents' apps and signage screens, and their receipts. */
  readonly receipts: Receipts;
  /** Incidents (事件), their plans, resources and dispatch; openFromWarning and evidence for the other modules. */
  readonly incidents: IncidentModule;
  readonly video: VideoGateway;
  /** Cameras of armed intrusion zones kept streaming for alarm linkage. */
  readonly warm: WarmPool;
  /** Where cameras' streams and credentials come from; the demo seeds its cameras' credentials here. */
  readonly cameras: CameraSources;
  /** One-time links to files the core wrote for a window (evidence packages), served by the web host. */
  readonly downloads: DownloadTickets;
  /** Where evidence.export gets an incident's evidence from; set once incidents exist. */
  setEvidenceProvider(provider: EvidenceProvider | null): void;
  /** Early warnings: their rules (the demo seeds its own), records and engine. */
  readonly warnings: Warnings;
  /** Called inside the transaction when a warning is raised or changes level, here or from another station's copy. */
  onWarning(listener: (warning: WarningView) => void): () => void;
  /** Open data (数据开放): exports and the outbound feed for a district platform. */
  readonly openData: OpenData;
  close(): Promise<void>;
};

/** Builds the core: store, services, router and site link, wired together. */
export function createCore(options: CoreOptions): Core {
  const logger = options.logger ?? createLogger();
  const db = openDatabase(path.join(options.dataDir, 'vigil.db'), { nativeBinding: options.nativeBinding });
  const audit = new AuditTrail(db);
  const settings = new SettingsStore(db);
  const users = new UserStore(db);
  const sessions = new SessionManager();
  const auth = new AuthService(users, sessions, audit, settings);
  const registry = new DeviceRegistry(db);
  const hub = new Hub();

  const quarantine = new Quarantine(db);
  const ingest = new Ingest(db, registry, quarantine, options.site.id);
  // A station name is a topic level and an HLC node: letters, digits, _ . - only.
  const station = (options.station ?? os.hostname()).replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 64);
  const link = options.site.brokers.length
    ? new SiteLink(
        {
          brokers: options.site.brokers,
          site: options.site.id,
          station,
          // Stable across restarts of this station, so the broker keeps its session and queued messages.
          clientId: `vigil-${station}-${createHash('sha256').update(path.resolve(options.dataDir)).digest('hex').slice(0, 8)}`,
          protocolVersion: options.site.protocolVersion,
          username: options.site.username,
          password: options.site.password,
          tls: options.site.tls,
        },
        ingest,
        logger,
      )
    : null;
  link?.onState((state) => hub.broadcast('link.state', state));
  // The link availability figure: every state the link goes through, and 'stopped' when the station shuts down.
  const stopLinkHistory = link ? recordLinkHistory(db, link) : null;
  const outbox = new Outbox(db, logger);
  const clock = new HybridClock(station);
  const alarms = new AlarmService(db, clock, outbox, options.site.id);
  const rules = new RuleStore(db, clock, outbox, options.site.id);
  const ruleEngine = new RuleEngine(rules, registry, (raising) => alarms.raise(raising));
  const commands = new CommandService(db, outbox, options.site.id);
  const calendar = new EnergyCalendar(options.site.timeZone ?? DEFAULT_TIME_ZONE);
  const anomalyThresholds = options.site.anomalyThresholds ?? DEFAULT_ANOMALY_THRESHOLDS;
  const energyWatch = new EnergyWatch(db, calendar, () => anomalyThresholds, () => (link?.linkState.state === 'online' ? link.linkState.since : null));
  const ledger = new MeterLedger(db, calendar, (code, before, after) => energyWatch.findings.keep(resetFinding(code, before, after, calendar), Date.now()));
  const savingSchedules = new SavingSchedules(db, registry, clock, outbox, options.site.id);
  const savingRunner = new SavingRunner(db, { schedules: savingSchedules, registry, commands, audit, calendar, position: options.site.position ?? DEFAULT_POSITION, station });
  const tariffs = new TariffStore(db, clock, outbox, options.site.id);
  const buildings = new BuildingRegistry(db);
  const images = new ImageStore(db, outbox, options.site.id);
  const orders = new WorkOrders(db, clock, outbox, options.site.id);
  const alarmRepairs = new AlarmRepairs(db, orders, (alarm) => energyWatch.findings.anomalyOf(alarm));
  /** Orders opened inside the current ingest batch or sweep, announced once it commits. */
  let openedOrders: string[] = [];
  alarms.onRaised((id) => openedOrders.push(...alarmRepairs.open([id])));
  const services = createLifeServices({ db, clock, outbox, hub, ingest, site: options.site.id, timeZone: options.site.timeZone ?? DEFAULT_TIME_ZONE });
  const notices = new Notices(db, images, clock, outbox, options.site.id);
  const noticePublisher = new NoticePublisher(db, notices, outbox, options.site.id);
  const receipts = new Receipts(db, notices);
  const workspaces = new Workspaces(db, clock, outbox, options.site.id);
  const incidents = createIncidents({ db, clock, outbox, hub, ingest, alarms, site: options.site.id });
  const warnings = createWarnings({ db, clock, outbox, hub, ingest, site: options.site.id });
  warnings.onWarning(incidentsFromWarnings({ db, incidents, rule: (id) => warnings.rules.get(id) }));
  // The audit head, signed and published to the site; every station's anchor checked as it arrives.
  const anchors = createAuditAnchors({ db, audit, outbox, site: options.site.id, station, dataDir: options.dataDir, logger, publish: link !== null });
  ingest.setHooks({
    onEvent: (code, event) => {
      warnings.hooks.onEvent(code, event);
      return [alarms.raiseFromEvent(code, event), ...ruleEngine.onEvent(code, event)].filter((id): id is string => id !== null);
    },
    onTelemetry: (code, telemetry) => {
      warnings.hooks.onTelemetry(code, telemetry);
      return ruleEngine.onTelemetry(code, telemetry);
    },
    onDoor: (code, door, at) => ruleEngine.onDoor(code, door, at),
    onAlarm: (record) => alarms.receive(record),
    onRule: (record) => rules.receive(record),
    onSavingSchedule: (record) => savingSchedules.receive(record),
    onBuilding: (id, info) => buildings.apply(id, info),
    onTariff: (record) => tariffs.receive(record),
    onImage: (hash, image) => images.receive(hash, image),
    onOrder: (record) => orders.receive(record),
    onRepairRequest: (resident, report, receivedAt) => repairFromApp(orders, resident, report, receivedAt),
    onOrderUpdate: (order, update, receivedAt) => updateFromApp(orders, order, update, receivedAt),
    ...services.hooks,
    ...incidents.hooks,
    onNoticeRecord: (record) => notices.receive(record),
    onTerminal: (terminal, info) => void receipts.register(terminal, info),
    onReceipt: (terminal, receipt, receivedAt) => receipts.receive(terminal, receipt, receivedAt),
    onWorkspace: (record) => workspaces.receive(record),
    onAck: (code, ack) => commands.acknowledge(code, ack),
    onReadings: (code, readings, receivedAt) => ledger.record(code, readings, receivedAt),
    endBatch: () => ledger.flush(),
    onWarningRecord: warnings.hooks.onWarningRecord,
    onWarningRule: warnings.hooks.onWarningRule,
    ...anchors.hooks,
  });
  ingest.onCommit((batch) => batch.rules && hub.broadcast('rules.changed', {}));
  ingest.onCommit((batch) => batch.schedules && hub.broadcast('energy.schedulesChanged', {}));
  ingest.onCommit((batch) => batch.commands.size && hub.broadcast('commands.changed', { ids: [...batch.commands] }));
  outbox.onSettled((settled) => {
    const changed = commands.settled(settled);
    if (changed) hub.broadcast('commands.changed', { ids: [changed] });
  });
  // Receipts arrive by the thousand when a notice goes out: windows hear of them at most twice a second.
  const noticesChanged = coalescer(500, (ids) => hub.broadcast('notices.changed', { ids }));
  ingest.onCommit((batch) => {
    noticesChanged.add(batch.notices);
    // Another station's approval may be due now: publish it from here too, so terminals get it whichever station is on line.
    if (batch.notices.size) {
      const sent = db.transaction(() => noticePublisher.sweep(Date.now()))();
      noticesChanged.add(new Set(sent));
    }
  });
  ingest.onCommit((batch) => batch.alarms.size && hub.broadcast('alarms.changed', { ids: [...batch.alarms] }));
  const ordersChanged = (ids: string[]) => {
    if (!ids.length) return;
    hub.broadcast('orders.changed', { ids });
    hub.broadcast('orders.mineChanged', {});
  };
  ingest.onCommit((batch) => {
    ordersChanged([...new Set([...batch.orders, ...openedOrders])]);
    openedOrders = [];
    const lateElsewhere = orders.takeEscalatedElsewhere();
    if (lateElsewhere.length) hub.broadcast('orders.escalated', { ids: lateElsewhere });
  });
  const stopEventNews = announceStoredEvents(ingest, hub);
  // Which stations of the site are on line, from their retained presence and last wills.
  const presence = new Map<string, boolean>();
  ingest.onCommit((batch) => batch.presence.forEach(({ station, presence: p }) => presence.set(station, p.online)));
  outbox.onSettled((settled) => hub.broadcast('outbox.settled', settled));
  if (link) {
    outbox.start(link);
    link.onState((state) => state.state === 'online' && void outbox.pump());
  }

  // Device changes reach windows at most every 100 ms, whatever the message rate; meters, which report
  // every few seconds to 15 minutes, at most once a second.
  const devicesChanged = coalescer(100, (codes) => hub.broadcast('devices.changed', codes.length > 500 ? { codes: [], all: true } : { codes, all: false }));
  const metersChanged = coalescer(1_000, (codes) => hub.broadcast('energy.changed', { meters: codes.slice(0, 500) }));
  ingest.onCommit(({ devices, meters, energySettings }) => {
    devicesChanged.add(devices);
    metersChanged.add(meters);
    // Tariffs and buildings' facts name no meter: an empty list reads every energy view again.
    if (energySettings) hub.broadcast('energy.changed', { meters: [] });
  });
  audit.onAppend((id) => hub.broadcast('audit.appended', { id }));

  const box = new SecretBox(options.secretKey ?? loadDataKeyFile(options.dataDir)!);
  const credentials = new CameraCredentials(db, box);
  const sealed = credentials.sealPlain();
  if (sealed) logger.info({ sealed }, 'camera credentials stored in the clear by an earlier version were sealed');
  // Listening takes a moment; no stream is asked for before a window has signed in.
  const relay = new RtspRelay(logger);
  relay.start().catch((error: Error) => logger.error({ error: error.message }, 'the RTSP relay cannot listen: cameras with a sign-in will not play'));
  const sources = new CameraSources(credentials, registry, options.site.demo ? findDemoClips() : null, relay);
  const video = new VideoGateway({
    ffmpeg: resolveFfmpeg(options.video?.ffmpeg),
    logger,
    resolve: (camera, profile) => sources.resolve(camera, profile),
    recording: (camera, from, to, speed) => sources.recording(camera, from, to, speed),
    idleStopMs: options.video?.idleStopMs,
  });
  // Cameras of armed intrusion zones stay warm; zones arm, disarm and go offline as devices change.
  const warm = new WarmPool({ registry, gateway: video, logger });
  let warmTimer: NodeJS.Timeout | null = null;
  const refreshWarm = () => {
    warmTimer ??= setTimeout(() => {
      warmTimer = null;
      warm.refresh();
    }, 1_000);
  };
  ingest.onCommit(({ devices }) => devices.size && refreshWarm());
  refreshWarm();

  const downloads = new DownloadTickets((token) => sessions.get(token) !== undefined);
  const evidence = new EvidenceExports({
    dataDir: options.dataDir,
    downloads,
    media: recorderMedia({ ffmpeg: resolveFfmpeg(options.video?.ffmpeg), recording: (camera, from, to, speed) => sources.recording(camera, from, to, speed), liveSnapshot: (camera) => video.snapshot(camera) }),
  });
  const openData = createOpenData({ db, audit, outbox, downloads, dataDir: options.dataDir, site: options.site.id, station, publish: link !== null });
  evidence.setProvider(options.evidenceProvider ?? incidentEvidence({ db, incidents, site: { id: options.site.id, name: options.site.name }, station }));

  const queries = new EnergyQueries(db, calendar);
  const handlers = joinHandlers(
    authHandlers({ auth, sessions, site: { name: options.site.name, demo: options.site.demo, version: VERSION } }),
    userHandlers({ auth, users, sessions, hub }),
    deviceHandlers({ registry, siteName: options.site.name, hub }),
    alarmHandlers({ alarms, hub, registry }),
    ruleHandlers({ rules, hub }),
    eventHandlers({ events: new EventLog(db) }),
    commandHandlers({ commands, registry, hub }),
    auditHandlers({ audit }),
    settingsHandlers({ settings, hub }),
    videoHandlers({ gateway: video, sources, dataDir: options.dataDir }),
    wallHandlers({ db }),
    screenHandlers({ db, workspaces }),
    energyHandlers({ queries, findings: energyWatch.findings, calendar, costs: new EnergyCosts({ db, queries, tariffs, buildings, calendar }), tariffs, changed: () => hub.broadcast('energy.changed', { meters: [] }) }),
    savingHandlers({ db, schedules: savingSchedules, runner: savingRunner, hub }),
    ptzHandlers({ ptz: new PtzService(registry, sources) }),
    imageHandlers({ db, images }),
    orderHandlers({ db, orders, images, users, residents: services.residents, calendar, hub }),
    services.handlers,
    incidents.handlers,
    noticeHandlers({ db, notices, receipts, publisher: noticePublisher, hub }),
    opsHandlers({ link, ingest, quarantine, outbox, stationsOnline: () => [...presence.values()].filter(Boolean).length }),
    evidenceHandlers({ exports: evidence }),
    warnings.handlers,
    diagnosticsHandlers({ db, dataDir: options.dataDir, station, site: options.site, settings: () => settings.get(), health: () => opsStatus({ link, ingest, outbox, stationsOnline: () => [...presence.values()].filter(Boolean).length }), downloads, box }),
    anchors.handlers,
    openData.handlers,
    figuresHandlers({ db, calendar, targets: new TargetsStore(db) }),
  );
  const route = createRouter({ handlers, sessions, audit, logger, checkOutputs: options.checkOutputs });

  const lockTimer = setInterval(() => {
    for (const session of sessions.lockIdle(settings.get().sessionLockMinutes * 60_000)) {
      audit.append({ actor: session.username, role: session.role, station: session.station, action: 'auth.lock', target: session.username, outcome: 'ok', detail: { reason: 'inactivity' } });
      for (const connection of hub.bySession(session.token)) connection.emit('session.ended', { reason: 'locked' });
    }
  }, options.lockSweepMs ?? 5_000);
  lockTimer.unref();
  // Alarms nobody acknowledged in time go to the supervisor; windows show it to supervisors and commanders.
  // Each sweep on its own: one that fails (a record it cannot read) is logged and tried again next time, and the others still run.
  const sweep = (name: string, work: () => void) => {
    try {
      work();
    } catch (error) {
      logger.error({ sweep: name, error: error instanceof Error ? error.message : String(error) }, 'a periodic sweep failed');
    }
  };
  const escalationTimer = setInterval(() => {
    sweep('alarms overdue', () => {
      const ids = alarms.newlyOverdue();
      if (ids.length) hub.broadcast('alarms.escalated', { ids });
    });
    // Devices off line past a status rule's time raise their alarms (nothing arrives while they stay so).
    // Energy anomalies are judged on nights and days the meters have reported past (unless a benchmark switched them off).
    sweep('alarm rules and energy anomalies', () => {
      const raised = db.transaction(() => [...ruleEngine.sweep(Date.now()), ...(options.energyAnomalies === false ? [] : energyWatch.sweep(Date.now(), (raising) => alarms.raise(raising)))])();
      if (raised.length) hub.broadcast('alarms.changed', { ids: raised });
    });
    // Repair orders past a deadline go to the supervisor; every station adds the same escalation.
    sweep('repair order deadlines', () => {
      const late = db.transaction(() => orders.escalate(Date.now()))();
      if (late.length) hub.broadcast('orders.escalated', { ids: late });
      ordersChanged([...new Set([...openedOrders, ...late])]);
      openedOrders = [];
    });
    // Response-plan steps still active past their deadline are escalated to the people running the incident, the same at every station.
    sweep('incident plan deadlines', () => incidents.escalate(Date.now()));
    // Energy-saving steps that came due go out as commands.
    sweep('saving steps', () => {
      const sent = db.transaction(() => savingRunner.sweep(Date.now()))();
      if (sent.length) hub.broadcast('commands.changed', { ids: sent });
    });
    // Announcements that came due go to terminals; expired ones are taken back.
    sweep('announcements', () => {
      const published = db.transaction(() => noticePublisher.sweep(Date.now()))();
      if (published.length) hub.broadcast('notices.changed', { ids: published });
    });
    // Warning windows run out and quiet warnings clear by now.
    sweep('warning windows', () => warnings.sweep(Date.now()));
  }, options.lockSweepMs ?? 5_000);
  escalationTimer.unref();
  const stopRetention = startRetention(db, () => settings.get().historyRetentionDays);
  link?.start();

  let nextConnectionId = 1;
  return {
    db,
    audit,
    registry,
    auth,
    hub,
    sessions,
    link,
    ingest,
    outbox,
    alarms,
    rules,
    energyWatch,
    savingSchedules,
    savingRunner,
    tariffs,
    images,
    orders,
    services,
    notices,
    noticePublisher,
    receipts,
    incidents,
    video,
    warm,
    cameras: sources,
    downloads,
    setEvidenceProvider: (provider) => evidence.setProvider(provider),
    warnings,
    onWarning: (listener) => warnings.onWarning(listener),
    openData,
    connect(transport, origin) {
      const connection = new Connection(nextConnectionId++, origin, transport);
      const remove = hub.add(connection);
      transport.onMessage((message) => {
        void route(connection, message).then((result) => result && transport.send(result));
      });
      transport.onClose(() => {
        remove();
        video.closeConnection(connection);
      });
      return connection;
    },
    async close() {
      if (warmTimer) clearTimeout(warmTimer);
      warm.stop();
      video.stop();
      await relay.close();
      clearInterval(lockTimer);
      clearInterval(escalationTimer);
      outbox.stop();
      devicesChanged.stop();
      metersChanged.stop();
      noticesChanged.stop();
      stopEventNews();
      services.stop();
      incidents.stop();
      anchors.stop();
      openData.stop();
      stopRetention();
      await link?.stop();
      stopLinkHistory?.();
      ingest.flush();
      db.close();
    },
  };
}

/** Gathers codes and hands them on at most once per `ms`. */
function coalescer(ms: number, flush: (codes: string[]) => void) {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  return {
    add(codes: Set<string>) {
      if (!codes.size) return;
      for (const code of codes) pending.add(code);
      timer ??= setTimeout(() => {
        const batch = [...pending];
        pending = new Set();
        timer = null;
        flush(batch);
      }, ms);
    },
    stop() {
      if (timer) clearTimeout(timer);
    },
  };
}
