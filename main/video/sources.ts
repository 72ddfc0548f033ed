import fs from 'node:fs';
import path from 'node:path';
import { ContractError, type Device, type Recording, type VideoProfile } from '../contract';
import { playbackUrl, type Recorder } from './playback';
import type { DeviceRegistry } from '../devices/registry';
import type { CameraCredentials } from './credentials';
import type { StreamSource } from './camera-stream';
import type { RtspRelay } from './rtsp-relay';

const CAMERA_KINDS = new Set(['camera', 'ipc']);
/** The demo park's cameras: `demo://<scene>/<profile>`, a clip in assets/video looped at real time. */
const DEMO_URL = /^demo:\/\/([a-z]+)\/(main|sub)$/;

/**
 * Where a camera's stream comes from: the URL its device announced on the
 * site. A camera with a sign-in (per camera, else the site's default) is
 * reached through the station's RTSP relay, which signs in for ffmpeg: the
 * password never goes on ffmpeg's command line.
 */
export class CameraSources {
  constructor(
    readonly credentials: CameraCredentials,
    private readonly registry: DeviceRegistry,
    /** Set on the demo park only: a real site can never make the core open local files. */
    private readonly demoClipsDir: string | null,
    private readonly relay: RtspRelay,
  ) {}

  resolve(camera: string, profile: VideoProfile): StreamSource {
    const device = this.camera(camera);
    const stream = device.streams.find((candidate) => candidate.profile === profile) ?? device.streams[0];
    if (!stream) throw new ContractError('unavailable', `${device.name} has announced no video stream`);
    const demo = DEMO_URL.exec(stream.url);
    if (demo) return { kind: 'loop', file: this.demoClip(demo[1]!, demo[2]!) };
    if (!/^rtsps?:\/\//.test(stream.url)) throw new ContractError('unavailable', `${device.name} announced a stream that is not RTSP`);
    return { kind: 'rtsp', ...this.signedIn(camera, stream.url) };
  }

  /** A camera's recording from `from` to `to`, as its device announced where it records. */
  recording(camera: string, from: Date, to: Date, speed: number): StreamSource {
    const device = this.camera(camera);
    const recording = device.recording;
    if (!recording) throw new ContractError('unavailable', `${device.name} has announced no recordings`);
    const demo = DEMO_URL.exec(recording.url);
    try {
      if (demo) {
        // The demo park "records" its clips: any time since the site started plays the clip from that point of its loop.
        if (to <= from) throw new RangeError('to must be after from');
        const seekSeconds = Math.max(0, (from.getTime() - (recording.start ?? 0)) / 1000);
        return { kind: 'recording', url: this.demoClip(demo[1]!, demo[2]!), seekSeconds, speed, durationSeconds: (to.getTime() - from.getTime()) / 1000 };
      }
      const target = playbackUrl(recorderOf(recording), from, to);
      return { kind: 'recording', ...this.signedIn(camera, target.url), seekSeconds: target.seekSeconds, speed, durationSeconds: target.durationSeconds };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new ContractError('invalid_input', error.message.replace(/^playback: /, ''));
    }
  }

  setCredentials(scope: string, username: string, password: string): void {
    this.credentials.set(scope, { username, password });
  }

  /** The camera's own credentials, else the site's default; for the core's own use (streams, PTZ), never for a window. */
  credentialsFor(camera: string): { username: string; password: string } | null {
    return this.credentials.for(camera);
  }

  private camera(code: string): Device {
    if (!this.registry.has(code)) throw new ContractError('not_found', `no device ${code}`);
    const device = this.registry.get(code);
    if (!CAMERA_KINDS.has(device.kind)) throw new ContractError('invalid_input', `${device.name} is not a camera`);
    return device;
  }

  private demoClip(scene: string, profile: string): string {
    const file = this.demoClipsDir && path.join(this.demoClipsDir, `${scene}-${profile}.mp4`);
    if (!file || !fs.existsSync(file)) throw new ContractError('unavailable', `no demo clip for demo://${scene}/${profile}`);
    return file;
  }

  /** The URL ffmpeg opens, and how the Ops page names it: `rtsp://***@camera/…` when a sign-in is used. */
  private signedIn(camera: string, url: string): { url: string; label?: string } {
    const signIn = this.credentialsFor(camera);
    if (!signIn) return { url };
    const parsed = new URL(url);
    // A sign-in the camera's announced URL carried is replaced by the one the core keeps.
    parsed.username = parsed.password = '';
    const label = parsed.toString().replace('//', '//***@');
    try {
      return { url: this.relay.route(parsed.toString(), signIn), label };
    } catch (error) {
      throw new ContractError('unavailable', `cannot reach ${camera} signed in: ${(error as Error).message}`);
    }
  }
}

/** The demo clips: beside the built core in a checkout (assets/video), in the resources of an installed app. */
export function findDemoClips(): string | null {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.VIGIL_DEMO_CLIPS,
    resources && path.join(resources, 'video'),
    path.resolve(import.meta.dirname ?? '.', '../../assets/video'),
  ];
  return candidates.find((dir): dir is string => !!dir && fs.existsSync(dir)) ?? null;
}

function recorderOf(recording: Recording): Recorder {
  if (recording.vendor === 'generic') return { vendor: 'generic', baseUrl: recording.url, recordingStart: new Date(recording.start ?? 0) };
  const { hostname, port } = new URL(recording.url);
  const base = { host: hostname, port: port ? Number(port) : undefined, channel: recording.channel };
  return recording.vendor === 'hikvision' ? { vendor: 'hikvision', ...base } : { vendor: 'dahua', ...base, timeZoneOffsetMinutes: recording.timeZoneOffsetMinutes };
}
