/**
 * Roles and the permission matrix, in one place. The core checks these on
 * every call; the renderer only uses them to hide what the user cannot do.
 */
export const ROLES = [
  'duty_officer',
  'shift_supervisor',
  'emergency_commander',
  /** 物业管理员: the site's energy and its saving schedules. */
  'property_manager',
  /** 维修技师: the repair orders assigned to them, at a station or from the site's technician app. */
  'technician',
  'it_admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'alarms.read',
  'alarms.handle',
  'devices.read',
  'devices.command',
  'devices.edit',
  'users.read',
  'users.manage',
  'audit.read',
  'settings.read',
  'settings.edit',
  'ops.read',
  'video.live',
  'video.playback',
  'video.ptz',
  /** Names and card numbers in the access log, unmasked (GB/T 35273: personal information on a need-to-know basis). */
  'personal.read',
  /** Write the site's alarm rules: they decide what wakes the control room. */
  'rules.manage',
  /** Meters, consumption, trends and comparisons. */
  'energy.read',
  /** Energy-saving schedules and the commands they send (lighting, HVAC set-points, pumps). */
  'energy.control',
  /** Every repair work order of the site (物业报修). */
  'orders.read',
  /** Open a repair order: from the front desk, an alarm or a resident's call. */
  'orders.create',
  /** Assign, prioritise, close or cancel orders; escalations of late orders come to them. */
  'orders.manage',
  /** Work the orders assigned to oneself: accept, start, note, photograph, complete. */
  'orders.work',
  /** Announcements to residents and signage (社区公告): read them and their receipts. */
  'notices.read',
  /** Draft announcements, which someone holding notices.publish approves. */
  'notices.draft',
  /** Approve, schedule, publish and revoke announcements. */
  'notices.publish',
  /** The site's life-service catalogue and what it recommends to residents (生活服务推荐). */
  'services.read',
  /** Keep the catalogue. */
  'services.manage',
  /** Take an incident's evidence package (clips, timeline, audit entries) out of Vigil, signed by the station. */
  'evidence.export',
  /** Incidents (事件): the board, each incident's timeline, plan and dispatches, and their figures. */
  'incidents.read',
  /** Open an incident by hand or from an alarm or warning; note and link on it. */
  'incidents.open',
  /** Command an incident: level, state, plan steps, commander, dispatch and release of resources. */
  'incidents.command',
  /** Keep the response plans (应急预案) and the dispatchable resources. */
  'plans.manage',
  /** Early warnings (突发事件预警): see them, with their level history, and acknowledge them. */
  'warnings.read',
  /** Write the warning rules and dry-run drafts over the history: they decide when the site is warned of an emergency. */
  'warnings.manage',
  /** Make the station's diagnostics bundle (versions, configuration without secrets, health, logs): IT's alone. */
  'ops.diagnose',
  /** Export events, alarms, readings and orders as open data (数据开放), personal fields masked. */
  'openData.export',
  /**
   * The same with personal fields in full. Narrower than personal.read, which reveals one person at a time for a call-back:
   * a bulk export discloses everyone in the range at once, so only the shift supervisor (and IT) may, each time audited.
   */
  'openData.personal',
  /** Set the service targets and shifts the SLA report holds the station to: IT's alone. */
  'ops.targets',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIDEO: Permission[] = ['video.live', 'video.playback', 'video.ptz'];
/** Officers take residents' repair calls and draft notices (a lift out of order); property staff approve what residents read. */
const FRONT_DESK: Permission[] = ['orders.read', 'orders.create', 'notices.read', 'notices.draft', 'services.read'];
/** Emergencies: officers watch the warnings and open incidents; supervisors and commanders command them and keep the warning rules. */
const EMERGENCY_WATCH: Permission[] = ['warnings.read', 'incidents.read', 'incidents.open'];
const EMERGENCY_COMMAND: Permission[] = [...EMERGENCY_WATCH, 'warnings.manage', 'incidents.command', 'evidence.export'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  duty_officer: ['alarms.read', 'alarms.handle', 'devices.read', 'devices.command', 'ops.read', 'energy.read', ...VIDEO, ...FRONT_DESK, ...EMERGENCY_WATCH],
  // Late repair orders escalate to the shift supervisor, who may reassign them.
  shift_supervisor: ['alarms.read', 'alarms.handle', 'devices.read', 'devices.command', 'users.read', 'audit.read', 'ops.read', 'personal.read', 'rules.manage', 'energy.read', ...VIDEO, ...FRONT_DESK, 'orders.manage', ...EMERGENCY_COMMAND],
  // The commander also keeps the response plans and the dispatchable resources.
  emergency_commander: ['alarms.read', 'alarms.handle', 'devices.read', 'devices.command', 'users.read', 'ops.read', 'personal.read', 'energy.read', ...VIDEO, 'orders.read', 'orders.create', 'notices.read', ...EMERGENCY_COMMAND, 'plans.manage'],
  // Property staff see the site's devices and alarms (a leak is theirs to fix), run its energy, its repairs, what residents are told
  // and offered; they call residents back (personal.read, each reveal audited); no video, no door commands.
  property_manager: ['alarms.read', 'devices.read', 'energy.read', 'energy.control', 'personal.read', ...FRONT_DESK, 'orders.manage', 'notices.publish', 'services.manage'],
  // A technician sees the orders given to them and the devices they repair, nothing of residents beyond the order.
  technician: ['devices.read', 'orders.work'],
  it_admin: PERMISSIONS,
  // Auditors read everything that leaves a trace and change nothing; they review recordings, not live video, and take incidents' evidence out.
  auditor: ['alarms.read', 'devices.read', 'users.read', 'audit.read', 'settings.read', 'ops.read', 'energy.read', 'video.playback', 'orders.read', 'notices.read', 'services.read', 'warnings.read', 'incidents.read', 'evidence.export'],
};

// Open data (数据开放): every role that reads the site's records may export them masked; technicians read only their orders.
for (const role of ['duty_officer', 'shift_supervisor', 'emergency_commander', 'property_manager', 'auditor'] as const) {
  (ROLE_PERMISSIONS[role] as Permission[]).push('openData.export');
}
(ROLE_PERMISSIONS.shift_supervisor as Permission[]).push('openData.personal');

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
