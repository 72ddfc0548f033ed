import type { QueryClient } from '@tanstack/react-query';
import { core } from '../core/client';

export const settingsKeys = {
  all: ['settings'] as const,
  current: () => [...settingsKeys.all, 'current'] as const,
};

export function bindSettingsEvents(queryClient: QueryClient): () => void {
  return core.on('settings.changed', () => void queryClient.invalidateQueries({ queryKey: settingsKeys.all }));
}
