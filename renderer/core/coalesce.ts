/**
 * Runs `flush` at most once per `ms`, with everything collected since the last
 * run: bursts of core events become one refetch.
 */
export function coalesce<T>(ms: number, flush: (items: T[]) => void) {
  let items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const push = (item: T) => {
    items.push(item);
    timer ??= setTimeout(() => {
      const batch = items;
      items = [];
      timer = null;
      flush(batch);
    }, ms);
  };
  push.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    items = [];
  };
  return push;
}
