import { create } from 'zustand';
import { core } from '../core/client';
import type { DeviceKind } from '../core/contract';
import type { MarkerCounts, MarkerDevice } from './markers';
import { PARK_VIEW, buildingPlan, isOutdoor, parentOf, viewFromQuery, viewToQuery, type MapView } from './plans';

type MapUi = {
  view: MapView;
  /** Device kinds whose layer is switched off. */
  hidden: DeviceKind[];
  selected: string | null;
  /** An administrator is dragging markers into place. */
  placing: boolean;
  /** What the view shows, from the chart: updated only when a count changes. */
  counts: MarkerCounts | null;
  unplaced: MarkerDevice[];
  /** A new alarm the map moved to (shown) or only offers to move to, in the linkage bar. */
  follow: { alarm: string; code: string; label: string; shown: boolean } | null;
  /** Where the officer was before the map first followed an alarm: what "back" returns to. */
  followBack: { view: MapView; selected: string | null } | null;
};

const fromAddress = () => (location.hash.startsWith('#/map') ? viewFromQuery(location.hash.split('?')[1] ?? '') : PARK_VIEW);

export const useMapUi = create<MapUi>(() => ({ view: fromAddress(), hidden: [], selected: null, placing: false, counts: null, unplaced: [], follow: null, followBack: null }));

/** The view is kept in the address (`#/map?b=…&f=…`), so a reload or a link comes back to the same floor. */
export function writeViewToAddress(view: MapView): void {
  if (!location.hash.startsWith('#/map')) return;
  const query = viewToQuery(view);
  const hash = `#/map${query ? `?${query}` : ''}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

export const mapActions = {
  go(view: MapView): void {
    useMapUi.setState({ view, selected: null });
    writeViewToAddress(view);
  },
  /** One level up; false at the park, where there is nothing above. */
  up(): boolean {
    const parent = parentOf(useMapUi.getState().view);
    if (parent) mapActions.go(parent);
    return !!parent;
  },
  select(code: string | null): void {
    useMapUi.setState({ selected: code });
  },
  toggleKind(kind: DeviceKind): void {
    useMapUi.setState(({ hidden }) => ({ hidden: hidden.includes(kind) ? hidden.filter((other) => other !== kind) : [...hidden, kind] }));
  },
  showAllKinds(): void {
    useMapUi.setState({ hidden: [] });
  },
  setPlacing(placing: boolean): void {
    useMapUi.setState({ placing });
  },
  /** Opens the map where a device is and selects it: for an alarm or a search that wants to show it on the map. */
  async showDevice(code: string): Promise<void> {
    const device = await core.call('devices.get', { code });
    mapActions.go(viewOfDevice(device));
    mapActions.select(code);
  },
  /** A new alarm: moves the map to its device, or (while the officer is using the map) only offers to. */
  async follow(alarm: { id: string; source: string }, label: string, move: boolean): Promise<void> {
    useMapUi.setState({ follow: { alarm: alarm.id, code: alarm.source, label, shown: false } });
    if (move) await mapActions.showFollowed();
  },
  /** Moves to the offered alarm's device, keeping the place the officer was at before any alarm moved the map. */
  async showFollowed(): Promise<void> {
    const { follow, followBack, view, selected } = useMapUi.getState();
    if (!follow) return;
    await mapActions.showDevice(follow.code);
    // A later alarm may have taken the bar meanwhile: it stays, only the way back is kept.
    useMapUi.setState((state) => ({ follow: state.follow?.alarm === follow.alarm ? { ...follow, shown: true } : state.follow, followBack: followBack ?? { view, selected } }));
  },
  /** Back to where the officer was, and the bar goes. */
  followBack(): void {
    const { followBack } = useMapUi.getState();
    if (followBack) {
      mapActions.go(followBack.view);
      mapActions.select(followBack.selected);
    }
    mapActions.endFollow();
  },
  /** The bar goes; the map stays where it is. */
  endFollow(): void {
    useMapUi.setState({ follow: null, followBack: null });
  },
};

/** The view a device is drawn on: the park plan for outdoor devices, else its floor. */
export function viewOfDevice(device: { building: string; floor: string }): MapView {
  if (isOutdoor(device.building)) return PARK_VIEW;
  if (!device.floor) return buildingPlan(device.building) ? { level: 'building', building: device.building } : PARK_VIEW;
  return { level: 'floor', building: device.building, floor: device.floor };
}
