import fs from 'node:fs';
import path from 'node:path';
import { ContractError, type VideoProfile } from '../contract';
import type { DeviceRegistry } from '../devices/registry';
import type { Database } from '../store/database';
import type { StreamSource } from './camera-stream';

const CAMERA_KINDS = new Set(['camera', 'ipc']);
/** The demo park's cameras: `demo://<scene>/<profile>`, a clip in assets/video looped at real time. */
const DEMO_URL = /^demo:\/\/([a-z]+)\/(main|sub)$/;

/**
 * Where a camera's stream comes from: the URL its device announced on the
 * site, with the credentials the core keeps (per camera, else the site's
 * default) put in only here, on the way to ffmpeg.
 */
export class CameraSources {
  constructor(
    private readonly db: Database,
    private readonly registry: DeviceRegistry,
    /** Set on the demo park only: a real site can never make the core open local files. */
    private readonly demoClipsDir: string | null,
  ) {}

  resolve(camera: string, profile: VideoProfile): StreamSource {
    if (!this.registry.has(camera)) throw new ContractError('not_found', `no device ${camera}`);
    const device = this.registry.get(camera);
    if (!CAMERA_KINDS.has(device.kind)) throw new ContractError('invalid_input', `${device.name} is not a camera`);
    const stream = device.streams.find((candidate) => candidate.profile === profile) ?? device.streams[0];
    if (!stream) throw new ContractError('unavailable', `${device.name} has announced no video stream`);
    const demo = DEMO_URL.exec(stream.url);
    if (demo) {
      const file = this.demoClipsDir && path.join(this.demoClipsDir, `${demo[1]}-${demo[2]}.mp4`);
      if (!file || !fs.existsSync(file)) throw new ContractError('unavailable', `no demo clip for ${stream.url}`);
      return { kind: 'loop', file };
    }
    if (!/^rtsps?:\/\//.test(stream.url)) throw new ContractError('unavailable', `${device.name} announced a stream that is not RTSP`);
    return { kind: 'rtsp', url: this.withCredentials(camera, stream.url) };
  }

  setCredentials(scope: string, username: string, password: string): void {
    this.db
      .prepare('INSERT INTO camera_credentials (scope, username, password, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(scope) DO UPDATE SET username = excluded.username, password = excluded.password, updated_at = excluded.updated_at')
      .run(scope, username, password, Date.now());
  }

  /** The camera's own credentials, else the site's default; for the core's own use (streams, PTZ), never for a window. */
  credentialsFor(camera: string): { username: string; password: string } | null {
    const row = this.db
      .prepare("SELECT username, password FROM camera_credentials WHERE scope IN (?, '*') ORDER BY scope = '*' LIMIT 1")
      .get(camera) as { username: string; password: string } | undefined;
    return row ?? null;
  }

  private withCredentials(camera: string, url: string): string {
    const row = this.credentialsFor(camera);
    if (!row) return url;
    const parsed = new URL(url);
    parsed.username = encodeURIComponent(row.username);
    parsed.password = encodeURIComponent(row.password);
    return parsed.toString();
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
