import type { HybridClock } from '../alarms/hlc';
import type { AlarmService } from '../alarms/service';
import type { Outbox } from '../outbox/outbox';
import type { Hub } from '../router/hub';
import type { Ingest } from '../site-link/ingest';
import type { Database } from '../store/database';
import { IncidentConfig } from './config';
import { replyFromHandheld } from './from-site';
import { incidentHandlers } from './handlers';
import { IncidentDesk, type WarningForIncident } from './service';
import { Incidents, type StepEscalation } from './store';

/** Incidents wired together: the shared incidents, plans and resources, the desk that opens and dispatches, the calls and the ingest hooks. */
export function createIncidents(deps: { db: Database; clock: HybridClock; outbox: Outbox; hub: Hub; ingest: Ingest; alarms: AlarmService; site: string }) {
  const { db, clock, outbox, hub, ingest, alarms, site } = deps;
  const incidents = new Incidents(db, clock, outbox, site);
  const config = new IncidentConfig(db, clock, outbox, site);
  const desk = new IncidentDesk(incidents, config, outbox, site);
  /** Incidents opened from warnings in the ingest's batch: windows hear of them with the batch's, once it commits. */
  let fromWarnings = new Set<string>();
  const stopCommits = ingest.onCommit((batch) => {
    const ids = [...batch.incidents, ...fromWarnings];
    fromWarnings = new Set();
    if (ids.length) hub.broadcast('incidents.changed', { ids: ids.filter(Boolean) });
    announceEscalated(incidents.takeEscalatedElsewhere());
  });
  const announceEscalated = (steps: StepEscalation[]) => {
    if (steps.length) hub.broadcast('incidents.escalated', { ids: [...new Set(steps.map((step) => step.incident))], steps });
  };
  return {
    incidents,
    config,
    desk,
    handlers: incidentHandlers({ db, incidents, desk, config, alarms, hub }),
    hooks: {
      onIncident: incidents.receive.bind(incidents),
      onPlan: config.receivePlan.bind(config),
      onResource: config.receiveResource.bind(config),
      onResourceReply: (resource: string, reply: Parameters<typeof replyFromHandheld>[2], receivedAt: number) => replyFromHandheld(incidents, resource, reply, receivedAt),
    },
    /**
     * Opens the incident w-{warning id} for a warning, the same at every
     * station; null when it is open already. Called inside the ingest's
     * transaction that raised the warning (here or in another station's
     * copy); windows are told when it commits.
     */
    openFromWarning(warning: WarningForIncident): string | null {
      const opened = desk.openFromWarning(warning);
      if (opened) fromWarnings.add(opened.id);
      return opened?.id ?? null;
    },
    /** Opens the incident a-{alarm id} for an alarm this station holds, as `by` (a user, or Vigil). */
    openFromAlarm(alarmId: string, by = 'Vigil'): string {
      const alarm = alarms.get(alarmId);
      if (!alarm) throw new RangeError(`no alarm ${alarmId}`);
      const opened = db.transaction(() => desk.openFromAlarm(alarm, { by, via: by === 'Vigil' ? 'system' : 'station' }))();
      hub.broadcast('incidents.changed', { ids: [opened.id] });
      return opened.id;
    },
    /**
     * The sweep: escalates plan steps past their deadline (every station adds
     * the same event) and tells windows. Returns the steps escalated.
     */
    escalate(now: number): StepEscalation[] {
      const steps = db.transaction(() => incidents.escalate(now))();
      if (steps.length) hub.broadcast('incidents.changed', { ids: [...new Set(steps.map((step) => step.incident))] });
      announceEscalated(steps);
      return steps;
    },
    /** An incident whole, for the evidence export. */
    evidence: incidents.evidence.bind(incidents),
    stop: stopCommits,
  };
}
export type IncidentModule = ReturnType<typeof createIncidents>;
