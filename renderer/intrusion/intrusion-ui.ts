import { create } from 'zustand';
import { toggleState } from '../device-control/state-filter-bar';
import type { ZoneAction, ZoneView } from './zone-state';

/** What the confirmation is for: one zone, or every zone of a partition (a building's key). */
export type ZoneRequest = { kind: 'zone'; code: string; action: ZoneAction } | { kind: 'partition'; key: string; action: 'arm' | 'disarm' };

type IntrusionUi = {
  search: string;
  /** Zone states shown; none means all. */
  views: ZoneView[];
  selected: string | null;
  request: ZoneRequest | null;
  dialogOpen: boolean;
};

export const useIntrusionUi = create<IntrusionUi>(() => ({ search: '', views: [], selected: null, request: null, dialogOpen: false }));

export const intrusionActions = {
  toggleView(view: ZoneView): void {
    useIntrusionUi.setState((state) => ({ views: toggleState(state.views, view) }));
  },
  select(code: string): void {
    useIntrusionUi.setState({ selected: code });
  },
  ask(request: ZoneRequest): void {
    useIntrusionUi.setState({ request, dialogOpen: true, ...(request.kind === 'zone' ? { selected: request.code } : {}) });
  },
  closeDialog(): void {
    useIntrusionUi.setState({ dialogOpen: false });
  },
  dialogGone(): void {
    useIntrusionUi.setState({ request: null });
  },
};
