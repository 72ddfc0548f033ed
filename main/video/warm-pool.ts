import { camerasNear } from '../alarms/linkage';
import type { DeviceRegistry } from '../devices/registry';
import type { Logger } from '../logging/logger';
import type { VideoGateway } from './gateway';

/** Streams kept warm at most: each is an ffmpeg remux (about 4 MB, a fraction of a core) and a camera's bandwidth. */
export const WARM_LIMIT = 8;

/**
 * The camera nearest each armed intrusion zone, kept streaming with nobody
 * watching: an intrusion's camera then shows on the wall at once instead of
 * after ffmpeg's start and the camera's next keyframe (about 2 s).
 * Recomputed whenever devices change; zones disarmed or offline let go.
 */
export class WarmPool {
  private readonly held = new Map<string, () => void>();

  constructor(
    private readonly deps: { registry: DeviceRegistry; gateway: VideoGateway; logger: Logger },
    private readonly limit = WARM_LIMIT,
  ) {}

  refresh(): void {
    const wanted = new Set(this.wanted());
    for (const [camera, release] of this.held) {
      if (wanted.has(camera)) continue;
      release();
      this.held.delete(camera);
    }
    for (const camera of wanted) {
      if (this.held.has(camera)) continue;
      try {
        this.held.set(camera, this.deps.gateway.hold(camera, 'main'));
      } catch (error) {
        this.deps.logger.warn({ camera, error: (error as Error).message }, 'camera not kept warm');
      }
    }
  }

  /** Cameras the pool holds now. */
  cameras(): string[] {
    return [...this.held.keys()];
  }

  stop(): void {
    for (const release of this.held.values()) release();
    this.held.clear();
  }

  private wanted(): string[] {
    const cameras = this.deps.registry.cameras();
    if (!cameras.length) return [];
    const zones = this.deps.registry
      .list({ kind: 'alarm_input', limit: 100_000, offset: 0 })
      .items.filter((zone) => zone.status === 'online' && (zone.zone === 'armed' || zone.zone === 'alarm'));
    const picked = new Set<string>();
    for (const zone of zones) {
      const [nearest] = camerasNear(zone, cameras, 1);
      if (nearest) picked.add(nearest.code);
      if (picked.size >= this.limit) break;
    }
    return [...picked];
  }
}
