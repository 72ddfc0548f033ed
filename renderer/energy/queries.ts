import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { core } from '../core/client';
import { coalesce } from '../core/coalesce';
import type { CallInput } from '../core/contract';

export type SeriesRequest = CallInput<'energy.series'>;
export type BreakdownRequest = CallInput<'energy.breakdown'>;
export type CostRequest = CallInput<'energy.cost'>;
export type TopRequest = CallInput<'energy.top'>;
export type IntensityRequest = CallInput<'energy.intensity'>;

export const energyKeys = {
  all: ['energy'] as const,
  meters: () => [...energyKeys.all, 'meters'] as const,
  series: (request: SeriesRequest) => [...energyKeys.all, 'series', request] as const,
  breakdown: (request: BreakdownRequest) => [...energyKeys.all, 'breakdown', request] as const,
  cost: (request: CostRequest) => [...energyKeys.all, 'cost', request] as const,
  top: (request: TopRequest) => [...energyKeys.all, 'top', request] as const,
  intensity: (request: IntensityRequest) => [...energyKeys.all, 'intensity', request] as const,
  tariff: () => [...energyKeys.all, 'tariff'] as const,
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

export function useCost(request: CostRequest) {
  return useQuery({ queryKey: energyKeys.cost(request), queryFn: () => core.call('energy.cost', request), placeholderData: keepPreviousData });
}

export function useTop(request: TopRequest) {
  return useQuery({ queryKey: energyKeys.top(request), queryFn: () => core.call('energy.top', request), placeholderData: keepPreviousData });
}

/** Only by building: floors and meters have no floor area of their own in the registry. */
export function useIntensity(request: IntensityRequest, enabled: boolean) {
  return useQuery({ queryKey: energyKeys.intensity(request), queryFn: () => core.call('energy.intensity', request), placeholderData: keepPreviousData, enabled });
}

export function useTariff() {
  return useQuery({ queryKey: energyKeys.tariff(), queryFn: () => core.call('energy.tariff', {}) });
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
