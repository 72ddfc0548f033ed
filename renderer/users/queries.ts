import { useQuery, type QueryClient } from '@tanstack/react-query';
import { core } from '../core/client';

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
};

/** The site's users; `enabled` false for a page shown to someone who may not read them. */
export function useUsers(enabled = true) {
  return useQuery({ queryKey: userKeys.list(), queryFn: () => core.call('users.list', {}), enabled });
}

export function bindUserEvents(queryClient: QueryClient): () => void {
  return core.on('users.changed', () => void queryClient.invalidateQueries({ queryKey: userKeys.all }));
}
