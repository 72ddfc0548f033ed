import { z } from 'zod';
import { ALARM_STATES, DEVICE_EVENT_TYPE_NAMES, DOOR_STATES, EVENT_TYPE_NAMES, RuleDraftSchema, RuleTriggerSchema, SEVERITIES, ZONE_STATES, type DataClass } from '../../contract';
import { ImageData, ImageHash } from '../../contract/images';
import { WarningRecordSchema, WarningRuleDraftSchema } from '../../contract/warnings';
import { MAX_ORDER_PHOTOS, ORDER_CATEGORIES, OrderRecordSchema, Rating } from '../../contract/orders';
import { DeviceCode, DeviceStatusSchema, HOUSEHOLD_TYPES, RecommendationSchema, RecordingSchema, SavingScheduleDraftSchema, ServiceDraftSchema, ServiceTag, TariffSchema } from '../../contract';
import { WorkspaceSchema } from '../../contract/screens';
import { Username } from '../../contract/schemas';
import { INCIDENT_TYPES, IncidentPlaceSchema, IncidentRecordSchema, PlanDraftSchema, REPLY_STATUSES, ResourceDraftSchema } from '../../contract/incidents';
import { WarningLevelSchema } from '../../contract/warning-levels';
import { AudienceSchema, LocalizedBody, LocalizedTitle, NoticeId, NoticeRecordSchema, NoticeStepSchema, TERMINAL_KINDS } from '../../contract/notices';

/**
 * Payloads of the site interface, version 1. Each field carries its data
 * class (`x-data-class`, default internal), which the AsyncAPI document
 * publishes and the core uses to mask personal data.
 */
const classed = <T extends z.ZodType>(schema: T, dataClass: DataClass) => schema.meta({ 'x-data-class': dataClass });

export const Millis = z.number().int().nonnegative().describe('milliseconds since 1970-01-01 UTC');
const Hlc = z.string().regex(/^\d{13}:\d{4}:[A-Za-z0-9_.-]{1,64}$/).describe('hybrid logical clock: millis:counter:node');
/** Idempotency key of a message: the same id twice is the same message. */
export const MessageId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'message id: 8–64 letters, digits, _ or -');

export const DeviceInfoPayload = z.strictObject({
  name: classed(z.string().min(1).max(128), 'public'),
  area: classed(z.string().min(1).max(64), 'public'),
  building: classed(z.string().min(1).max(64), 'public'),
  floor: classed(z.string().min(1).max(64), 'public'),
  x: z.number().min(0).max(1).optional().describe('position on the floor plan, 0–1 from the left'),
  y: z.number().min(0).max(1).optional().describe('position on the floor plan, 0–1 from the top'),
  vendor: z.string().max(64).default(''),
  model: z.string().max(64).default(''),
  streams: z
    .array(z.strictObject({ profile: z.enum(['main', 'sub']), url: z.string().max(512) }))
    .default([])
    .describe('RTSP URLs without credentials; the station holds those'),
  onvif: z
    .url({ protocol: /^https?$/ })
    .max(512)
    .refine((url) => !/^[a-z]+:\/\/[^/]*@/i.test(url), 'no credentials in the address: the station holds those')
    .optional()
    .describe('ONVIF device service URL without credentials, e.g. http://10.0.3.21/onvif/device_service; stations steer pan-tilt-zoom cameras through it'),
  recording: RecordingSchema.optional().describe('where the camera\'s recordings play from: its NVR (Hikvision or Dahua playback URL and channel) or a server seeking by RTSP Range'),
  gateway: DeviceCode.optional().describe('the edge gateway this device reports through: when its last will says offline, so are its devices'),
  ts: Millis,
});

export const DeviceStatePayload = z.strictObject({
  status: DeviceStatusSchema,
  ts: Millis,
  reason: z.string().max(200).optional(),
  door: z.enum(DOOR_STATES).optional().describe('a door controller: its door'),
  zone: z.enum(ZONE_STATES).optional().describe('an intrusion zone (alarm input): armed, disarmed, bypassed, or in alarm'),
});

