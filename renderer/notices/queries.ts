import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { core } from '../core/client';
import { coalesce } from '../core/coalesce';
import type { CallInput } from '../core/contract';

export const noticeKeys = {
  all: ['notices'] as const,
  list: (filter: CallInput<'notices.list'>) => [...noticeKeys.all, 'list', filter] as const,
  one: (id: string) => [...noticeKeys.all, 'one', id] as const,
  receipts: (id: string) => [...noticeKeys.all, 'receipts', id] as const,
};

export function useNotices(filter: CallInput<'notices.list'>) {
  return useQuery({ queryKey: noticeKeys.list(filter), queryFn: () => core.call('notices.list', filter), placeholderData: keepPreviousData });
}

export function useNotice(id: string | null) {
  return useQuery({ queryKey: noticeKeys.one(id ?? ''), queryFn: () => core.call('notices.get', { id: id! }), enabled: id !== null });
}

export function useReceipts(id: string | null) {
  return useQuery({ queryKey: noticeKeys.receipts(id ?? ''), queryFn: () => core.call('notices.receipts', { id: id! }), enabled: id !== null });
}

const loaded = new Map<string, Promise<string>>();
/** An image of a body as a data URL, fetched once per hash: bodies name images by hash only. */
export function imageUrl(hash: string): Promise<string> {
  let url = loaded.get(hash);
  if (!url) {
    url = core.call('images.get', { hash }).then((image) => (image ? `data:${image.type};base64,${image.data}` : ''));
    loaded.set(hash, url);
  }
  return url;
}

/** Notices change at any station and receipts arrive by the thousand: one read at most every half second. */
export function bindNoticeEvents(queryClient: QueryClient): () => void {
  const changed = coalesce<unknown>(500, () => void queryClient.invalidateQueries({ queryKey: noticeKeys.all }));
  const off = core.on('notices.changed', changed);
  return () => {
    off();
    changed.cancel();
  };
}
