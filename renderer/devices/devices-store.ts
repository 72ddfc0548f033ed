import { create } from 'zustand';
import type { DeviceKind, DeviceStatus } from '../core/contract';

/** The tree node the list is narrowed to; the site root narrows nothing. */
export type PlaceFilter = { key: string; area?: string; building?: string; floor?: string };

type DevicesUi = {
  place: PlaceFilter;
  search: string;
  kind: DeviceKind | undefined;
  status: DeviceStatus | undefined;
  page: number;
  pageSize: number;
  expanded: string[] | null;
  openCode: string | null;
};

export const useDevicesUi = create<DevicesUi>(() => ({
  place: { key: 'site' },
  search: '',
  kind: undefined,
  status: undefined,
  page: 1,
  pageSize: 50,
  expanded: null,
  openCode: null,
}));

/** Any change of filter starts again from the first page. */
export function setDeviceFilter(change: Partial<Pick<DevicesUi, 'place' | 'search' | 'kind' | 'status'>>): void {
  useDevicesUi.setState({ ...change, page: 1 });
}
