import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { core } from '../../core/client';
import { describeError } from '../../core/errors';
import { incidentKeys } from '../queries';

export function usePlans() {
  return useQuery({ queryKey: incidentKeys.plans(), queryFn: () => core.call('plans.list', {}) });
}

/** A change to the plans or resources: said when done, refused in words, and the lists read again (other stations hear of it from the site). */
export function useSetupChange<T>(change: (input: T) => Promise<unknown>, done: string, onDone?: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: incidentKeys.plans() });
      void queryClient.invalidateQueries({ queryKey: incidentKeys.resources() });
      void message.success(done);
      onDone?.();
    },
    onError: (failure) => void message.error(describeError(t, failure)),
  });
}
