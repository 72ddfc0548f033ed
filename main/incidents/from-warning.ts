import { graver, type WarningLevel } from '../contract/warning-levels';
import type { WarningView } from '../contract/warnings';
import type { Database } from '../store/database';
import type { IncidentModule } from './index';

/**
 * A warning at this level or graver opens an incident by itself: level II
 * (orange) is where the national convention has a response start, not
 * only watchfulness. Every station opens the same incident, w-{warning}.
 */
export const INCIDENT_AT_LEVEL: WarningLevel = 2;

/** The cameras and doors of the warning's place: what the commander watches and opens for the teams. */
const PLACE_DEVICES = `SELECT code FROM devices WHERE kind IN ('camera', 'ipc', 'door') AND %WHERE% ORDER BY code LIMIT 16`;

/**
 * Opens the incident of a warning that reached INCIDENT_AT_LEVEL, linked to
 * the warning and to the cameras and doors of its place. Called inside the
 * transaction that raised or upgraded the warning (here or in another
 * station's copy): an incident already open is left as it is.
 */
export function incidentsFromWarnings(deps: { db: Database; incidents: IncidentModule; rule: (id: string) => { name: string; level: WarningLevel } | null }) {
  const { db, incidents, rule } = deps;
  const byFloor = db.prepare<[string, string], string>(PLACE_DEVICES.replace('%WHERE%', 'building = ? AND floor = ?')).pluck();
  const byBuilding = db.prepare<[string], string>(PLACE_DEVICES.replace('%WHERE%', 'building = ?')).pluck();
  const byArea = db.prepare<[string], string>(PLACE_DEVICES.replace('%WHERE%', 'area = ?')).pluck();
  return (warning: WarningView): void => {
    if (!warning.active || graver(INCIDENT_AT_LEVEL, warning.level)) return;
    const { groupBy, key, label } = warning.place;
    const [building = '', floor = ''] = key.split('/');
    const place = groupBy === 'floor' ? { building, floor } : groupBy === 'building' ? { building: key } : groupBy === 'area' ? { area: key } : {};
    const devices = groupBy === 'floor' ? byFloor.all(building, floor) : groupBy === 'building' ? byBuilding.all(key) : groupBy === 'area' ? byArea.all(key) : [key];
    // Named after the gravest rule holding: the one that made it level II.
    const holding = warning.rules.map(rule).filter((held) => held !== null);
    const name = holding.sort((a, b) => a.level - b.level)[0]?.name ?? warning.hazard;
    // Opened when the warning first reached the level: the same moment at a station that learns of it later, from a copy.
    const reached = warning.history.find((event) => (event.type === 'raised' || event.type === 'level') && !graver(INCIDENT_AT_LEVEL, event.level))?.at ?? warning.changedAt;
    incidents.openFromWarning({ id: warning.id, hazard: warning.hazard, level: warning.level, place, devices, at: reached, name: `${label} ${name}` });
  };
}
