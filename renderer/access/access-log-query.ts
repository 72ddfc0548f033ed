import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { core } from '../core/client';
import type { CallInput, DeviceEventEntry } from '../core/contract';

export const ACCESS_TYPES = ['access_granted', 'access_denied', 'door_forced', 'door_held_open'] as const;
export type AccessType = (typeof ACCESS_TYPES)[number];

export type AccessLogFilter = { types: AccessType[]; code?: string; area?: string; from?: number; to?: number };

const PAGE = 100;
/** Access events are not pushed to windows: the newest page is read again this often while it is all that is shown. */
const LIVE_MS = 3_000;

export const accessLogKeys = {
  all: ['access-log'] as const,
  list: (filter: AccessLogFilter) => [...accessLogKeys.all, filter] as const,
};

type Before = CallInput<'events.list'>['before'];

/** Newest first, a page at a time by keyset; live while only the newest page is loaded, so paging never shifts under the reader. */
export function useAccessLog(filter: AccessLogFilter) {
  return useInfiniteQuery({
    queryKey: accessLogKeys.list(filter),
    queryFn: ({ pageParam }): Promise<DeviceEventEntry[]> =>
      core.call('events.list', {
        types: filter.types.length ? filter.types : [...ACCESS_TYPES],
        code: filter.code,
        area: filter.area,
        from: filter.from,
        to: filter.to,
        before: pageParam,
        limit: PAGE,
      }),
    initialPageParam: undefined as Before,
    getNextPageParam: (page): Before => (page.length === PAGE ? { at: page[page.length - 1]!.at, id: page[page.length - 1]!.id } : undefined),
    refetchInterval: (query) => ((query.state.data?.pages.length ?? 0) <= 1 ? LIVE_MS : false),
    placeholderData: keepPreviousData,
  });
}
