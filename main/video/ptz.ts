import { ContractError, PTZ_MOVE_TIMEOUT_MS, type PtzPreset } from '../contract';
import type { DeviceRegistry } from '../devices/registry';
import { connectOnvif, OnvifError, type OnvifDevice, type OnvifTarget, type PtzVelocity } from './onvif';
import type { CameraSources } from './sources';

/** Per request: an operator holding a control would rather hear "unreachable" soon than wait the default 5 s four times. */
const REQUEST_TIMEOUT_MS = 3_000;
const CAMERA_KINDS = new Set(['camera', 'ipc']);

type Link = { device: OnvifDevice; profile: string };
type Cached = { key: string; link: Promise<Link> };

/**
 * Pan-tilt-zoom of the site's cameras over ONVIF. One connection per camera,
 * kept until a request fails (then the next request connects afresh) or the
 * camera's address or credentials change. Commands to a camera are sent one
 * at a time, so a quick press and release cannot reach it as stop-then-move.
 */
export class PtzService {
  private readonly links = new Map<string, Cached>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly registry: DeviceRegistry,
    private readonly sources: CameraSources,
    private readonly connect: (target: OnvifTarget, timeoutMs: number) => Promise<OnvifDevice> = connectOnvif,
  ) {}

  move(camera: string, velocity: PtzVelocity): Promise<void> {
    return this.command(camera, ({ device, profile }) => device.move(profile, velocity, PTZ_MOVE_TIMEOUT_MS));
  }

  stop(camera: string): Promise<void> {
    return this.command(camera, ({ device, profile }) => device.stop(profile));
  }

  presets(camera: string): Promise<PtzPreset[]> {
    return this.command(camera, ({ device, profile }) => device.presets(profile));
  }

  gotoPreset(camera: string, preset: string): Promise<void> {
    return this.command(camera, ({ device, profile }) => device.gotoPreset(profile, preset));
  }

  private async command<T>(camera: string, run: (link: Link) => Promise<T>): Promise<T> {
    const target = this.targetOf(camera);
    const previous = this.queues.get(camera) ?? Promise.resolve();
    const result = previous.then(async () => {
      const cached = this.linkTo(camera, target);
      try {
        return await run(await cached.link);
      } catch (error) {
        if (this.links.get(camera) === cached) this.links.delete(camera);
        throw toContractError(error, target);
      }
    });
    const settled = result.catch(() => undefined);
    this.queues.set(camera, settled);
    void settled.then(() => this.queues.get(camera) === settled && this.queues.delete(camera));
    return await result;
  }

  private linkTo(camera: string, target: OnvifTarget): Cached {
    const key = JSON.stringify(target);
    const cached = this.links.get(camera);
    if (cached?.key === key) return cached;
    const link = this.connect(target, REQUEST_TIMEOUT_MS).then((device) => {
      const profile = device.profiles().find((candidate) => candidate.ptz);
      if (!profile) throw new OnvifError('unsupported', 'no profile with pan-tilt-zoom');
      return { device, profile: profile.token };
    });
    const fresh = { key, link };
    this.links.set(camera, fresh);
    return fresh;
  }

  /** Where and as whom to reach the camera; refuses here what no connection could fix. */
  private targetOf(camera: string): OnvifTarget {
    const device = this.registry.get(camera);
    if (!CAMERA_KINDS.has(device.kind)) throw new ContractError('invalid_input', `${device.name} is not a camera`);
    if (!device.onvif) throw new ContractError('unavailable', `this camera has no PTZ: ${device.name} announced no ONVIF address`);
    const url = new URL(device.onvif);
    const secure = url.protocol === 'https:';
    const credentials = this.sources.credentialsFor(camera);
    return {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port) || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      secure,
      username: credentials?.username ?? '',
      password: credentials?.password ?? '',
    };
  }
}

function toContractError(error: unknown, target: OnvifTarget): unknown {
  if (!(error instanceof OnvifError)) return error;
  switch (error.kind) {
    case 'bad_credentials':
      return new ContractError(
        'bad_credentials',
        target.username ? 'the camera refused the user name or password set for it' : 'the camera needs a user name and password, and none is set for it',
      );
    case 'unsupported':
      return new ContractError('unavailable', 'this camera has no PTZ');
    case 'unreachable':
    case 'device_fault':
      return new ContractError('unavailable', error.message);
    default: {
      const unexpected: never = error.kind;
      return new ContractError('internal', `unknown ONVIF failure ${String(unexpected)}`);
    }
  }
}
