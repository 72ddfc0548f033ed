import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { core } from '../../core/client';
import { coalesce } from '../../core/coalesce';
import { CONTROLLER_OF, SAVING_LOADS, type Device } from '../../core/contract';
import { deviceKeys } from '../../devices/queries';

/** Apart from the meters' keys: readings arrive every minute and must not read the schedules again. */
export const savingKeys = {
  all: ['saving'] as const,
  schedules: () => [...savingKeys.all, 'schedules'] as const,
  plan: (from: number) => [...savingKeys.all, 'plan', from] as const,
  runs: () => [...savingKeys.all, 'runs'] as const,
};

export function useSchedules() {
  return useQuery({ queryKey: savingKeys.schedules(), queryFn: () => core.call('energy.schedules', {}) });
}

/** What will run in the 7 days from `from` (a site midnight), and the position its sun times are for. */
export function usePlan(from: number) {
  return useQuery({ queryKey: savingKeys.plan(from), queryFn: () => core.call('energy.plan', { from, days: 7 }), placeholderData: keepPreviousData });
}

export function useRuns() {
  return useQuery({ queryKey: savingKeys.runs(), queryFn: () => core.call('energy.runs', { limit: 100 }) });
}

const CONTROLLER_KINDS = SAVING_LOADS.map((load) => CONTROLLER_OF[load]);

/** Every controller a schedule can drive, by code: names for the tables, choices for the editor. */
export function useControllers() {
  return useQuery({
    // Under the device lists' key, so a device renamed or gone offline is read again.
    queryKey: [...deviceKeys.lists(), 'controllers'],
    queryFn: async () => {
      const lists = await Promise.all(CONTROLLER_KINDS.map((kind) => core.call('devices.list', { kind, limit: 1000 })));
      return new Map<string, Device>(lists.flatMap((list) => list.items.map((device) => [device.code, device] as const)));
    },
  });
}

/**
 * Schedules change at any station of the site; a run's commands move on as
 * the devices acknowledge them. Bursts become one read at most every second.
 */
export function bindSavingEvents(queryClient: QueryClient): () => void {
  const schedules = coalesce<unknown>(300, () => void queryClient.invalidateQueries({ queryKey: savingKeys.all }));
  const commands = coalesce<unknown>(1_000, () => void queryClient.invalidateQueries({ queryKey: savingKeys.runs() }));
  const offSchedules = core.on('energy.schedulesChanged', schedules);
  const offCommands = core.on('commands.changed', commands);
  return () => {
    offSchedules();
    offCommands();
    schedules.cancel();
    commands.cancel();
  };
}
