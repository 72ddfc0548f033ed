import { keepPreviousData, useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useEffect } from 'react';
import { core } from '../core/client';
import { coalesce } from '../core/coalesce';
import type { CallInput, DeviceEventEntry } from '../core/contract';

export const ACCESS_TYPES = ['access_granted', 'access_denied', 'door_forced', 'door_held_open'] as const;
export type AccessType = (typeof ACCESS_TYPES)[number];

export type AccessLogFilter = { types: AccessType[]; code?: string; area?: string; from?: number; to?: number };

const PAGE = 100;
/** The core says at most five times a second that events were stored; the log reads its newest page again at most this often. */
const REFETCH_MS = 300;

export const accessLogKeys = {
  all: ['access-log'] as const,
  list: (filter: AccessLogFilter) => [...accessLogKeys.all, filter] as const,
};

type Before = CallInput<'events.list'>['before'];

/** Newest first, a page at a time by keyset; live (see useAccessLogFeed) while only the newest page is loaded. */
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
    placeholderData: keepPreviousData,
  });
}

/** Whether a log showing `filter` may hold events of these types. */
function showsAny(filter: Pick<AccessLogFilter, 'types'>, types: readonly string[]): boolean {
  const shown: readonly string[] = filter.types.length ? filter.types : ACCESS_TYPES;
  return types.some((type) => shown.includes(type));
}

/**
 * Keeps the access log live: when the core says events of a type the log
 * shows were stored (`events.changed`), a log showing only its newest page
 * reads it again; one that has loaded older pages holds still, so rows never
 * shift under the reader (it says so, and "back to latest" reads afresh).
 * Events missed while the link was down or the session locked are caught up
 * by the session, which invalidates every query when it comes back.
 */
export function useAccessLogFeed(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const changed = coalesce<{ types: string[] }>(REFETCH_MS, (batch) => {
      const types = [...new Set(batch.flatMap((change) => change.types))];
      void queryClient.invalidateQueries({
        queryKey: accessLogKeys.all,
        predicate: (query) => {
          const [, filter] = query.queryKey as ReturnType<typeof accessLogKeys.list>;
          const pages = (query.state.data as InfiniteData<DeviceEventEntry[]> | undefined)?.pages.length ?? 0;
          return pages <= 1 && showsAny(filter, types);
        },
      });
    });
    const off = core.on('events.changed', changed);
    return () => {
      off();
      changed.cancel();
    };
  }, [queryClient]);
}
