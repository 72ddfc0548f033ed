import { INCIDENT_TYPES, type IncidentDetail, type IncidentFigures } from '../contract/incidents';
import { WARNING_LEVELS } from '../contract/warning-levels';

const row = (incidents: IncidentDetail[]) => {
  const closed = incidents.filter((incident) => incident.state === 'closed' && incident.closedAt !== null);
  const minutes = closed.map((incident) => (incident.closedAt! - incident.openedAt) / 60_000);
  return { count: incidents.length, closed: closed.length, meanMinutesToClose: minutes.length ? Math.round((minutes.reduce((a, b) => a + b, 0) / minutes.length) * 10) / 10 : null };
};

/** Count and mean time to close, by type and by the level each incident ended at; drills apart, never mixed into the real figures. */
export function incidentFigures(incidents: IncidentDetail[], from: number, to: number): IncidentFigures {
  const set = (some: IncidentDetail[]) => ({
    ...row(some),
    byType: INCIDENT_TYPES.map((type) => ({ type, ...row(some.filter((incident) => incident.type === type)) })).filter((line) => line.count),
    byLevel: WARNING_LEVELS.map((level) => ({ level, ...row(some.filter((incident) => incident.level === level)) })).filter((line) => line.count),
  });
  return { from, to, real: set(incidents.filter((incident) => !incident.drill)), drills: set(incidents.filter((incident) => incident.drill)) };
}
