import { useQuery, type QueryClient } from '@tanstack/react-query';
import { core } from '../core/client';
import type { WarningView } from '../core/contract';
import { mergeWarnings } from './merge';

export const warningKeys = { all: ['warnings'] as const, list: ['warnings', 'list'] as const, rules: ['warnings', 'rules'] as const };

export function useWarnings() {
  // Sharing by position would copy every warning below one put in at the top (and draw its card again); mergeWarnings keeps the unchanged ones.
  return useQuery({ queryKey: warningKeys.list, queryFn: () => core.call('warnings.list', {}), structuralSharing: false });
}

export function useWarningRules() {
  return useQuery({ queryKey: warningKeys.rules, queryFn: () => core.call('warningRules.list', {}) });
}

/**
 * Warnings and their rules change at any station of the site; the core says
 * so. Changed warnings come with the event and go straight into the list (a
 * fire changes one at a time; reading the whole list and drawing every card
 * for each would keep the one that changed waiting); the rules are read again.
 */
export function bindWarningEvents(queryClient: QueryClient): () => void {
  const offs = [
    core.on('warnings.changed', ({ warnings }) => {
      // A list on its way may have been read before this change: it is read again instead.
      if (queryClient.getQueryState(warningKeys.list)?.fetchStatus !== 'idle') return void queryClient.invalidateQueries({ queryKey: warningKeys.list });
      queryClient.setQueryData<WarningView[]>(warningKeys.list, (list) => list && mergeWarnings(list, warnings));
    }),
    core.on('warningRules.changed', () => void queryClient.invalidateQueries({ queryKey: warningKeys.rules })),
  ];
  return () => offs.forEach((off) => off());
}
