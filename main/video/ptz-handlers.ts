import type { HandlerGroup } from '../router/router';
import type { PtzService } from './ptz';

const OK = { ok: true as const };

export function ptzHandlers(deps: { ptz: PtzService }): HandlerGroup<'ptz.move' | 'ptz.stop' | 'ptz.presets' | 'ptz.goto'> {
  const { ptz } = deps;
  return {
    'ptz.move': async ({ camera, x, y, zoom }) => {
      await ptz.move(camera, { x, y, zoom });
      return OK;
    },
    'ptz.stop': async ({ camera }) => {
      await ptz.stop(camera);
      return OK;
    },
    'ptz.presets': ({ camera }) => ptz.presets(camera),
    // The router's audit entry names the camera and the preset.
    'ptz.goto': async ({ camera, preset }) => {
      await ptz.gotoPreset(camera, preset);
      return OK;
    },
  };
}
