import { useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { core } from '../core/client';
import type { CallOutput, LinkState } from '../core/contract';
import { recordSample } from './history';
import { opsKeys } from './keys';


export type OpsStatus = CallOutput<'ops.status'>;

/** The live figures are polled while the Ops page is open and the window is visible. */
export const STATUS_POLL_MS = 1_000;
export const QUARANTINE_POLL_MS = 5_000;
export const QUARANTINE_PAGE_SIZE = 50;


export function useOpsStatus() {
  return useQuery({
    queryKey: opsKeys.status(),
    queryFn: async () => {
      const status = await core.call('ops.status', {});
      recordSample(status.ingest.rates);
      return status;
    },
    // TanStack pauses the interval while the window is hidden (refetchIntervalInBackground is off).
    refetchInterval: STATUS_POLL_MS,
  });
}

/** Newest first; each further page starts below the oldest row already shown. */
export function useQuarantinePages() {
  return useInfiniteQuery({
    queryKey: opsKeys.quarantine(QUARANTINE_PAGE_SIZE),
    queryFn: ({ pageParam }) => core.call('ops.quarantine', { beforeId: pageParam, limit: QUARANTINE_PAGE_SIZE }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => (page.length === QUARANTINE_PAGE_SIZE ? page[page.length - 1]!.id : undefined),
    refetchInterval: QUARANTINE_POLL_MS,
  });
}

/**
 * `link.state` carries the whole state: put it in both caches at once, so the
 * Ops page and the header change together without waiting for the next poll.
 */
export function bindOpsEvents(queryClient: QueryClient): () => void {
  return core.on('link.state', (link: LinkState) => {
    queryClient.setQueryData(opsKeys.link(), link);
    queryClient.setQueryData<OpsStatus>(opsKeys.status(), (status) => (status ? { ...status, link } : status));
  });
}