export const GatewayStatePayload = z.strictObject({
  online: z.boolean(),
  ts: Millis.describe('when the gateway published it; in a last will, when it connected — stations stamp gateway states with their time of receipt'),
});

export const TelemetryPayload = z.strictObject({
  ts: Millis,
  values: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), z.number()).refine((values) => Object.keys(values).length <= 32, 'at most 32 values'),
});

export const DeviceEventPayload = z.strictObject({
  // What happened where and when is open data (数据开放); who was there is not.
  id: classed(MessageId, 'public'),
  type: classed(z.enum(DEVICE_EVENT_TYPE_NAMES as [string, ...string[]]), 'public'),
  severity: classed(z.enum(SEVERITIES), 'public').optional().describe('defaults to the severity of the event type'),
  ts: classed(Millis, 'public'),
  zone: classed(z.string().max(64), 'internal').optional(),
  person: classed(z.string().max(64), 'personal').optional().describe('who, for access events: name or card number'),
  data: z.record(z.string(), z.union([z.string().max(256), z.number(), z.boolean()])).optional(),
});

export const CommandPayload = z.strictObject({
  id: MessageId,
  command: z.string().regex(/^[a-z][a-z0-9_.]{1,63}$/),
  params: z.record(z.string(), z.union([z.string().max(256), z.number(), z.boolean()])).default({}),
  issuedBy: classed(z.string().max(64), 'personal'),
  station: z.string().max(128),
  ts: Millis,
  expiresAt: Millis.describe('the device must not act on the command after this time'),
});

export const CommandAckPayload = z.strictObject({
  id: MessageId.describe('the id of the command acknowledged; several acknowledgements (accepted, then done) share it'),
  status: z.enum(['accepted', 'done', 'rejected', 'expired', 'failed']),
  ts: Millis,
  reason: z.string().max(200).optional(),
});

export const AlarmStatePayload = z.strictObject({
  id: classed(MessageId, 'public'),
  source: classed(DeviceCode, 'public').describe('20-digit code of the device that raised it'),
  type: classed(z.enum(EVENT_TYPE_NAMES as [string, ...string[]]), 'public'),
  severity: classed(z.enum(SEVERITIES), 'public'),
  state: classed(z.enum(ALARM_STATES), 'public'),
  hlc: Hlc,
  raisedAt: classed(Millis, 'public'),
  by: classed(z.string().max(64), 'personal').optional(),
  station: z.string().max(128).optional(),
  note: classed(z.string().max(1000), 'internal').optional(),
  count: z.number().int().positive().default(1),
  lastAt: Millis.optional().describe('latest occurrence folded into it; raisedAt when absent'),
  steps: z.number().int().min(0).max(0x7fffffff).default(0).describe('procedure steps done, a bit per step; steps are never undone'),
  rule: RuleTriggerSchema.optional().describe("type 'rule': the alarm rule that raised it, and the reading that set it off"),
  acknowledgedAt: Millis.optional().describe('when it was first acknowledged (or moved on past new), at whichever station; the earliest wins'),
  resolvedAt: Millis.optional().describe('when it was first resolved or closed, at whichever station; the earliest wins'),
});

export const RulePayload = RuleDraftSchema.extend({
  hlc: Hlc.describe('the later change wins, by hybrid logical clock'),
  updatedBy: classed(z.string().max(64), 'personal'),
  deleted: z.boolean().default(false).describe('a deleted rule stays as a tombstone, so a station that was away learns of the deletion'),
});

export const SavingSchedulePayload = SavingScheduleDraftSchema.safeExtend({
  hlc: Hlc.describe('the later change wins, by hybrid logical clock'),
  updatedBy: classed(z.string().max(64), 'personal'),
  deleted: z.boolean().default(false).describe('a deleted schedule stays as a tombstone, so a station that was away learns of the deletion'),
});
export type SavingScheduleMessage = z.infer<typeof SavingSchedulePayload>;

