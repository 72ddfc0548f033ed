import { create } from 'zustand';
import { ALL_ORDERS, type OrderQuery, type OrderSort } from './order-view';

export type OrdersView = 'board' | 'list' | 'figures';

type OrdersUi = { view: OrdersView; query: OrderQuery; sort: OrderSort; selected: string | null; open: string | null; creating: number | null };

/** The page's choices, kept while the officer visits other pages. */
export const useOrdersUi = create<OrdersUi>(() => ({ view: 'board', query: ALL_ORDERS, sort: 'deadline', selected: null, open: null, creating: null }));

export function openOrder(id: string): void {
  useOrdersUi.setState({ selected: id, open: id });
}

export function setQuery(change: Partial<OrderQuery>): void {
  useOrdersUi.setState((state) => ({ query: { ...state.query, ...change } }));
}
