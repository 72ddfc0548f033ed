import { useQuery, type QueryClient } from '@tanstack/react-query';
import { core } from '../core/client';

export const warningKeys = { all: ['warnings'] as const, rules: ['warnings', 'rules'] as const };

export function useWarnings() {
  return useQuery({ queryKey: [...warningKeys.all, 'list'], queryFn: () => core.call('warnings.list', {}) });
}

export function useWarningRules() {
  return useQuery({ queryKey: warningKeys.rules, queryFn: () => core.call('warningRules.list', {}) });
}

/** Warnings and their rules change at any station of the site; the core says so and the page reads them again. */
export function bindWarningEvents(queryClient: QueryClient): () => void {
  const offs = [
    core.on('warnings.changed', () => void queryClient.invalidateQueries({ queryKey: [...warningKeys.all, 'list'] })),
    core.on('warningRules.changed', () => void queryClient.invalidateQueries({ queryKey: warningKeys.rules })),
  ];
  return () => offs.forEach((off) => off());
}
