import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { coalesce } from '../core/coalesce';
import type { IncidentDetail } from '../core/contract';
import { describeError } from '../core/errors';

export const incidentKeys = {
  all: ['incidents'] as const,
  list: () => [...incidentKeys.all, 'list'] as const,
  detail: (id: string) => [...incidentKeys.all, 'detail', id] as const,
  plans: () => [...incidentKeys.all, 'plans'] as const,
  resources: () => [...incidentKeys.all, 'resources'] as const,
  figures: () => [...incidentKeys.all, 'figures'] as const,
};

export function useIncidents(enabled = true) {
  return useQuery({ queryKey: incidentKeys.list(), queryFn: () => core.call('incidents.list', {}), enabled, placeholderData: keepPreviousData });
}

export function useIncident(id: string | null) {
  return useQuery({ queryKey: incidentKeys.detail(id ?? ''), queryFn: () => core.call('incidents.get', { id: id! }), enabled: id !== null });
}

export function useResources() {
  return useQuery({ queryKey: incidentKeys.resources(), queryFn: () => core.call('resources.list', {}) });
}

export function useIncidentFigures() {
  return useQuery({ queryKey: incidentKeys.figures(), queryFn: () => core.call('incidents.figures', {}) });
}

type IncidentCall = 'incidents.open' | 'incidents.act' | 'incidents.dispatch' | 'incidents.release';

/** Runs one incident call; the answer is the incident as it now stands, shown at once; a refusal is said in words. */
export function useIncidentCall() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method, input }: { method: IncidentCall; input: unknown }) => core.call(method, input as never) as Promise<IncidentDetail>,
    onSuccess: (incident) => {
      queryClient.setQueryData(incidentKeys.detail(incident.id), incident);
      void queryClient.invalidateQueries({ queryKey: incidentKeys.list() });
    },
    onError: (error) => message.error({ content: describeError(t, error), key: 'incident-error', duration: 8 }),
  });
}

/** Incidents change at every station and from the handhelds; a burst becomes one read. */
export function bindIncidentEvents(queryClient: QueryClient): () => void {
  const changed = coalesce<unknown>(200, () => void queryClient.invalidateQueries({ queryKey: incidentKeys.all }));
  const off = core.on('incidents.changed', changed);
  return () => {
    off();
    changed.cancel();
  };
}
