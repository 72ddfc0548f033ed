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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIDEO: Permission[] = ['video.live', 'video.playback', 'video.ptz'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  duty_officer: ['alarms.read', 'alarms.handle', 'devices.read', 'devices.command', 'ops.read', 'energy.read', ...VIDEO],
  shift_supervisor: ['alarms.read', 'alarms.handle', 'devices.read', 'devices.command', 'users.read', 'audit.read', 'ops.read', 'personal.read', 'rules.manage', 'energy.read', ...VIDEO],
  emergency_commander: ['alarms.read', 'alarms.handle', 'devices.read', 'devices.command', 'users.read', 'ops.read', 'personal.read', 'energy.read', ...VIDEO],
  // Property staff see the site's devices and alarms (a leak is theirs to fix) and run its energy; no video, no door commands.
  property_manager: ['alarms.read', 'devices.read', 'energy.read', 'energy.control'],
  it_admin: PERMISSIONS,
  // Auditors read everything that leaves a trace and change nothing; they review recordings, not live video.
  auditor: ['alarms.read', 'devices.read', 'users.read', 'audit.read', 'settings.read', 'ops.read', 'energy.read', 'video.playback'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
