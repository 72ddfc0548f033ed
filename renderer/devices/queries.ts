import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { core } from '../core/client';
import { coalesce } from '../core/coalesce';
import type { CallInput } from '../core/contract';

export type DeviceListFilter = CallInput<'devices.list'>;

export const deviceKeys = {
  all: ['devices'] as const,
  tree: () => [...deviceKeys.all, 'tree'] as const,
  lists: () => [...deviceKeys.all, 'list'] as const,
  list: (filter: DeviceListFilter) => [...deviceKeys.lists(), filter] as const,
  details: () => [...deviceKeys.all, 'detail'] as const,
  detail: (code: string) => [...deviceKeys.details(), code] as const,
};

export function useDeviceTree() {
  return useQuery({ queryKey: deviceKeys.tree(), queryFn: () => core.call('devices.tree', {}) });
}

export function useDeviceList(filter: DeviceListFilter) {
  return useQuery({
    queryKey: deviceKeys.list(filter),
    queryFn: () => core.call('devices.list', filter),
    placeholderData: keepPreviousData,
  });
}

export function useDevice(code: string | null) {
  return useQuery({
    queryKey: deviceKeys.detail(code ?? ''),
    queryFn: () => core.call('devices.get', { code: code! }),
    enabled: !!code,
  });
}

/**
 * `devices.changed` names devices, not their data: mark what shows them as
 * stale, at most twice a second however fast the site changes.
 */
export function bindDeviceEvents(queryClient: QueryClient): () => void {
  const invalidate = coalesce<{ codes: string[]; all: boolean }>(500, (batch) => {
    void queryClient.invalidateQueries({ queryKey: deviceKeys.tree() });
    void queryClient.invalidateQueries({ queryKey: deviceKeys.lists() });
    if (batch.some((change) => change.all)) {
      void queryClient.invalidateQueries({ queryKey: deviceKeys.details() });
      return;
    }
    for (const code of new Set(batch.flatMap((change) => change.codes))) {
      void queryClient.invalidateQueries({ queryKey: deviceKeys.detail(code) });
    }
  });
  const off = core.on('devices.changed', invalidate);
  return () => {
    off();
    invalidate.cancel();
  };
}
