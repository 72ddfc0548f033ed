import { useEffect, useRef, type RefObject } from 'react';
import type { OrderSummary } from '../core/contract';
import type { RowsHandle } from '../alarms/virtual-rows';
import { typingIn } from '../shell/typing';
import { useOrdersUi } from './orders-ui';

/** The index `step` rows from the selected order, or the first when none is selected. */
export function moveOrderSelection(rows: readonly OrderSummary[], selected: string | null, step: 1 | -1): number {
  if (rows.length === 0) return -1;
  const at = selected === null ? -1 : rows.findIndex((row) => row.id === selected);
  if (at < 0) return 0;
  return Math.min(rows.length - 1, Math.max(0, at + step));
}

/** N opens a new order (front desk); ↓/↑ (J/K) move through the list, Enter opens, Esc closes; never while typing or in a dialog. */
export function useOrderKeys(rows: readonly OrderSummary[], list: RefObject<RowsHandle | null>, canCreate: boolean): void {
  const latest = useRef({ rows, canCreate });
  useEffect(() => {
    latest.current = { rows, canCreate };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const inDialog = event.target instanceof Element && !!event.target.closest('[role=dialog]');
      if (typingIn(event.target) || inDialog || event.altKey || event.ctrlKey || event.metaKey) return;
      const { rows, canCreate } = latest.current;
      const { selected, open, creating, view } = useOrdersUi.getState();
      if (creating !== null) return;
      const key = event.key.toLowerCase();
      if (key === 'n' && canCreate) {
        event.preventDefault();
        useOrdersUi.setState({ creating: Date.now() });
      } else if (view === 'list' && (key === 'j' || key === 'k' || event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        const index = moveOrderSelection(rows, selected, key === 'j' || event.key === 'ArrowDown' ? 1 : -1);
        const row = rows[index];
        if (!row) return;
        useOrdersUi.setState({ selected: row.id, open: open !== null ? row.id : null });
        list.current?.scrollTo(index);
      } else if (event.key === 'Enter' && selected !== null) useOrdersUi.setState({ open: selected });
      else if (event.key === 'Escape' && open !== null) useOrdersUi.setState({ open: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [list]);
}