/**
 * What a meter's register reads (kWh for electricity, m³ for water and gas),
 * not what was used: stations count the differences, so a lost message only
 * widens a span. A gateway that was cut off sends what it buffered, oldest
 * first, up to a day of 15-minute readings in one message.
 */
export const MeterReadingsPayload = z.strictObject({
  unit: z.enum(['kWh', 'm3']).describe("the register's unit: kWh for electricity meters, m3 for water and gas meters"),
  rolloverAt: z.number().positive().optional().describe('the register wraps to 0 here (a 6-digit register: 1000000); absent if it never wraps'),
  readings: z
    .array(z.strictObject({ ts: Millis, value: z.number().describe('the register at ts') }))
    .min(1)
    .max(96),
  instant: z
    .strictObject({
      kw: z.number().optional(),
      voltage: z.number().optional(),
      current: z.number().optional(),
      pf: z.number().min(-1).max(1).optional().describe('power factor'),
      flow: z.number().optional().describe('m3/h, water and gas'),
    })
    .optional()
    .describe('present values at the newest reading, where the meter measures them'),
});

export const PresencePayload = z.strictObject({
  online: z.boolean(),
  ts: Millis,
  user: classed(z.string().max(64), 'personal').optional(),
});

/** A building's facts, for energy per m² and per resident; `name` is the building as its devices name it (DeviceInfoPayload.building). */
export const BuildingInfoPayload = z.strictObject({
  name: classed(z.string().min(1).max(64), 'public'),
  floorArea: classed(z.number().positive().max(10_000_000), 'public').optional().describe('gross floor area in m²'),
  residents: classed(z.number().int().min(0).max(1_000_000), 'internal').optional().describe('how many people live or work there: a count, never who'),
  ts: Millis,
});

/** The site's tariffs as last changed at any station (峰谷平 electricity by hour of the site's day, water and gas per m³). */
export const TariffPayload = TariffSchema.extend({
  hlc: Hlc.describe('the later change wins, by hybrid logical clock'),
  updatedBy: classed(z.string().max(64), 'personal'),
});

export type DeviceInfo = z.output<typeof DeviceInfoPayload>;
export type DeviceState = z.output<typeof DeviceStatePayload>;
export type Telemetry = z.output<typeof TelemetryPayload>;
export type DeviceEvent = z.output<typeof DeviceEventPayload>;
export type Command = z.output<typeof CommandPayload>;
export type CommandAck = z.output<typeof CommandAckPayload>;
export type AlarmStateMessage = z.output<typeof AlarmStatePayload>;
export type RuleMessage = z.output<typeof RulePayload>;
export type MeterReadings = z.output<typeof MeterReadingsPayload>;
export type BuildingInfo = z.output<typeof BuildingInfoPayload>;
export type TariffMessage = z.output<typeof TariffPayload>;

export const ImagePayload = z.strictObject({
  data: classed(ImageData, 'personal').describe('the image, base64: JPEG, PNG or WebP, at most 1 MiB and 8 192 px a side; its SHA-256 must be the topic\'s {image}'),
  ts: Millis,
});

/** Every station's copy of a repair order: all that was done to it. Personal: who did what, and a resident's unit. */
export const OrderPayload = OrderRecordSchema.meta({ 'x-data-class': 'personal' });

const AppPhotos = z.array(ImageHash).max(MAX_ORDER_PHOTOS).default([]).describe('hashes of images published on images/{image} first');

