import fs from 'node:fs';
import path from 'node:path';
import type { HandlerGroup } from '../router/router';
import type { VideoGateway } from './gateway';
import type { CameraSources } from './sources';
import { MAX_STREAMS_PER_WINDOW } from '../contract';

export function videoHandlers(deps: { gateway: VideoGateway; sources: CameraSources; dataDir: string }): HandlerGroup<
  'video.open' | 'video.close' | 'video.playback' | 'video.seek' | 'video.snapshot' | 'video.health' | 'video.credentials'
> {
  const { gateway } = deps;
  return {
    'video.open': (request, { connection }) => ({ stream: gateway.open(connection, request), limit: MAX_STREAMS_PER_WINDOW }),
    'video.close': ({ stream }, { connection }) => {
      gateway.closeStream(connection, stream);
      return { ok: true as const };
    },
    // Who watched which camera's recording, and of when, is in the audit trail.
    'video.playback': (request, { connection }) => ({ stream: gateway.openPlayback(connection, request) }),
    'video.seek': ({ stream, at, speed }, { connection }) => {
      gateway.seekPlayback(connection, stream, { at, speed });
      return { ok: true as const };
    },
    // Saved in the station's data folder; the router's audit entry names camera, officer and station.
    'video.snapshot': async ({ camera }) => {
      const jpeg = await gateway.snapshot(camera);
      const takenAt = Date.now();
      const file = path.join('snapshots', `${camera}-${new Date(takenAt).toISOString().replace(/[:.]/g, '-')}.jpg`);
      fs.mkdirSync(path.join(deps.dataDir, 'snapshots'), { recursive: true });
      fs.writeFileSync(path.join(deps.dataDir, file), jpeg);
      return { camera, takenAt, file, jpegBase64: jpeg.toString('base64') };
    },
    'video.health': () => gateway.health(),
    'video.credentials': ({ scope, username, password }) => {
      deps.sources.setCredentials(scope, username, password);
      return { ok: true as const };
    },
  };
}
