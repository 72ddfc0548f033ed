import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { core } from '../core/client';
import { coalesce } from '../core/coalesce';

export const orderKeys = {
  all: ['orders'] as const,
  list: () => [...orderKeys.all, 'list'] as const,
  mine: () => [...orderKeys.all, 'mine'] as const,
  detail: (id: string) => [...orderKeys.all, 'detail', id] as const,
  technicians: () => [...orderKeys.all, 'technicians'] as const,
  figures: (month: string) => [...orderKeys.all, 'figures', month] as const,
};

export function useOrders(enabled: boolean) {
  return useQuery({ queryKey: orderKeys.list(), queryFn: () => core.call('orders.list', {}), enabled, placeholderData: keepPreviousData });
}

export function useMyOrders(enabled: boolean) {
  return useQuery({ queryKey: orderKeys.mine(), queryFn: () => core.call('orders.mine', {}), enabled, placeholderData: keepPreviousData });
}

export function useOrder(id: string | null) {
  return useQuery({ queryKey: orderKeys.detail(id ?? ''), queryFn: () => core.call('orders.get', { id: id! }), enabled: id !== null });
}

export function useTechnicians(enabled: boolean) {
  return useQuery({ queryKey: orderKeys.technicians(), queryFn: () => core.call('orders.technicians', {}), enabled });
}

export function useFigures(month: string) {
  return useQuery({ queryKey: orderKeys.figures(month), queryFn: () => core.call('orders.figures', { month }), placeholderData: keepPreviousData });
}

/** Orders change at every station and from the apps; a burst becomes one read. */
export function bindOrderEvents(queryClient: QueryClient): () => void {
  const changed = coalesce<unknown>(300, () => void queryClient.invalidateQueries({ queryKey: orderKeys.all }));
  const offChanged = core.on('orders.changed', changed);
  const offMine = core.on('orders.mineChanged', changed);
  const offEscalated = core.on('orders.escalated', changed);
  return () => {
    offChanged();
    offMine();
    offEscalated();
    changed.cancel();
  };
}
