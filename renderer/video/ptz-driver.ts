import { PTZ_MOVE_TIMEOUT_MS } from '../core/contract';
import { core } from '../core/client';

export type PtzVelocity = { x: number; y: number; zoom: number };
export type PtzDirection = 'up' | 'down' | 'left' | 'right' | 'in' | 'out';

/** Half speed: full speed overshoots on a zoomed-in view, and holding longer is easier than correcting. */
const SPEED = 0.5;
const DIRECTIONS: Record<PtzDirection, PtzVelocity> = {
  up: { x: 0, y: SPEED, zoom: 0 },
  down: { x: 0, y: -SPEED, zoom: 0 },
  left: { x: -SPEED, y: 0, zoom: 0 },
  right: { x: SPEED, y: 0, zoom: 0 },
  in: { x: 0, y: 0, zoom: SPEED },
  out: { x: 0, y: 0, zoom: -SPEED },
};

/** Keys that steer the selected camera. Both shifted and unshifted +/-: Shift may be let go before the key. */
export const PTZ_KEYS: Record<string, PtzDirection> = { w: 'up', s: 'down', a: 'left', d: 'right', '+': 'in', '=': 'in', '-': 'out', _: 'out' };

/** Several held directions add up: W and D together pan up and right. */
export function velocityOf(directions: Iterable<PtzDirection>): PtzVelocity {
  const sum = { x: 0, y: 0, zoom: 0 };
  for (const direction of new Set(directions)) {
    for (const axis of ['x', 'y', 'zoom'] as const) sum[axis] = Math.max(-1, Math.min(1, sum[axis] + DIRECTIONS[direction][axis]));
  }
  return sum;
}

const still = (velocity: PtzVelocity) => velocity.x === 0 && velocity.y === 0 && velocity.zoom === 0;

/**
 * Holds one camera's continuous move: the core has the camera stop by itself
 * a few seconds after each move, so the move is repeated while held, and a
 * stop is sent on release. A failed move is reported once, not every repeat.
 */
export class PtzDriver {
  private camera: string | null = null;
  private velocity: PtzVelocity = velocityOf([]);
  private repeat: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly onError: (error: unknown) => void) {}

  steer(camera: string, velocity: PtzVelocity): void {
    if (this.camera !== camera || still(velocity)) this.release();
    if (still(velocity)) return;
    this.camera = camera;
    this.velocity = velocity;
    this.send();
    this.repeat ??= setInterval(() => this.send(), PTZ_MOVE_TIMEOUT_MS / 2.5);
  }

  release(): void {
    const camera = this.camera;
    this.forget();
    if (camera) core.call('ptz.stop', { camera }).catch(this.onError);
  }

  private send(): void {
    const camera = this.camera;
    if (!camera) return;
    core.call('ptz.move', { camera, ...this.velocity }).catch((error: unknown) => {
      if (this.camera !== camera) return;
      this.forget();
      this.onError(error);
    });
  }

  private forget(): void {
    if (this.repeat !== null) clearInterval(this.repeat);
    this.repeat = null;
    this.camera = null;
  }
}
