import type { HandlerGroup } from '../router/router';
import type { SettingsStore } from './settings';

export function settingsHandlers(deps: { settings: SettingsStore }): HandlerGroup<'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => deps.settings.get(),
    'settings.update': (changes) => deps.settings.update(changes),
  };
}
