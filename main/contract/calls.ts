import { z } from 'zod';
import type { Permission } from './permissions';
import {
  AlarmFilter,
  DeviceEventSchema,
  EventFilter,
  AlarmLinkageSchema,
  AlarmSchema,
  AuditEntrySchema,
  AuditVerification,
  CommandSchema,
  DeviceCode,
  DeviceFilter,
  DeviceSchema,
  DeviceTreeNodeSchema,
  DisplayName,
  IngestStatsSchema,
  LinkStateSchema,
  OutboxStatsSchema,
  QuarantineEntrySchema,
  Password,
  RoleSchema,
  SessionSchema,
  SettingsSchema,
  Timestamp,
  UserSchema,
  Username,
} from './schemas';
import { RuleDraftSchema, RuleId, RuleSchema } from './rules';
import { ScreenLayoutSchema, WorkspaceViewSchema } from './screens';
import { AnomalySchema } from './energy-anomalies';
import { RecommendationSchema, ResidentContactSchema, ResidentId, ResidentViewSchema, ServiceDraftSchema, ServiceId, ServiceSchema } from './services';
import { PlannedRunSchema, SavingEstimateSchema, SavingRunSchema, SavingScheduleDraftSchema, SavingScheduleSchema, SitePositionSchema } from './energy-saving';
import { EnergyBreakdownInput, EnergyPeriodSchema, EnergyBreakdownSchema, EnergyKindSchema, EnergySeriesInput, EnergySeriesSchema, MeterQuarantineEntrySchema, MeterSchema } from './energy';
import { BuildingIntensitySchema, EnergyCostInput, EnergyCostSchema, EnergyIntensityInput, EnergyTopInput, EnergyTopSchema, TariffRecordSchema, TariffSchema } from './tariffs';
import { ORDER_PRIORITIES, OrderDetailSchema, OrderDraftSchema, OrderFiguresSchema, OrderId, OrderSummarySchema, Rating } from './orders';
import { IncidentActionSchema, IncidentDetailSchema, IncidentDraftSchema, IncidentFiguresSchema, IncidentId, IncidentSummarySchema, PlanDraftSchema, PlanSchema, ResourceDraftSchema, ResourceId, ResourceSchema } from './incidents';
import { IMAGE_MAX_BASE64, ImageHash, ImageRefSchema, ImageSchema } from './images';
import { NoticeDraftSchema, NoticeFilter, NoticeId, NoticeReceiptsSchema, NoticeSchema } from './notices';
import { EvidenceExportInput, EvidenceExportSchema } from './evidence';
import { DiagnosticsBundleSchema } from './diagnostics';
import { OpenDataExportInput, OpenDataExportSchema, OpenDataFeedSchema } from './open-data';
import { StationAnchorSchema } from './audit-anchors';
import { FiguresInput, FiguresSchema, SLA_LANGUAGES, SlaReportSchema, TargetsSchema, TargetsViewSchema } from './ops-figures';
import { WarningDryRunInput, WarningDryRunSchema, WarningId, WarningRuleDraftSchema, WarningRuleSchema, WarningViewSchema } from './warnings';
import { MAX_STREAMS_PER_WINDOW, PlaybackSpeed, PtzPresetSchema, PtzSpeed, SnapshotSchema, StreamHealthSchema, VideoProfile, WallSchema } from './video';

/**
 * Who may make a call: anyone on the transport ('public'), any signed-in
 * user whose session is not locked ('signed-in'), or holders of a permission.
 */
export type Access = 'public' | 'signed-in' | Permission;

export type CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  input: I;
  output: O;
  access: Access;
  /** Calls that change something are appended to the audit trail by the router. */
  audited: boolean;
  /** May be made while the session is locked (signing out of a locked station). */
  whileLocked: boolean;
  /** Input fields the audit trail leaves out beyond passwords and tokens (a camera's user name: half its sign-in). */
  secret: readonly string[];
};

function call<I extends z.ZodType, O extends z.ZodType>(
  access: Access,
  input: I,
  output: O,
  { audited = false, whileLocked = false, secret = [] as readonly string[] } = {},
): CallDef<I, O> {
  return { input, output, access, audited, whileLocked, secret };
}

