import type { Hub } from '../router/hub';
import type { HandlerGroup } from '../router/router';
import type { SettingsStore } from './settings';

export function settingsHandlers(deps: { settings: SettingsStore; hub: Hub }): HandlerGroup<'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => deps.settings.get(),
    'settings.update': (changes) => {
      const settings = deps.settings.update(changes);
      deps.hub.broadcast('settings.changed', {});
      return settings;
    },
  };
}
