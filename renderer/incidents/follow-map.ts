import { useEffect } from 'react';
import type { IncidentDetail } from '../core/contract';
import { mapActions } from '../map/map-store';
import { buildingPlan } from '../map/plans';
import { useFollowedIncident } from './follow';

/** Links that are devices on the map: what the map drills to. */
const ON_MAP = new Set(['camera', 'door', 'device', 'meter']);

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
