import type { Device, DeviceKind, DeviceStatus, Severity } from '../core/contract';
import { fanOut, type Placed, type Point } from './positions';
import { SEVERITY_RANK } from './symbols';

export type MarkerDevice = Pick<Device, 'code' | 'name' | 'kind' | 'status' | 'building' | 'floor' | 'x' | 'y'>;
export type Marker = { device: MarkerDevice; kind: DeviceKind; point: Point };
/** What a change touched: the base layer (where markers are) or the overlay (their state). */
export type Changes = { base: boolean; overlay: boolean };
export type Trouble = Exclude<DeviceStatus, 'online'>;

export type MarkerCounts = {
  /** Markers on the view by kind, hidden layers included, so a layer toggle can say what it hides. */
  kinds: Partial<Record<DeviceKind, number>>;
  statuses: Record<DeviceStatus, number>;
  alarms: number;
  /** Devices of this view without a position yet. */
  unplaced: number;
};

const NONE: Changes = { base: false, overlay: false };

/**
 * The markers of one view, kept outside React: full device lists come in
 * (twice a second at most), and what changed is worked out here so the chart
 * redraws the 10 000-marker base layer only when markers appear, disappear or
 * move, and otherwise only the small overlay of devices in trouble or alarm.
 */
export class MarkerSet {
  private devices = new Map<string, MarkerDevice>();
  private markers = new Map<string, Marker>();
  /** Positions being saved: shown at once, and kept while a refetch still carries the old ones. */
  private readonly overrides = new Map<string, { x: number; y: number }>();
  private alarms = new Map<string, Severity>();
  private hidden = new Set<DeviceKind>();

  constructor(
    private readonly project: (device: Placed) => Point | null,
    /** How far apart devices sharing a spot are fanned, in map units. */
    private readonly fanRadius: number,
  ) {}

  setDevices(list: readonly MarkerDevice[]): Changes {
    this.devices = new Map(list.map((device) => [device.code, device]));
    return this.relayout();
  }

  /** Worst open alarm per device code. */
  setAlarms(alarms: ReadonlyMap<string, Severity>): Changes {
    const before = this.alarms;
    this.alarms = new Map(alarms);
    for (const code of this.markers.keys()) if (before.get(code) !== this.alarms.get(code)) return { base: false, overlay: true };
    return NONE;
  }

  setHidden(kinds: Iterable<DeviceKind>): Changes {
    const next = new Set(kinds);
    const same = next.size === this.hidden.size && [...next].every((kind) => this.hidden.has(kind));
    this.hidden = next;
    return same ? NONE : { base: true, overlay: true };
  }

  override(code: string, x: number, y: number): Changes {
    this.overrides.set(code, { x, y });
    return this.relayout();
  }

  /** The save finished: from now on the device's stored position counts (or its old one, if the save failed). */
  release(code: string): Changes {
    return this.overrides.delete(code) ? this.relayout() : NONE;
  }

  private relayout(): Changes {
    const placed: { device: MarkerDevice; point: Point }[] = [];
    for (const device of this.devices.values()) {
      const override = this.overrides.get(device.code);
      const point = this.project(override ? { ...device, ...override } : device);
      if (point) placed.push({ device, point });
    }
    const points = fanOut(
      placed.map(({ point }) => point),
      this.fanRadius,
    );
    const next = new Map<string, Marker>();
    placed.forEach(({ device }, index) => next.set(device.code, { device, kind: device.kind as DeviceKind, point: points[index]! }));
    const before = this.markers;
    this.markers = next;
    let base = before.size !== next.size;
    let overlay = base;
    for (const [code, marker] of next) {
      const old = before.get(code);
      if (!old || old.kind !== marker.kind || old.point[0] !== marker.point[0] || old.point[1] !== marker.point[1]) base = overlay = true;
      else if (old.device.status !== marker.device.status) overlay = true;
      if (base) break;
    }
    return { base, overlay };
  }

  marker(code: string): Marker | undefined {
    return this.markers.get(code);
  }

  device(code: string): MarkerDevice | undefined {
    return this.devices.get(code);
  }

  alarmOf(code: string): Severity | undefined {
    return this.alarms.get(code);
  }

  /** Every shown marker by kind, in a stable order: what the base layer draws, one series per kind. */
  baseGroups(): { kind: DeviceKind; codes: string[]; points: Point[] }[] {
    const groups = new Map<DeviceKind, { kind: DeviceKind; codes: string[]; points: Point[] }>();
    for (const marker of this.markers.values()) {
      if (this.hidden.has(marker.kind)) continue;
      let group = groups.get(marker.kind);
      if (!group) groups.set(marker.kind, (group = { kind: marker.kind, codes: [], points: [] }));
      group.codes.push(marker.device.code);
      group.points.push(marker.point);
    }
    return [...groups.values()];
  }

  /** Shown markers not online, by kind and state: drawn over their base marker in the state's colour. */
  troubleGroups(): { kind: DeviceKind; status: Trouble; points: Point[] }[] {
    const groups = new Map<string, { kind: DeviceKind; status: Trouble; points: Point[] }>();
    for (const marker of this.markers.values()) {
      const status = marker.device.status;
      if (status === 'online' || this.hidden.has(marker.kind)) continue;
      const key = `${marker.kind}|${status}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { kind: marker.kind, status, points: [] }));
      group.points.push(marker.point);
    }
    return [...groups.values()];
  }

  /** Shown markers with an open alarm, most urgent last so they draw on top. */
  alarmed(): { code: string; severity: Severity; point: Point }[] {
    const list: { code: string; severity: Severity; point: Point }[] = [];
    for (const [code, severity] of this.alarms) {
      const marker = this.markers.get(code);
      if (marker && !this.hidden.has(marker.kind)) list.push({ code, severity, point: marker.point });
    }
    return list.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  }

  /** Devices of the view that have no position yet, for an administrator to place. */
  unplaced(): MarkerDevice[] {
    return [...this.devices.values()].filter((device) => !this.markers.has(device.code) && (device.x === null || device.y === null));
  }

  counts(): MarkerCounts {
    const counts: MarkerCounts = { kinds: {}, statuses: { online: 0, offline: 0, fault: 0, unknown: 0 }, alarms: 0, unplaced: 0 };
    for (const marker of this.markers.values()) {
      counts.kinds[marker.kind] = (counts.kinds[marker.kind] ?? 0) + 1;
      counts.statuses[marker.device.status]++;
      if (this.alarms.has(marker.device.code)) counts.alarms++;
    }
    counts.unplaced = this.unplaced().length;
    return counts;
  }
}
