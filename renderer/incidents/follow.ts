import { useEffect } from 'react';
import type { IncidentDetail } from '../core/contract';
import { mapActions } from '../map/map-store';
import { buildingPlan } from '../map/plans';
import { useFocus } from '../shell/focus';
import { wallActions } from '../video/wall-store';
import { useIncident } from './queries';

/** Links that are devices on the map: what the map drills to. */
const ON_MAP = new Set(['camera', 'door', 'device', 'meter']);

/** The incident this window follows (a command desk's map, wall or timeline), live; null when it follows none. */
export function useFollowedIncident(): IncidentDetail | null {
  const { incident, follows } = useFocus();
  const detail = useIncident(follows ? incident : null);
  return follows ? (detail.data ?? null) : null;
}

/** The wall of the incident in focus: its cameras, as an alarm's linkage shows them, with the officer's wall kept to go back to. */
export function useIncidentOnWall(): IncidentDetail | null {
  const incident = useFollowedIncident();
  const cameras = incident?.links.filter((link) => link.kind === 'camera').map((link) => link.ref) ?? [];
  const key = cameras.join(',');
  useEffect(() => {
    if (incident && key) wallActions.showAlarm(`incident:${incident.id}`, incident.title, key.split(','));
    // The cameras, not the incident object, decide: every change to the incident would otherwise reset the wall.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incident?.id, key]);
  return incident;
}

/** The map of the incident in focus: the floor of its first linked device, selected, or else its building. */
export function useIncidentOnMap(): IncidentDetail | null {
  const incident = useFollowedIncident();
  const device = incident?.links.find((link) => ON_MAP.has(link.kind))?.ref ?? null;
  const building = incident?.place.building ?? null;
  useEffect(() => {
    if (device) void mapActions.showDevice(device);
    else if (building && buildingPlan(building)) mapActions.go({ level: 'building', building });
  }, [incident?.id, device, building]);
  return incident;
}