/** A repair a resident reports from their app (物业报修). */
export const RepairRequestPayload = z.strictObject({
  id: MessageId.describe('the app\'s id for the report: the same id twice is the same report; the order is r-{id}'),
  title: classed(z.string().trim().min(1).max(100), 'internal'),
  description: classed(z.string().max(2000), 'internal').default(''),
  category: classed(z.enum(ORDER_CATEGORIES), 'public'),
  building: classed(z.string().min(1).max(64), 'public'),
  floor: classed(z.string().max(64), 'internal').optional(),
  unit: classed(z.string().max(32), 'personal').optional().describe('the resident\'s unit (房号)'),
  photos: AppPhotos,
  ts: classed(Millis, 'public'),
});

/** What a technician's app or a resident's app does to an order. */
export const OrderUpdatePayload = z.strictObject({
  id: MessageId.describe('the app\'s id for this update: the same id twice is the same update'),
  action: z.enum(['accept', 'start', 'note', 'complete', 'confirm', 'reopen']),
  by: classed(z.string().min(1).max(80), 'personal').describe('who: the technician\'s user name (accept, start, note, complete), or resident:{app id} for the resident who reported it (note, confirm, reopen)'),
  text: classed(z.string().max(500), 'internal').default(''),
  photos: AppPhotos,
  rating: Rating.optional().describe('1–5, with confirm'),
  ts: Millis,
});

/**
 * A resident as their app describes them (生活服务): retained, the newer `ts`
 * wins. Name, phone and unit identify the person and are masked in every
 * operator view; the recommender reads only building, household and
 * interests, and nothing at all without consent.
 */
export const ResidentProfilePayload = z.strictObject({
  name: classed(z.string().trim().min(1).max(64), 'personal').describe('for a call back from the property office; never used to recommend'),
  phone: classed(z.string().regex(/^[0-9+\- ]{5,20}$/, 'phone: 5–20 digits, +, - or spaces'), 'personal').describe('for a call back; never used to recommend'),
  building: classed(z.string().trim().min(1).max(64), 'internal').describe('the building lived in, as devices name it: services in it come first'),
  unit: classed(z.string().trim().max(32), 'personal').optional().describe('flat number: with the building it identifies a household, so it is personal and never used to recommend'),
  household: classed(z.enum(HOUSEHOLD_TYPES), 'internal').describe('coarse household type: services that suit it come first'),
  interests: classed(z.array(ServiceTag).max(20), 'internal').default([]).describe('service categories or tags the resident asked for'),
  consent: classed(z.boolean(), 'internal').describe('whether the resident wants recommendations; without it none are made or sent'),
  ts: Millis.describe('when the app changed the profile: an older or equal one is a replay and is refused'),
});
export type ResidentProfile = z.output<typeof ResidentProfilePayload>;

/** What the station recommends to one resident, published to their app. Deterministic: every station of the site publishes the same bytes for the same profile and catalogue. */
export const RecommendationsPayload = z.strictObject({
  profileTs: Millis.describe('the profile these answer'),
  catalogue: classed(Hlc.nullable(), 'internal').describe('the newest catalogue change they reflect (null: an empty catalogue)'),
  items: classed(z.array(RecommendationSchema).max(20), 'personal').describe('best first, each with its reasons as codes and parameters; personal, as they reflect the household'),
});
export type RecommendationsMessage = z.output<typeof RecommendationsPayload>;

/** A life service of the site's catalogue, as last changed at any station. */
export const ServicePayload = ServiceDraftSchema.safeExtend({
  hlc: Hlc.describe('the later change wins, by hybrid logical clock'),
  updatedBy: classed(z.string().max(64), 'personal'),
  deleted: z.boolean().default(false).describe('a deleted service stays as a tombstone, so a station that was away learns of the deletion'),
});
export type ServiceMessage = z.output<typeof ServicePayload>;

/** An announcement as every station of the site shares it (draft, approval, revocation): the later change wins by hybrid logical clock. */
export const NoticeRecordPayload = NoticeRecordSchema.extend({
  history: classed(z.array(NoticeStepSchema).max(200), 'personal').describe('who saved, submitted, rejected, approved or revoked it, and when'),
  hlc: Hlc.describe('the later change wins, by hybrid logical clock'),
  updatedBy: classed(z.string().max(64), 'personal'),
  deleted: z.boolean(),
});

