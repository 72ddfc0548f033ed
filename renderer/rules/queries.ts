import { useQuery, type QueryClient } from '@tanstack/react-query';
import { core } from '../core/client';

export const ruleKeys = { all: ['rules'] as const };

export function useRules() {
  return useQuery({ queryKey: ruleKeys.all, queryFn: () => core.call('rules.list', {}) });
}

/** Rules change at any station of the site; the core says so and the list reads them again. */
export function bindRuleEvents(queryClient: QueryClient): () => void {
  return core.on('rules.changed', () => void queryClient.invalidateQueries({ queryKey: ruleKeys.all }));
}
