import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import { coalesce } from '../core/coalesce';
import type { Alarm, Device } from '../core/contract';
import { OPEN_STATES } from './alarm-marks';
import { deviceKeys } from '../devices/queries';
import { MANIFEST, viewKey, type MapView } from './plans';

const PAGE = 1000;

/** Every device matching a filter, however many pages: the first says how many follow, the rest come at once. */
async function everyDevice(filter: { building: string; floor?: string }): Promise<Device[]> {
  const first = await core.call('devices.list', { ...filter, limit: PAGE, offset: 0 });
  const pages = Math.ceil(Math.max(0, first.total - first.items.length) / PAGE);
  const rest = await Promise.all(Array.from({ length: pages }, (_, index) => core.call('devices.list', { ...filter, limit: PAGE, offset: PAGE * (index + 1) })));
  return [first, ...rest].flatMap((page) => page.items);
}

function filtersOf(view: MapView): { building: string; floor?: string }[] {
  switch (view.level) {
    case 'park':
      return MANIFEST.park.outdoor.map((building) => ({ building }));
    case 'building':
      return [{ building: view.building }];
    case 'floor':
      return [{ building: view.building, floor: view.floor }];
    default: {
      const unexpected: never = view;
      return unexpected;
    }
  }
}

/**
 * The devices a view draws. Kept under the device lists' key, so the
 * `devices.changed` binding every page relies on refreshes it too (at most
 * twice a second); the chart works out what actually changed.
 */
export function useViewDevices(view: MapView) {
  return useQuery({
    queryKey: [...deviceKeys.lists(), 'map', viewKey(view)],
    queryFn: async () => (await Promise.all(filtersOf(view).map(everyDevice))).flat(),
    // Comparing 10 000 devices deeply on every refresh costs more than the chart's own diff.
    structuralSharing: false,
  });
}

const OPEN_ALARMS_KEY = ['alarms', 'open', 'map'] as const;
const ALARM_PAGE = 1000;
/** Enough for any storm the officer can still read on a map; the alarm list holds the rest. */
const MAX_OPEN_ALARMS = 5000;

async function openAlarms(): Promise<Alarm[]> {
  const found: Alarm[] = [];
  let before: { raisedAt: number; id: string } | undefined;
  while (found.length < MAX_OPEN_ALARMS) {
    const page = await core.call('alarms.list', { states: OPEN_STATES, limit: ALARM_PAGE, ...(before ? { before } : {}) });
    found.push(...page);
    const last = page.at(-1);
    if (page.length < ALARM_PAGE || !last) break;
    before = { raisedAt: last.raisedAt, id: last.id };
  }
  return found;
}

/**
 * Marks open alarms stale on `alarms.changed`, at most twice a second, while
 * the map is open; the query refetches afresh whenever the map opens, so
 * nothing missed meanwhile stays hidden. Called once, by the page.
 */
export function useAlarmRefresh(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const invalidate = coalesce<unknown>(500, () => void queryClient.invalidateQueries({ queryKey: OPEN_ALARMS_KEY }));
    const off = core.on('alarms.changed', invalidate);
    return () => {
      off();
      invalidate.cancel();
    };
  }, [queryClient]);
}

/** `fresh` for the map itself (refetch on opening); the device panel reads what the map already has. */
export function useOpenAlarms({ fresh }: { fresh: boolean }) {
  const enabled = usePermission('alarms.read');
  return useQuery({ queryKey: OPEN_ALARMS_KEY, queryFn: openAlarms, enabled, refetchOnMount: fresh ? 'always' : false, structuralSharing: false });
}
