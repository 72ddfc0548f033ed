import { z } from 'zod';
import { RecordingSchema } from './video';
import { ALARM_STATES, DOOR_STATES, EVENT_TYPE_NAMES, SEVERITIES, ZONE_STATES } from './classes';
import { RuleTriggerSchema } from './rules';
import { DEVICE_KINDS, DeviceCode } from './device-code';
import { PERMISSIONS, ROLES } from './permissions';

/** Shared value shapes used by calls and events. */
export const RoleSchema = z.enum(ROLES);
export const PermissionSchema = z.enum(PERMISSIONS);
export const Username = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, 'username: 3–32 lower-case letters, digits, . _ -, starting with a letter');
export const Password = z.string().min(1, 'password is required').max(256);
export const DisplayName = z.string().trim().min(1).max(64);
export const Timestamp = z.number().int().nonnegative();

export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  lockedUntil: Timestamp.nullable(),
  mustChangePassword: z.boolean(),
  createdAt: Timestamp,
  lastSignInAt: Timestamp.nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const SessionSchema = z.object({
  token: z.string(),
  user: UserSchema,
  permissions: z.array(PermissionSchema),
  lockAfterMs: z.number().int().positive(),
});
export type Session = z.infer<typeof SessionSchema>;

export const DeviceKindSchema = z.enum(DEVICE_KINDS as [string, ...string[]]);
export const DeviceStatusSchema = z.enum(['online', 'offline', 'fault', 'unknown']);
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

export const DeviceSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: DeviceKindSchema,
  area: z.string(),
  building: z.string(),
  floor: z.string(),
  x: z.number().nullable(),
  y: z.number().nullable(),
  vendor: z.string(),
  model: z.string(),
  streams: z.array(z.object({ profile: z.enum(['main', 'sub']), url: z.string() })),
  /** Its ONVIF device service, if it announced one: the wall offers pan-tilt-zoom through the core. */
  onvif: z.string().nullable(),
  /** Where its recordings play from, if anywhere. */
  recording: RecordingSchema.nullable(),
  /** The edge gateway it reports through, if any. */
  gateway: z.string().nullable(),
  status: DeviceStatusSchema,
  /** A door controller's door, an intrusion zone's state: as the device last reported, null for other devices. */
  door: z.enum(DOOR_STATES).nullable(),
  zone: z.enum(ZONE_STATES).nullable(),
  statusSince: Timestamp.nullable(),
  lastSeen: Timestamp.nullable(),
});
export type Device = z.infer<typeof DeviceSchema>;

export type DeviceTreeNode = {
  key: string;
  level: 'site' | 'area' | 'building' | 'floor';
  name: string;
  total: number;
  online: number;
  children: DeviceTreeNode[];
};
export const DeviceTreeNodeSchema: z.ZodType<DeviceTreeNode> = z.lazy(() =>
  z.object({
    key: z.string(),
    level: z.enum(['site', 'area', 'building', 'floor']),
    name: z.string(),
    total: z.number().int(),
    online: z.number().int(),
    children: z.array(DeviceTreeNodeSchema),
  }),
);

