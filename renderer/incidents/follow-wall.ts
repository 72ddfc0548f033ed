import { useEffect } from 'react';
import type { IncidentDetail } from '../core/contract';
import { wallActions } from '../video/wall-store';
import { useFollowedIncident } from './follow';

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