/**
 * An announcement as residents' apps and signage show it, or its revocation.
 * Made from the shared record alone, so every station publishes the same
 * bytes when it comes due: a terminal sees one retained message whoever sent it.
 */
export const NoticePayload = z
  .strictObject({
    state: z.enum(['published', 'revoked']).describe('revoked: the property manager took it back or it expired; terminals remove it (the other fields are then null)'),
    title: classed(LocalizedTitle.nullable(), 'public').describe('zh-CN, and English where written'),
    body: classed(LocalizedBody.nullable(), 'public').describe('sanitized HTML: p, br, strong, em, u, s, h2, h3, ul, ol, li, blockquote, a (https), img with src vigil-image:<sha256> (fetch the image from images/{hash})'),
    images: z.array(ImageHash).max(20).describe('the images the body shows'),
    audience: AudienceSchema.nullable().describe('who it is for: a terminal outside it does not show it and must not acknowledge it'),
    publishedAt: Millis.nullable(),
    expiresAt: Millis.nullable().describe('when terminals drop it; null: until revoked'),
    revokedAt: Millis.nullable(),
  })
  .refine((notice) => (notice.state === 'published' ? notice.title && notice.body && notice.audience && notice.publishedAt !== null : notice.revokedAt !== null), {
    message: 'a published notice has its title, body, audience and publishedAt; a revoked one its revokedAt',
  });

/** A resident's app or a signage screen, as it registers with the site: who it serves decides which announcements it gets. */
export const TerminalInfoPayload = z.strictObject({
  kind: z.enum(TERMINAL_KINDS),
  building: classed(z.string().min(1).max(64), 'public').optional().describe("the resident's building (resident-app), or where the screen stands"),
  unit: classed(z.string().min(1).max(64), 'personal').optional().describe("the resident's unit: with the building it locates a household"),
  name: classed(z.string().max(64), 'public').optional().describe("a signage screen's name, which an audience may pick"),
  ts: Millis,
});

/** A terminal's acknowledgement of an announcement: received (shown in the list) and read (opened). */
export const TerminalReceiptPayload = z.strictObject({
  id: MessageId.describe('idempotency key: the same id twice is a replay and is quarantined'),
  notice: NoticeId,
  status: z.enum(['received', 'read']),
  ts: Millis,
});

export type NoticeRecordMessage = z.output<typeof NoticeRecordPayload>;
export type NoticeMessage = z.output<typeof NoticePayload>;
export type TerminalInfo = z.output<typeof TerminalInfoPayload>;
export type TerminalReceipt = z.output<typeof TerminalReceiptPayload>;

/** An officer's screen layouts, as last changed at any station: they follow the officer to every desk. */
export const WorkspacePayload = WorkspaceSchema.safeExtend({
  id: classed(Username, 'internal').describe("the officer's user name; equal to the topic's {user}"),
  hlc: Hlc.describe('the later change wins, by hybrid logical clock'),
  updatedBy: classed(z.string().max(64), 'internal'),
  deleted: z.boolean().default(false),
});
export type WorkspaceMessage = z.output<typeof WorkspacePayload>;
/** Every station's copy of an incident (事件): all that was done about it. Personal: who did what. */
export const IncidentPayload = IncidentRecordSchema.meta({ 'x-data-class': 'personal' });

/** The response plan (应急预案) of one incident type, as last changed at any station. */
export const PlanPayload = PlanDraftSchema.safeExtend({
  hlc: Hlc.describe('the later change wins, by hybrid logical clock'),
  updatedBy: classed(z.string().max(64), 'personal'),
  deleted: z.boolean().default(false).describe('a deleted plan stays as a tombstone, so a station that was away learns of the deletion'),
});