const Empty = z.strictObject({});
/** What an officer does to an alarm; each moves it to the state of the same place in ALARM_STATES. */
export const ALARM_ACTIONS = ['acknowledge', 'handle', 'resolve', 'close'] as const;
const Ok = z.object({ ok: z.literal(true) });

/** Every call between a window and the core. */
export const calls = {
  'auth.status': call(
    'public',
    Empty,
    z.object({ needsSetup: z.boolean(), site: z.string(), demo: z.boolean(), version: z.string() }),
  ),
  'auth.setup': call(
    'public',
    z.strictObject({ username: Username, displayName: DisplayName, password: Password, station: z.string().max(64) }),
    SessionSchema,
  ),
  'auth.signIn': call(
    'public',
    z.strictObject({ username: z.string().max(64), password: Password, station: z.string().max(64) }),
    SessionSchema,
  ),
  'auth.resume': call('public', z.strictObject({ token: z.string().max(128) }), SessionSchema),
  'auth.unlock': call('public', z.strictObject({ token: z.string().max(128), password: Password }), SessionSchema),
  'auth.signOut': call('signed-in', Empty, Ok, { whileLocked: true }),
  'auth.heartbeat': call('signed-in', z.strictObject({ active: z.boolean() }), z.object({ lockInMs: z.number() })),
  'auth.changePassword': call(
    'signed-in',
    z.strictObject({ current: Password, next: Password }),
    Ok,
    { audited: true },
  ),

  /** Newest first; page on with `before`. */
  'alarms.list': call('alarms.read', AlarmFilter, z.array(AlarmSchema)),
  /** The alarms named (after an alarms.changed event); unknown ids are left out. */
  'alarms.get': call('alarms.read', z.strictObject({ ids: z.array(z.string().max(64)).min(1).max(1000) }), z.array(AlarmSchema)),
  /** Marks a step of the alarm's procedure done; steps are never undone. */
  'alarms.step': call('alarms.handle', z.strictObject({ id: z.string().max(64), step: z.number().int().min(0).max(30) }), AlarmSchema, { audited: true }),
  /** The site's alarm rules, by name. */
  'rules.list': call('alarms.read', Empty, z.array(RuleSchema)),
  /** Creates or replaces a rule (by id) and shares it with every station. */
  'rules.save': call('rules.manage', RuleDraftSchema, RuleSchema, { audited: true }),
  'rules.delete': call('rules.manage', z.strictObject({ id: RuleId }), Ok, { audited: true }),
  'alarms.linkage': call('alarms.read', z.strictObject({ id: z.string().max(64) }), AlarmLinkageSchema),

  /** The device event log (access, intrusion, faults), newest first, personal data masked. */
  'events.list': call('devices.read', EventFilter, z.array(DeviceEventSchema)),
  /** One event's person in full: only for roles allowed to, and the audit trail records who looked. */
  'events.person': call('personal.read', z.strictObject({ id: z.string().max(64) }), z.object({ person: z.string().nullable() }), { audited: true }),
  'alarms.act': call(
    'alarms.handle',
    z.strictObject({ id: z.string().max(64), action: z.enum(ALARM_ACTIONS), note: z.string().trim().max(1000).optional() }),
    AlarmSchema,
    { audited: true },
  ),

  'devices.tree': call('devices.read', Empty, DeviceTreeNodeSchema),
  'devices.list': call(
    'devices.read',
    DeviceFilter,
    z.object({ total: z.number().int(), items: z.array(DeviceSchema) }),
  ),
  'devices.get': call('devices.read', z.strictObject({ code: DeviceCode }), DeviceSchema),
  'devices.command': call(
    'devices.command',
    z.strictObject({
      code: DeviceCode,
      command: z.string().regex(/^[a-z][a-z0-9_.]{1,63}$/, 'command: lower-case name such as door.open'),
      params: z.record(z.string().max(32), z.union([z.string().max(256), z.number(), z.boolean()])).default({}),
      /** Never acted on after this many seconds: a door must not open minutes after the officer asked. */
      ttlSeconds: z.number().int().min(5).max(600).default(30),
    }),
    CommandSchema,
    { audited: true },
  ),
  'devices.commands': call(
    'devices.read',
    z.strictObject({ code: DeviceCode.optional(), limit: z.number().int().min(1).max(500).default(50) }),
    z.array(CommandSchema),
  ),
  'devices.place': call(
    'devices.edit',
    z.strictObject({ code: DeviceCode, x: z.number().min(0).max(1), y: z.number().min(0).max(1) }),
    Ok,
    { audited: true },
  ),

  /** Opens a live stream for this window: `video.state` events and binary frames follow for the id returned. */
  'video.open': call(
    'video.live',
    z.strictObject({
      camera: DeviceCode,
      profile: VideoProfile.default('main'),
      h265: z.boolean().default(false),
      /** With the camera's sound (encoded to AAC for the window); silent by default. */
      audio: z.boolean().default(false),
    }),
    z.object({ stream: z.number().int(), limit: z.literal(MAX_STREAMS_PER_WINDOW) }),
  ),
  'video.close': call('signed-in', z.strictObject({ stream: z.number().int().positive() }), Ok),
  /** Plays a camera's recording for this window; `video.state` and frames follow as for live video, `ended` at the end. */
  'video.playback': call(
    'video.playback',
    z
      .strictObject({
        camera: DeviceCode,
        from: z.number().int().nonnegative(),
        to: z.number().int().nonnegative(),
        speed: PlaybackSpeed.default(1),
        h265: z.boolean().default(false),
      })
      .refine((range) => range.to > range.from && range.to - range.from <= 24 * 3600_000, 'to must follow from, within 24 hours'),
    z.object({ stream: z.number().int() }),
    { audited: true },
  ),
  /** Jumps a playback to a time in its range, or changes its speed. */
  'video.seek': call(
    'video.playback',
    z.strictObject({ stream: z.number().int().positive(), at: z.number().int().nonnegative(), speed: PlaybackSpeed.default(1) }),
    Ok,
  ),
  'video.snapshot': call('video.live', z.strictObject({ camera: DeviceCode }), SnapshotSchema, { audited: true }),
  'video.health': call('ops.read', Empty, z.array(StreamHealthSchema)),
  'video.credentials': call(
    'devices.edit',
    z.strictObject({
      /** A camera, or '*' for the site's default. */
      scope: z.union([DeviceCode, z.literal('*')]),
      username: z.string().min(1).max(64),
      password: z.string().max(128),
    }),
    Ok,
    { audited: true, secret: ['username'] },
  ),

  /** Pan-tilt-zoom over ONVIF. Moves are not audited: holding a control sends one every couple of seconds. */
  'ptz.move': call('video.ptz', z.strictObject({ camera: DeviceCode, x: PtzSpeed, y: PtzSpeed, zoom: PtzSpeed }), Ok),
  'ptz.stop': call('video.ptz', z.strictObject({ camera: DeviceCode }), Ok),
  'ptz.presets': call('video.ptz', z.strictObject({ camera: DeviceCode }), z.array(PtzPresetSchema)),
  'ptz.goto': call('video.ptz', z.strictObject({ camera: DeviceCode, preset: z.string().min(1).max(64) }), Ok, { audited: true }),

  /** The signed-in officer's saved walls: theirs alone, on every station they sign in at. */
  /**
   * An image for a record (a repair photo, an announcement's picture): checked by its bytes, stored by hash, shared with the
   * site. Anyone signed in may add one; it shows nowhere until a record they may change refers to it.
   */
  'images.put': call('signed-in', z.strictObject({ data: z.string().max(IMAGE_MAX_BASE64 + 4) }), ImageRefSchema),
  'images.get': call('signed-in', z.strictObject({ hash: ImageHash }), ImageSchema.nullable()),
  /** Every repair order of the site, newest first (the list and board filter in the window). */
  'orders.list': call('orders.read', Empty, z.array(OrderSummarySchema)),
  /** A technician's own orders. */
  'orders.mine': call('orders.work', Empty, z.array(OrderSummarySchema)),
  /** One order with its timeline: for readers of every order, and for the technician it is assigned to. */
  'orders.get': call('signed-in', z.strictObject({ id: OrderId }), OrderDetailSchema),
  'orders.create': call('orders.create', OrderDraftSchema, OrderDetailSchema, { audited: true }),
  'orders.assign': call('orders.manage', z.strictObject({ id: OrderId, technician: z.string().min(1).max(64) }), OrderDetailSchema, { audited: true }),
  'orders.prioritise': call('orders.manage', z.strictObject({ id: OrderId, priority: z.enum(ORDER_PRIORITIES) }), OrderDetailSchema, { audited: true }),
  /** Close a completed order the resident did not confirm, or cancel an open one; with the reason. */
  'orders.end': call('orders.manage', z.strictObject({ id: OrderId, action: z.enum(['close', 'cancel']), text: z.string().trim().min(1, 'say why').max(500) }), OrderDetailSchema, { audited: true }),
  /** The assigned technician's steps. */
  'orders.work': call('orders.work', z.strictObject({ id: OrderId, action: z.enum(['accept', 'start', 'complete']), text: z.string().max(500).default(''), photos: z.array(z.string()).max(6).default([]) }), OrderDetailSchema, { audited: true }),
  /** A note (and photos) on an order: by whoever may open orders, or its technician. */
  'orders.note': call('signed-in', z.strictObject({ id: OrderId, text: z.string().max(500), photos: z.array(z.string()).max(6).default([]) }), OrderDetailSchema, { audited: true }),
  /** The resident's word, taken at the front desk: the repair confirmed with a rating, or not fixed after all. */
  'orders.resident': call('orders.create', z.strictObject({ id: OrderId, action: z.enum(['confirm', 'reopen']), rating: Rating.optional(), text: z.string().max(500).default('') }), OrderDetailSchema, { audited: true }),
  /** The resident's unit on an order, unmasked: for calling them back; every look is audited. */
  'orders.contact': call('personal.read', z.strictObject({ id: OrderId }), z.object({ unit: z.string().nullable(), resident: z.string().nullable(), name: z.string().nullable(), phone: z.string().nullable() }), { audited: true }),
  /** A month's orders in figures, on the site's calendar. */
  'orders.figures': call('orders.read', z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month: YYYY-MM') }), OrderFiguresSchema),
  /** Who orders can be assigned to: this station's technicians and any technician the site's orders name. */
  'orders.technicians': call('orders.manage', Empty, z.array(z.object({ username: z.string(), displayName: z.string(), open: z.number().int() }))),
  /** Announcements (社区公告): newest first, found by words, state and date. */
  'notices.list': call('notices.read', NoticeFilter, z.array(NoticeSchema)),
  'notices.get': call('notices.read', z.strictObject({ id: NoticeId }), NoticeSchema),
  /** Receipts counted per part of the audience (a building's residents' apps, the signage screens). */
  'notices.receipts': call('notices.read', z.strictObject({ id: NoticeId }), NoticeReceiptsSchema),
  /** Creates or edits a draft (or a rejected notice, which becomes a draft again); the body is sanitized by the core. */
  'notices.save': call('notices.draft', NoticeDraftSchema, NoticeSchema, { audited: true }),
  /** Asks a holder of notices.publish to approve it. */
  'notices.submit': call('notices.draft', z.strictObject({ id: NoticeId }), NoticeSchema, { audited: true }),
  /** Approves and schedules (publishAt, null: now); it goes to terminals when due from every station of the site. */
  'notices.approve': call('notices.publish', z.strictObject({ id: NoticeId, publishAt: z.number().int().nonnegative().nullable(), expiresAt: z.number().int().nonnegative().nullable().optional() }), NoticeSchema, { audited: true }),
  'notices.reject': call('notices.publish', z.strictObject({ id: NoticeId, reason: z.string().trim().min(1).max(500) }), NoticeSchema, { audited: true }),
  /** Takes it back: terminals remove it. */
  'notices.revoke': call('notices.publish', z.strictObject({ id: NoticeId }), NoticeSchema, { audited: true }),
  'walls.list': call('video.live', Empty, z.array(WallSchema)),
  'walls.save': call('video.live', z.strictObject(WallSchema.shape), Ok),
  'walls.delete': call('video.live', z.strictObject({ name: WallSchema.shape.name }), Ok),

  /** The signed-in officer's screen layouts: which page (and wall) each monitor's window shows. */
  'screens.list': call('signed-in', Empty, WorkspaceViewSchema),
  'screens.save': call('signed-in', z.strictObject(ScreenLayoutSchema.shape), Ok),
  'screens.delete': call('signed-in', z.strictObject({ name: ScreenLayoutSchema.shape.name }), Ok),
  /** The layout that opens when this officer signs in at any station, or null for none. */
  'screens.openOnSignIn': call('signed-in', z.strictObject({ name: ScreenLayoutSchema.shape.name.nullable() }), Ok),

  /** The site's water, electricity and gas meters with their registers, present values and flags. */
  'energy.meters': call('energy.read', z.strictObject({ kind: EnergyKindSchema.optional(), building: z.string().max(64).optional() }), z.array(MeterSchema)),
  /** What a scope used, step by step, with 环比 and 同比 on request. */
  'energy.series': call('energy.read', EnergySeriesInput, EnergySeriesSchema),
  /** What each building, floor or meter used in a period, largest first. */
  'energy.breakdown': call('energy.read', EnergyBreakdownInput, EnergyBreakdownSchema),
  /** The figures behind an energy anomaly alarm (null for any other alarm, or before this station has judged it). */
  'energy.anomaly': call('energy.read', z.strictObject({ alarm: z.string().max(64) }), AnomalySchema.nullable()),
  /** Readings refused as faults (backwards, jumps), newest first. */
  'energy.quarantine': call('energy.read', z.strictObject({ code: DeviceCode.optional(), limit: z.number().int().min(1).max(500).default(100) }), z.array(MeterQuarantineEntrySchema)),
  /** The anomalies found on a period's days, of a building's meters or the whole site's (the monthly report). */
  'energy.anomalies': call('energy.read', z.strictObject({ period: EnergyPeriodSchema, building: z.string().max(64).optional() }), z.array(AnomalySchema.extend({ name: z.string() }))),
  /** The site's energy-saving schedules. */
  'energy.schedules': call('energy.read', Empty, z.array(SavingScheduleSchema)),
  'energy.saveSchedule': call('energy.control', SavingScheduleDraftSchema, SavingScheduleSchema, { audited: true }),
  'energy.deleteSchedule': call('energy.control', z.strictObject({ id: z.string().max(64) }), Ok, { audited: true }),
  /** What the schedules will run from `from` on, for `days` days: the calendar, with the site's position and clock (time zone) it was reckoned on. */
  'energy.plan': call('energy.read', z.strictObject({ from: Timestamp, days: z.number().int().min(1).max(31).default(7) }), z.object({ position: SitePositionSchema, timeZone: z.string(), runs: z.array(PlannedRunSchema) })),
  /** What the schedules' runs did, device by device, newest first. */
  'energy.runs': call('energy.read', z.strictObject({ schedule: z.string().max(64).optional(), limit: z.number().int().min(1).max(500).default(100) }), z.array(SavingRunSchema)),
  /** What a schedule saved over its last `days` whole days, estimated against its building's learned baseline; null without a building or meters. */
  'energy.savingEstimate': call('energy.read', z.strictObject({ schedule: z.string().max(64), days: z.number().int().min(1).max(31).default(7) }), SavingEstimateSchema.nullable()),
  /** Runs a step of a schedule now (checking the wiring), through the same commands as its times. */
  'energy.runStep': call('energy.control', z.strictObject({ schedule: z.string().max(64), step: z.number().int().min(0).max(7) }), z.object({ sent: z.array(z.string()) }), { audited: true }),
  /** The site's tariffs (峰谷平 electricity, water, gas), null until someone sets them. */
  'energy.tariff': call('energy.read', Empty, TariffRecordSchema.nullable()),
  /** Sets the site's tariffs and shares them with every station; the later change wins. */
  'energy.saveTariff': call('energy.control', TariffSchema, TariffRecordSchema, { audited: true }),
  /** What a scope's use cost in a period, electricity split by band. */
  'energy.cost': call('energy.read', EnergyCostInput, EnergyCostSchema),
  /** The meters that used most in a period, with their share and change against the period before. */
  'energy.top': call('energy.read', EnergyTopInput, EnergyTopSchema),
  /** Each building's use per m² and per resident, where the site says its floor area and residents. */
  'energy.intensity': call('energy.read', EnergyIntensityInput, z.array(BuildingIntensitySchema)),

  /** The site's life-service catalogue, by category. */
  'services.catalogue': call('services.read', Empty, z.array(ServiceSchema)),
  /** Creates or replaces a service (by id) and shares it with every station; residents' recommendations follow. */
  'services.save': call('services.manage', ServiceDraftSchema, ServiceSchema, { audited: true }),
  'services.delete': call('services.manage', z.strictObject({ id: ServiceId }), Ok, { audited: true }),
  /** Residents as their apps describe them, name and phone masked. */
  'services.residents': call('services.read', z.strictObject({ building: z.string().max(64).optional(), limit: z.number().int().min(1).max(2000).default(500) }), z.array(ResidentViewSchema)),
  /** One resident's name, phone and flat in full: only for roles allowed to, and the audit trail records who looked. */
  'services.residentContact': call('personal.read', z.strictObject({ id: ResidentId }), ResidentContactSchema, { audited: true }),
  /** What is recommended to one resident, with the reasons (none without consent), and whether each is open now. */
  'services.recommendations': call('services.read', z.strictObject({ id: ResidentId }), z.object({ resident: ResidentViewSchema, items: z.array(RecommendationSchema) })),

  'users.list': call('users.read', Empty, z.array(UserSchema)),
  'users.create': call(
    'users.manage',
    z.strictObject({ username: Username, displayName: DisplayName, role: RoleSchema, password: Password }),
    UserSchema,
    { audited: true },
  ),
  'users.update': call(
    'users.manage',
    z.strictObject({
      id: z.number().int().positive(),
      displayName: DisplayName.optional(),
      role: RoleSchema.optional(),
      disabled: z.boolean().optional(),
    }),
    UserSchema,
    { audited: true },
  ),
  'users.resetPassword': call(
    'users.manage',
    z.strictObject({ id: z.number().int().positive(), password: Password }),
    Ok,
    { audited: true },
  ),
  'users.unlock': call('users.manage', z.strictObject({ id: z.number().int().positive() }), Ok, { audited: true }),

  'audit.list': call(
    'audit.read',
    z.strictObject({
      beforeId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
      actor: z.string().max(64).optional(),
      action: z.string().max(64).optional(),
    }),
    z.array(AuditEntrySchema),
  ),
  'audit.verify': call('audit.read', Empty, AuditVerification),
  /** Each station's last audit anchor and what its anchors revealed (deleted newest rows, forged, replayed, a changed key). */
  'audit.anchors': call('audit.read', Empty, z.array(StationAnchorSchema)),

  'settings.get': call('settings.read', Empty, SettingsSchema),
  'settings.update': call('settings.edit', SettingsSchema.partial(), SettingsSchema, { audited: true }),

  'ops.link': call('ops.read', Empty, LinkStateSchema),
  'ops.status': call(
    'ops.read',
    Empty,
    // stations: how many stations of the site are on line, by their presence.
    z.object({ link: LinkStateSchema, ingest: IngestStatsSchema, outbox: OutboxStatsSchema, stations: z.number().int() }),
  ),
  'ops.quarantine': call(
    'ops.read',
    z.strictObject({ beforeId: z.number().int().positive().optional(), limit: z.number().int().min(1).max(500).default(100) }),
    z.array(QuarantineEntrySchema),
  ),

  /** An incident's evidence package, signed by this station; audited (who took the evidence out, and when). */
  'evidence.export': call('evidence.export', EvidenceExportInput, EvidenceExportSchema, { audited: true }),
  /** Incidents (事件): every incident of the site, newest first, drills marked. */
  'incidents.list': call('incidents.read', Empty, z.array(IncidentSummarySchema)),
  'incidents.get': call('incidents.read', z.strictObject({ id: IncidentId }), IncidentDetailSchema),
  /** By hand, or from an alarm (a-{alarm}) or a warning (w-{warning}): the same incident at every station. */
  'incidents.open': call('incidents.open', IncidentDraftSchema, IncidentDetailSchema, { audited: true }),
  /** Level, state, plan steps and commander need incidents.command; notes and links, incidents.open (checked in the core). */
  'incidents.act': call('incidents.open', IncidentActionSchema, IncidentDetailSchema, { audited: true }),
  /** Sends a resource to the incident: its handhelds are told over the site interface and answer there. */
  'incidents.dispatch': call('incidents.command', z.strictObject({ id: IncidentId, resource: ResourceId, task: z.string().trim().min(1, 'task: say what they are to do').max(500) }), IncidentDetailSchema, { audited: true }),
  'incidents.release': call('incidents.command', z.strictObject({ id: IncidentId, dispatch: z.string().min(1).max(100) }), IncidentDetailSchema, { audited: true }),
  /** Incidents opened in a period in figures (the last 30 days unless told); drills apart. */
  'incidents.figures': call('incidents.read', z.strictObject({ from: Timestamp.optional(), to: Timestamp.optional() }), IncidentFiguresSchema),
  'plans.list': call('incidents.read', Empty, z.array(PlanSchema)),
  'plans.save': call('plans.manage', PlanDraftSchema, PlanSchema, { audited: true }),
  'resources.list': call('incidents.read', Empty, z.array(ResourceSchema)),
  'resources.save': call('plans.manage', ResourceDraftSchema, ResourceSchema, { audited: true }),
  /** A plan taken off its type: incidents of the type open without a checklist (running ones keep theirs). */
  'plans.delete': call('plans.manage', z.strictObject({ id: PlanDraftSchema.shape.id }), Ok, { audited: true }),
  /** A resource the site no longer has: it cannot be sent again (dispatches under way keep it to release). */
  'resources.delete': call('plans.manage', z.strictObject({ id: ResourceDraftSchema.shape.id }), Ok, { audited: true }),
  // Early warnings (突发事件预警): active and recent warnings, their acknowledgement, and the rules that raise them.
  'warnings.list': call('warnings.read', Empty, z.array(WarningViewSchema)),
  'warnings.get': call('warnings.read', z.strictObject({ id: WarningId }), WarningViewSchema),
  'warnings.acknowledge': call('warnings.read', z.strictObject({ id: WarningId, note: z.string().trim().max(500).default('') }), WarningViewSchema, { audited: true }),
  'warningRules.list': call('warnings.read', Empty, z.array(WarningRuleSchema)),
  'warningRules.save': call('warnings.manage', WarningRuleDraftSchema, WarningRuleSchema, { audited: true }),
  'warningRules.delete': call('warnings.manage', z.strictObject({ id: RuleId }), Ok, { audited: true }),
  /** What a draft rule would have raised over the stored history (at most 31 days). */
  'warningRules.dryRun': call('warnings.manage', WarningDryRunInput, WarningDryRunSchema),

  /** The station's diagnostics bundle, written to its data folder; audited (what left the station, by whom). */
  'ops.diagnostics': call('ops.diagnose', Empty, DiagnosticsBundleSchema, { audited: true }),

  /** An open-data export (数据开放), written to the data folder; personal fields in full only with openData.personal. Audited, refusals too. */
  'openData.export': call('openData.export', OpenDataExportInput, OpenDataExportSchema, { audited: true }),
  /** Stops this session's export of that name; it leaves no file. */
  'openData.cancel': call('openData.export', z.strictObject({ job: z.string().max(64) }), z.object({ cancelled: z.boolean() })),
  /** The outbound feed for a district platform: what it carries, and whether it is on. */
  'openData.feed': call('openData.export', Empty, OpenDataFeedSchema),
  'openData.setFeed': call('settings.edit', OpenDataFeedSchema, OpenDataFeedSchema, { audited: true }),
  /** Service figures (运维监控指标) of a day, week or month of the site's calendar, against the targets. */
  'ops.figures': call('ops.read', FiguresInput, FiguresSchema),
  'ops.targets.get': call('ops.read', Empty, TargetsViewSchema),
  'ops.targets.set': call('ops.targets', TargetsSchema, TargetsViewSchema, { audited: true }),
  /** The SLA report as CSV text (UTF-8 with BOM); audited: who took the report of which period. */
  'ops.slaReport': call('ops.read', FiguresInput.extend({ language: z.enum(SLA_LANGUAGES).default('zh-CN') }), SlaReportSchema, { audited: true }),
} satisfies Record<string, CallDef>;

export type Calls = typeof calls;
export type Method = keyof Calls;
export type CallInput<M extends Method> = z.input<Calls[M]['input']>;
export type CallOutput<M extends Method> = z.output<Calls[M]['output']>;
export type ParsedInput<M extends Method> = z.output<Calls[M]['input']>;
export const METHODS = Object.keys(calls) as Method[];
