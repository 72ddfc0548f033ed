import { useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { core } from '../core/client';
import { coalesce } from '../core/coalesce';

export type AuditFilter = { actor?: string; action?: string; beforeId?: number };

export const AUDIT_PAGE_SIZE = 100;

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (filter: AuditFilter) => [...auditKeys.lists(), filter] as const,
  anchors: () => [...auditKeys.all, 'anchors'] as const,
};

/** Newest first; each further page starts below the oldest row already shown. */
export function useAuditPages(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filter),
    queryFn: ({ pageParam }) => core.call('audit.list', { ...filter, beforeId: pageParam, limit: AUDIT_PAGE_SIZE }),
    initialPageParam: filter.beforeId,
    getNextPageParam: (page) => (page.length === AUDIT_PAGE_SIZE ? page[page.length - 1]!.id : undefined),
  });
}

/** Each station's audit anchor and what it revealed; a finding is appended to the trail, so audit.appended refreshes it. */
export function useAuditAnchors() {
  return useQuery({ queryKey: auditKeys.anchors(), queryFn: () => core.call('audit.anchors', {}) });
}

export function bindAuditEvents(queryClient: QueryClient): () => void {
  const invalidate = coalesce<unknown>(500, () => void queryClient.invalidateQueries({ queryKey: auditKeys.all }));
  const off = core.on('audit.appended', invalidate);
  return () => {
    off();
    invalidate.cancel();
  };
}
