import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { core } from '../core/client';
import { coalesce } from '../core/coalesce';
import type { CallInput } from '../core/contract';

export type SeriesRequest = CallInput<'energy.series'>;
export type BreakdownRequest = CallInput<'energy.breakdown'>;

export const energyKeys = {
  all: ['energy'] as const,
  meters: () => [...energyKeys.all, 'meters'] as const,
  series: (request: SeriesRequest) => [...energyKeys.all, 'series', request] as const,
  breakdown: (request: BreakdownRequest) => [...energyKeys.all, 'breakdown', request] as const,
};

export function useMeters() {
  return useQuery({ queryKey: energyKeys.meters(), queryFn: () => core.call('energy.meters', {}) });
}

export function useSeries(request: SeriesRequest) {
  return useQuery({ queryKey: energyKeys.series(request), queryFn: () => core.call('energy.series', request), placeholderData: keepPreviousData });
}

export function useBreakdown(request: BreakdownRequest) {
  return useQuery({ queryKey: energyKeys.breakdown(request), queryFn: () => core.call('energy.breakdown', request), placeholderData: keepPreviousData });
}

/** New readings arrive every minute or so: what shows them is read again at most every 5 s. */
export function bindEnergyEvents(queryClient: QueryClient): () => void {
  const stale = coalesce<unknown>(5_000, () => void queryClient.invalidateQueries({ queryKey: energyKeys.all }));
  const off = core.on('energy.changed', stale);
  return () => {
    off();
    stale.cancel();
  };
}
