import { auditRowsFor } from '../evidence/audit-rows';
import type { EvidenceProvider } from '../evidence/handlers';
import type { Database } from '../store/database';
import type { IncidentModule } from './index';

/** Recording before a camera was linked: what led up to it. */
const LEAD_MS = 60_000;
/**
 * The longest clip taken of one camera. An NVR plays recordings back in
 * real time, so an incident's package with ten cameras over hours would
 * take hours to export; the first ten minutes are what an inquiry asks for
 * first, and the full recording stays on the NVR.
 */
export const MAX_CLIP_MS = 10 * 60_000;

/**
 * What an incident's evidence package holds: its record's timeline, a clip
 * and a snapshot of each camera linked to it (from a minute before it was
 * linked), and the audit rows of the incident and of what was linked to it
 * (doors opened for the teams, cameras) while it was open.
 */
export function incidentEvidence(deps: { db: Database; incidents: IncidentModule; site: { id: string; name: string }; station: string; now?: () => number }): EvidenceProvider {
  const { db, incidents, site, station, now = Date.now } = deps;
  return (id) => {
    const { incident, timeline, links, openedAt, closedAt } = incidents.evidence(id);
    const end = closedAt ?? now();
    const linkedAt = new Map<string, number>();
    for (const entry of timeline) {
      const link = entry.data.link as { kind: string; ref: string } | undefined;
      if (entry.kind === 'link' && link?.kind === 'camera' && !linkedAt.has(link.ref)) linkedAt.set(link.ref, entry.at);
    }
    const cameras = links.filter((link) => link.kind === 'camera').map((link) => ({ camera: link.ref, at: linkedAt.get(link.ref) ?? openedAt }));
    const linked = links.map((link) => link.ref);
    const audit = auditRowsFor(db, [id, ...linked]).filter((row) => row.target === id || (row.at >= openedAt && row.at <= end));
    return {
      incident: {
        id,
        title: incident.title,
        type: incident.type,
        level: incident.level,
        drill: incident.drill,
        place: [incident.place.area, incident.place.building, incident.place.floor].filter(Boolean).join(' '),
        openedAt,
        closedAt,
      },
      site,
      station,
      timeline: timeline.map(({ id: entry, at, by, kind, via, applied, data }) => ({ id: entry, at, by, kind, data: { ...data, via, applied } })),
      audit,
      clips: cameras.map(({ camera, at }) => {
        const from = Math.max(0, at - LEAD_MS);
        return { camera, from, to: Math.min(end, from + MAX_CLIP_MS) };
      }),
      snapshots: cameras.map(({ camera, at }) => ({ camera, at })),
    };
  };
}
