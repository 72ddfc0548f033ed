import type { Device } from '../core/contract';

/**
 * What the doors page shows of a door: its door state while the controller
 * is on line, otherwise that it is not (its last report may be stale).
 */
export const DOOR_VIEWS = ['forced', 'held_open', 'open', 'offline', 'closed', 'unknown'] as const;
export type DoorView = (typeof DOOR_VIEWS)[number];

export function doorView(device: Pick<Device, 'status' | 'door'>): DoorView {
  if (device.status !== 'online') return 'offline';
  return device.door ?? 'unknown';
}

/** Doors that want the officer's eye: open too long, forced, or out of reach. */
export function needsAttention(view: DoorView): boolean {
  return view === 'forced' || view === 'held_open' || view === 'offline';
}

export function summariseDoors(devices: readonly Pick<Device, 'status' | 'door'>[]): Record<DoorView, number> {
  const counts = Object.fromEntries(DOOR_VIEWS.map((view) => [view, 0])) as Record<DoorView, number>;
  for (const device of devices) counts[doorView(device)]++;
  return counts;
}

/** How long an officer may hold a door open from the control room. */
export const OPEN_SECONDS = [3, 5, 10] as const;
export type OpenSeconds = (typeof OPEN_SECONDS)[number];

/** A door must not open long after the officer asked: past this the controller ignores the command. */
export const DOOR_COMMAND_TTL_SECONDS = 15;
