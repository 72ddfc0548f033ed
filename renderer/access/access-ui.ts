import { create } from 'zustand';
import { toggleState } from '../device-control/state-filter-bar';
import type { AccessType } from './access-log-query';
import type { DoorView } from './door-state';

type AccessUi = {
  search: string;
  area: string | undefined;
  /** Door states shown; none means all. */
  views: DoorView[];
  selected: string | null;
  /** The door the open confirmation is for; it stays set while the dialog closes. */
  opening: string | null;
  dialogOpen: boolean;
  /** The access log shows only this door, area, these types, this time. */
  logDoor: string | undefined;
  logArea: string | undefined;
  logTypes: AccessType[];
  logFrom: number | undefined;
  logTo: number | undefined;
};

/** The doors page's own state: it outlives a visit to another page. */
export const useAccessUi = create<AccessUi>(() => ({ search: '', area: undefined, views: [], selected: null, opening: null, dialogOpen: false, logDoor: undefined, logArea: undefined, logTypes: [], logFrom: undefined, logTo: undefined }));

export const accessActions = {
  toggleView(view: DoorView): void {
    useAccessUi.setState((state) => ({ views: toggleState(state.views, view) }));
  },
  select(code: string): void {
    useAccessUi.setState({ selected: code });
  },
  showLogOf(code: string): void {
    useAccessUi.setState({ logDoor: code, selected: code });
  },
  askToOpen(code: string): void {
    useAccessUi.setState({ opening: code, dialogOpen: true, selected: code });
  },
  closeDialog(): void {
    useAccessUi.setState({ dialogOpen: false });
  },
  dialogGone(): void {
    useAccessUi.setState({ opening: null });
  },
};
