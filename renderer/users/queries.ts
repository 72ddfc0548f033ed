import { useQuery, type QueryClient } from '@tanstack/react-query';
import { core } from '../core/client';

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
};

export function useUsers() {
  return useQuery({ queryKey: userKeys.list(), queryFn: () => core.call('users.list', {}) });
}

export function bindUserEvents(queryClient: QueryClient): () => void {
  return core.on('users.changed', () => void queryClient.invalidateQueries({ queryKey: userKeys.all }));
}