export const DeviceFilter = z.strictObject({
  search: z.string().max(100).optional(),
  area: z.string().max(100).optional(),
  building: z.string().max(100).optional(),
  floor: z.string().max(100).optional(),
  kind: DeviceKindSchema.optional(),
  status: DeviceStatusSchema.optional(),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: Timestamp,
  actor: z.string(),
  role: z.string(),
  station: z.string(),
  action: z.string(),
  target: z.string(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadId: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

export const SettingsSchema = z.strictObject({
  sessionLockMinutes: z.number().int().min(1).max(240),
  lockoutThreshold: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
  historyRetentionDays: z.number().int().min(1).max(3650),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const LinkStateSchema = z.object({
  state: z.enum(['connecting', 'online', 'offline']),
  since: Timestamp,
  broker: z.string(),
});
export type LinkState = z.infer<typeof LinkStateSchema>;

/** Why a site message was refused, as a stable code the UI can translate; the reason adds the detail. */
export const QUARANTINE_KINDS = ['oversized', 'topic', 'site', 'device-code', 'json', 'schema', 'unknown-device', 'replay', 'image', 'refused', 'receipt'] as const;
export type QuarantineKind = (typeof QUARANTINE_KINDS)[number];

export const IngestStatsSchema = z.object({
  /** Messages per second over the last 10 seconds, by what became of them. */
  rates: z.object({ received: z.number(), stored: z.number(), quarantined: z.number() }),
  totals: z.object({
    received: z.number().int(),
    events: z.number().int(),
    telemetry: z.number().int(),
    /** Meter register readings stored (a message may carry a day of them). */
    readings: z.number().int(),
    states: z.number().int(),
    quarantined: z.number().int(),
  }),
  quarantineByKind: z.array(z.object({ kind: z.enum(QUARANTINE_KINDS), count: z.number().int() })),
  lastMessageAt: Timestamp.nullable(),
});
export type IngestStats = z.infer<typeof IngestStatsSchema>;

export const OutboxStatsSchema = z.object({
  pending: z.number().int(),
  delivered: z.number().int(),
  expired: z.number().int(),
  oldestPendingAt: Timestamp.nullable(),
});
export type OutboxStats = z.infer<typeof OutboxStatsSchema>;

export const QuarantineEntrySchema = z.object({
  id: z.number().int(),
  at: Timestamp,
  topic: z.string(),
  kind: z.enum(QUARANTINE_KINDS),
  reason: z.string(),
  /** The first bytes of the payload, as text where printable. */
  preview: z.string(),
  size: z.number().int(),
});
export type QuarantineEntry = z.infer<typeof QuarantineEntrySchema>;

export const AlarmSchema = z.object({
  id: z.string(),
  source: z.string(),
  type: z.enum(EVENT_TYPE_NAMES as [string, ...string[]]),
  severity: z.enum(SEVERITIES),
  state: z.enum(ALARM_STATES),
  raisedAt: Timestamp,
  /** The latest occurrence folded into it (FOLD_WINDOW_MS). */
  lastAt: Timestamp,
  updatedAt: Timestamp,
  by: z.string().nullable(),
  station: z.string().nullable(),
  note: z.string().nullable(),
  count: z.number().int(),
  /** Procedure steps done, a bit per step of PROCEDURES[type]. */
  steps: z.number().int().nonnegative(),
  /** Still new past its severity's acknowledgement deadline: the supervisor is told. */
  escalated: z.boolean(),
  /** Where, from the device registry ('' when the device is not known here). */
  sourceName: z.string(),
  area: z.string(),
  building: z.string(),
  floor: z.string(),
  /** Type 'rule': which rule raised it and the reading that set it off. */
  rule: RuleTriggerSchema.nullable(),
});

export const AlarmFilter = z.strictObject({
  states: z.array(z.enum(ALARM_STATES)).max(5).optional(),
  severities: z.array(z.enum(SEVERITIES)).max(4).optional(),
  types: z.array(z.enum(EVENT_TYPE_NAMES as [string, ...string[]])).max(EVENT_TYPE_NAMES.length).optional(),
  area: z.string().max(64).optional(),
  /** Raised at or after / before (ms). */
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  /** The page after this one: alarms raised before it (ms), and of those raised then, ids before this one. */
  before: z.strictObject({ raisedAt: Timestamp, id: z.string().max(64) }).optional(),
  limit: z.number().int().min(1).max(5000).default(100),
});

/** What an alarm links to: cameras nearest it first, where it is, and the recorded clip around it. */
export const AlarmLinkageSchema = z.object({
  cameras: z.array(z.string()),
  place: z.object({ area: z.string(), building: z.string(), floor: z.string(), x: z.number().nullable(), y: z.number().nullable() }).nullable(),
  /** From PRE_ALARM_SECONDS before to POST_ALARM_SECONDS after, on the first camera that records. */
  clip: z.object({ camera: z.string(), from: Timestamp, to: Timestamp }).nullable(),
});
export type AlarmLinkage = z.infer<typeof AlarmLinkageSchema>;
export type Alarm = z.infer<typeof AlarmSchema>;

export const COMMAND_STATUSES = ['pending', 'sent', 'accepted', 'done', 'rejected', 'expired', 'failed'] as const;
export const CommandSchema = z.object({
  id: z.string(),
  code: z.string(),
  command: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  issuedBy: z.string(),
  station: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  /** pending: waiting for the link · sent: the broker has it · then what the device answered, or expired. */
  status: z.enum(COMMAND_STATUSES),
  reason: z.string().nullable(),
  updatedAt: Timestamp,
});
export type CommandRecord = z.infer<typeof CommandSchema>;

export { DeviceCode };

/** A device event as the event log shows it: personal data masked (a name's first character, a card's last four digits). */
export const DeviceEventSchema = z.object({
  id: z.string(),
  code: z.string(),
  deviceName: z.string(),
  area: z.string(),
  building: z.string(),
  floor: z.string(),
  type: z.enum(EVENT_TYPE_NAMES as [string, ...string[]]),
  severity: z.enum(SEVERITIES),
  at: Timestamp,
  zone: z.string().nullable(),
  /** Masked; `events.person` gives the full text to roles allowed to see it, and audits that it did. */
  person: z.string().nullable(),
});
export type DeviceEventEntry = z.infer<typeof DeviceEventSchema>;

export const EventFilter = z.strictObject({
  types: z.array(z.enum(EVENT_TYPE_NAMES as [string, ...string[]])).max(EVENT_TYPE_NAMES.length).optional(),
  code: DeviceCode.optional(),
  area: z.string().max(64).optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  /** The page after this one: events before it (time, then id). */
  before: z.strictObject({ at: Timestamp, id: z.string().max(64) }).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
