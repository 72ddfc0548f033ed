import { useQuery, type QueryClient } from '@tanstack/react-query';
import { core } from '../core/client';
import { coalesce } from '../core/coalesce';

export const serviceKeys = {
  all: ['services'] as const,
  catalogue: () => [...serviceKeys.all, 'catalogue'] as const,
  residents: () => [...serviceKeys.all, 'residents'] as const,
  recommendations: (id: string) => [...serviceKeys.all, 'recommendations', id] as const,
};

export function useCatalogue() {
  return useQuery({ queryKey: serviceKeys.catalogue(), queryFn: () => core.call('services.catalogue', {}) });
}

export function useResidents() {
  return useQuery({ queryKey: serviceKeys.residents(), queryFn: () => core.call('services.residents', {}) });
}

export function useRecommendations(id: string | null) {
  return useQuery({ queryKey: serviceKeys.recommendations(id ?? ''), queryFn: () => core.call('services.recommendations', { id: id! }), enabled: !!id });
}

/** The catalogue changes at any station; profiles arrive from residents' apps. Either can change a resident's recommendations. */
export function bindServiceEvents(queryClient: QueryClient): () => void {
  const changed = coalesce<unknown>(300, () => void queryClient.invalidateQueries({ queryKey: serviceKeys.all }));
  const offServices = core.on('services.changed', changed);
  const offResidents = core.on('residents.changed', changed);
  return () => {
    offServices();
    offResidents();
    changed.cancel();
  };
}
