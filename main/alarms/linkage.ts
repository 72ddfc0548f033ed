import { POST_ALARM_SECONDS, PRE_ALARM_SECONDS, type Alarm, type AlarmLinkage, type Device } from '../contract';
import type { DeviceRegistry } from '../devices/registry';

/** Cameras an alarm puts on the wall, at most: a 2×2 wall. */
const MAX_CAMERAS = 4;

/**
 * The cameras that see a device, nearest first: the device itself when it is
 * a camera, then cameras on the same floor by distance, then the same
 * building, then the same area.
 */
export function camerasNear(source: Device, cameras: Device[], limit = MAX_CAMERAS): Device[] {
  const distance = (camera: Device) => {
    if (camera.code === source.code) return -1;
    const tier = camera.building === source.building ? (camera.floor === source.floor ? 0 : 10) : camera.area === source.area ? 20 : null;
    if (tier === null) return null;
    const apart = camera.x !== null && camera.y !== null && source.x !== null && source.y !== null ? Math.hypot(camera.x - source.x, camera.y - source.y) : 1;
    return tier + apart;
  };
  return cameras
    .map((camera) => ({ camera, distance: distance(camera) }))
    .filter((entry): entry is { camera: Device; distance: number } => entry.distance !== null)
    .sort((a, b) => a.distance - b.distance || a.camera.code.localeCompare(b.camera.code))
    .slice(0, limit)
    .map((entry) => entry.camera);
}

/** What an alarm links to: the cameras near its device, where it is, and the clip from the first of them that records. */
export function linkageOf(alarm: Alarm, registry: DeviceRegistry): AlarmLinkage {
  const source = registry.has(alarm.source) ? registry.get(alarm.source) : null;
  if (!source) return { cameras: [], place: null, clip: null };
  const ranked = camerasNear(source, registry.cameras());
  const recorder = ranked.find((camera) => camera.recording !== null);
  return {
    cameras: ranked.map((camera) => camera.code),
    place: { area: source.area, building: source.building, floor: source.floor, x: source.x, y: source.y },
    clip: recorder ? { camera: recorder.code, from: alarm.raisedAt - PRE_ALARM_SECONDS * 1000, to: alarm.raisedAt + POST_ALARM_SECONDS * 1000 } : null,
  };
}
