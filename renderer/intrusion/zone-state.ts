import type { Device } from '../core/contract';

/** What the intrusion page shows of a zone (防区): the panel's state while on line, otherwise that it is not. */
export const ZONE_VIEWS = ['alarm', 'armed', 'disarmed', 'bypassed', 'offline', 'unknown'] as const;
export type ZoneView = (typeof ZONE_VIEWS)[number];

export function zoneView(device: Pick<Device, 'status' | 'zone'>): ZoneView {
  if (device.status !== 'online') return 'offline';
  return device.zone ?? 'unknown';
}

export function summariseZones(devices: readonly Pick<Device, 'status' | 'zone'>[]): Record<ZoneView, number> {
  const counts = Object.fromEntries(ZONE_VIEWS.map((view) => [view, 0])) as Record<ZoneView, number>;
  for (const device of devices) counts[zoneView(device)]++;
  return counts;
}

export const ZONE_ACTIONS = ['arm', 'disarm', 'bypass', 'unbypass'] as const;
export type ZoneAction = (typeof ZONE_ACTIONS)[number];

/**
 * The panel commands, and which need a reason: the core is the authority
 * (main/commands/rules.ts) and refuses without one; asking here saves a round trip.
 */
export const ZONE_COMMANDS: Record<ZoneAction, { command: string; needsReason: boolean }> = {
  arm: { command: 'zone.arm', needsReason: false },
  disarm: { command: 'zone.disarm', needsReason: true },
  bypass: { command: 'zone.bypass', needsReason: true },
  unbypass: { command: 'zone.unbypass', needsReason: false },
};

/** A zone command is acted on within this or never. */
export const ZONE_COMMAND_TTL_SECONDS = 30;

/** What an officer may do to a zone in this state; nothing while it is out of reach. */
export function zoneActions(view: ZoneView): ZoneAction[] {
  switch (view) {
    case 'armed':
    case 'alarm':
      return ['disarm', 'bypass'];
    case 'disarmed':
      return ['arm', 'bypass'];
    case 'bypassed':
      return ['unbypass'];
    case 'unknown':
      return ['arm', 'disarm', 'bypass'];
    case 'offline':
      return [];
    default: {
      const unexpected: never = view;
      return unexpected;
    }
  }
}

export type PartitionState = 'alarm' | 'armed' | 'partial' | 'disarmed' | 'offline';

/**
 * A partition (a building, or the perimeter) as a whole: in alarm if any zone
 * is; armed when every zone that can be is; bypassed and offline zones do not
 * make it partial, they are counted apart.
 */
export function partitionState(devices: readonly Pick<Device, 'status' | 'zone'>[]): PartitionState {
  const views = devices.map(zoneView);
  if (views.includes('alarm')) return 'alarm';
  const armable = views.filter((view) => view !== 'bypassed' && view !== 'offline');
  if (armable.length === 0) return views.includes('offline') ? 'offline' : 'disarmed';
  const armed = armable.filter((view) => view === 'armed').length;
  if (armed === armable.length) return 'armed';
  return armed === 0 ? 'disarmed' : 'partial';
}

export type PartitionPlan<T> = { send: T[]; already: T[]; bypassed: T[]; offline: T[] };

/**
 * Which zones a partition arm or disarm commands: those on line that are not
 * already so. Bypassed zones stay bypassed (that is what a bypass is for);
 * offline ones are listed so the officer knows what was not reached.
 */
export function planPartition<T extends Pick<Device, 'status' | 'zone'>>(devices: readonly T[], action: 'arm' | 'disarm'): PartitionPlan<T> {
  const plan: PartitionPlan<T> = { send: [], already: [], bypassed: [], offline: [] };
  for (const device of devices) {
    const view = zoneView(device);
    if (view === 'offline') plan.offline.push(device);
    else if (view === 'bypassed') plan.bypassed.push(device);
    else if (action === 'arm' ? view === 'armed' || view === 'alarm' : view === 'disarmed') plan.already.push(device);
    else plan.send.push(device);
  }
  return plan;
}
