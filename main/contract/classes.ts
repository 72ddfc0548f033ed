/**
 * The site's vocabulary, shared by the core, the windows and the published
 * MQTT interface: event types with their codes, severities, alarm states and
 * the data classes of fields (数据分类与编码).
 */

/** Four severities, most urgent first; colour and sound follow them in the UI. */
export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Device event types. Codes are stable and published in the interface
 * document: 1xxx security, 2xxx safety, 3xxx device health, 4xxx access,
 * 5xxx energy.
 */
export const EVENT_TYPES = {
  intrusion: { code: 1101, severity: 'critical' },
  zone_armed: { code: 1102, severity: 'info' },
  zone_disarmed: { code: 1103, severity: 'info' },
  zone_bypassed: { code: 1104, severity: 'minor' },
  smoke: { code: 2101, severity: 'critical' },
  water_leak: { code: 2102, severity: 'major' },
  gas_leak: { code: 2103, severity: 'critical' },
  tamper: { code: 3101, severity: 'major' },
  device_offline: { code: 3102, severity: 'minor' },
  video_loss: { code: 3103, severity: 'major' },
  door_forced: { code: 4101, severity: 'major' },
  door_held_open: { code: 4102, severity: 'minor' },
  access_granted: { code: 4103, severity: 'info' },
  access_denied: { code: 4104, severity: 'minor' },
  meter_anomaly: { code: 5101, severity: 'minor' },
  /** Raised by an alarm rule (报警规则), not by a device; the rule sets its severity. */
  rule: { code: 9101, severity: 'major' },
} as const satisfies Record<string, { code: number; severity: Severity }>;
export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];
/** What devices themselves report; 'rule' alarms come from stations' rules. */
export const DEVICE_EVENT_TYPE_NAMES = EVENT_TYPE_NAMES.filter((type) => type !== 'rule');

/** What a door controller reports of its door. */
export const DOOR_STATES = ['closed', 'open', 'held_open', 'forced'] as const;
export type DoorState = (typeof DOOR_STATES)[number];

/** What an intrusion panel reports of a zone (a detector, 防区): in alarm means armed and triggered. */
export const ZONE_STATES = ['armed', 'disarmed', 'bypassed', 'alarm'] as const;
export type ZoneState = (typeof ZONE_STATES)[number];

/** Alarm states in their only allowed order: a state never goes back. */
export const ALARM_STATES = ['new', 'acknowledged', 'handling', 'resolved', 'closed'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

/**
 * Data classes of published fields (GB/T 35273 practice): public may be
 * shared and opened, internal stays within the platform, personal is masked
 * unless a role is allowed to see it.
 */
export const DATA_CLASSES = ['public', 'internal', 'personal'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];