/** A team, vehicle or piece of equipment stations can dispatch, with the people who answer for it, as last changed at any station. */
export const ResourcePayload = ResourceDraftSchema.safeExtend({
  members: classed(ResourceDraftSchema.shape.members, 'personal').describe('user names of the people whose handhelds answer for the resource'),
  hlc: Hlc.describe('the later change wins, by hybrid logical clock'),
  updatedBy: classed(z.string().max(64), 'personal'),
  deleted: z.boolean().default(false).describe('a deleted resource stays as a tombstone, so a station that was away learns of the deletion'),
});

/** A resource sent to an incident, or released from it: what its handheld shows. */
export const DispatchOrderPayload = z.strictObject({
  action: z.enum(['dispatch', 'release']),
  dispatch: z.string().regex(/^[A-Za-z0-9_.-]{4,100}$/).describe('the dispatch id; replies name it'),
  incident: z.string().regex(/^[A-Za-z0-9_.-]{4,100}$/),
  type: z.enum(INCIDENT_TYPES),
  title: classed(z.string().max(100), 'internal'),
  level: WarningLevelSchema.describe('1 = I red (gravest) … 4 = IV blue'),
  drill: z.boolean().describe('a drill (演练): shown as such on the handheld'),
  place: IncidentPlaceSchema,
  task: classed(z.string().max(500), 'internal'),
  by: classed(z.string().max(80), 'personal'),
  ts: Millis,
});

/** A handheld answering a dispatch: acknowledged, arrived, released. */
export const DispatchReplyPayload = z.strictObject({
  id: MessageId.describe("the handheld's id for this reply: the same id twice is the same reply"),
  incident: z.string().regex(/^[A-Za-z0-9_.-]{4,100}$/),
  dispatch: z.string().regex(/^[A-Za-z0-9_.-]{4,100}$/),
  status: z.enum(REPLY_STATUSES),
  by: classed(z.string().min(1).max(64), 'personal').describe('the person answering: one of the resource\'s members'),
  ts: Millis,
});
/** Every station's copy of an early warning (预警): all its events. Personal: who acknowledged it. */
export const WarningPayload = WarningRecordSchema.meta({ 'x-data-class': 'personal' });
export type WarningMessage = z.output<typeof WarningPayload>;

/** A warning rule of the site as last changed at any station (shared like alarm rules). */
export const WarningRulePayload = WarningRuleDraftSchema.extend({
  hlc: Hlc.describe('the later change wins, by hybrid logical clock'),
  updatedBy: classed(z.string().max(64), 'personal'),
  deleted: z.boolean().default(false).describe('a deleted rule stays as a tombstone, so a station that was away learns of the deletion'),
});
export type WarningRuleMessage = z.output<typeof WarningRulePayload>;

const ChainHash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in 64 lower-case hex digits');
/**
 * A station's audit head, signed with its station key: every other station
 * checks it, so deleting the newest audit rows (which leaves a valid, shorter
 * chain) shows as a head that went back. See main/audit/anchor.ts.
 */
export const AuditAnchorPayload = z.strictObject({
  station: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).describe('the station whose trail this is; the topic names the same'),
  seq: z.number().int().nonnegative().describe('id of the newest audit row (0: an empty trail)'),
  hash: ChainHash.describe("that row's chain hash"),
  count: z.number().int().nonnegative().describe('rows in the trail'),
  at: Millis,
  previous: z.strictObject({ seq: z.number().int().nonnegative(), hash: ChainHash }).nullable().describe('the head this station anchored before; null for its first anchor, or after it found its own trail cut'),
  key: z.string().min(40).max(400).describe("the station's Ed25519 public key (SPKI PEM); the first one seen for a station is trusted"),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'an Ed25519 signature in base64').describe('Ed25519 over the canonical form of the other fields and the site (main/audit/anchor.ts)'),
});
