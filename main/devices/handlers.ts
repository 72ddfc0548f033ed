import type { HandlerGroup } from '../router/router';
import type { DeviceRegistry } from './registry';

export function deviceHandlers(deps: { registry: DeviceRegistry; siteName: string }): HandlerGroup<
  'devices.tree' | 'devices.list' | 'devices.get' | 'devices.place'
> {
  const { registry } = deps;
  return {
    'devices.tree': () => registry.tree(deps.siteName),
    'devices.list': (filter) => registry.list(filter),
    'devices.get': ({ code }) => registry.get(code),
    'devices.place': ({ code, x, y }) => {
      registry.place(code, x, y);
      return { ok: true as const };
    },
  };
}
