import type { Hub } from '../router/hub';
import type { HandlerGroup } from '../router/router';
import type { DeviceRegistry } from './registry';

export function deviceHandlers(deps: { registry: DeviceRegistry; siteName: string; hub: Hub }): HandlerGroup<
  'devices.tree' | 'devices.list' | 'devices.get' | 'devices.place'
> {
  const { registry } = deps;
  return {
    'devices.tree': () => registry.tree(deps.siteName),
    'devices.list': (filter) => registry.list(filter),
    'devices.get': ({ code }) => registry.get(code),
    'devices.place': ({ code, x, y }) => {
      registry.place(code, x, y);
      // Every window showing the device (another officer's map) moves it too.
      deps.hub.broadcast('devices.changed', { codes: [code], all: false });
      return { ok: true as const };
    },
  };
}
