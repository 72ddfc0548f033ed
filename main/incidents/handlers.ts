import { ContractError, roleHas } from '../contract';
import type { IncidentDetail } from '../contract/incidents';
import type { AlarmService } from '../alarms/service';
import type { Hub } from '../router/hub';
import type { CallContext, HandlerGroup } from '../router/router';
import type { Database } from '../store/database';
import type { IncidentConfig } from './config';
import { incidentFigures } from './figures';
import type { IncidentDesk } from './service';
import type { Incidents } from './store';

type Methods = 'incidents.list' | 'incidents.get' | 'incidents.open' | 'incidents.act' | 'incidents.dispatch' | 'incidents.release' | 'incidents.figures' | 'plans.list' | 'plans.save' | 'resources.list' | 'resources.save' | 'plans.delete' | 'resources.delete';

const DAY = 24 * 3600_000;
/** Why an action does not fit, in words for the commander who tried. */
const refusal = (what: string) => (incident: IncidentDetail) => `incident ${incident.id} is ${incident.state} at level ${incident.level}: ${what} does not fit it now`;

export function incidentHandlers(deps: { db: Database; incidents: Incidents; desk: IncidentDesk; config: IncidentConfig; alarms: AlarmService; hub: Hub }): HandlerGroup<Methods> {
  const { db, incidents, desk, config, alarms, hub } = deps;
  const session = (context: CallContext) => context.connection.session!;
  const station = (context: CallContext) => ({ by: session(context).username, via: 'station' as const });
  const change = (run: () => IncidentDetail): IncidentDetail => {
    const incident = db.transaction(run)();
    hub.broadcast('incidents.changed', { ids: [incident.id] });
    return incident;
  };
  const configChanged = <T>(saved: T): T => (hub.broadcast('incidents.changed', { ids: [] }), saved);
  return {
    'incidents.list': () => incidents.list(),
    'incidents.get': ({ id }) => incidents.get(id),
    'incidents.open': ({ from, ...draft }, context) =>
      change(() => {
        if (from && 'alarm' in from) {
          const alarm = alarms.get(from.alarm);
          if (!alarm) throw new ContractError('not_found', `no alarm ${from.alarm}`);
          return desk.openFromAlarm(alarm, station(context), draft);
        }
        return desk.open({ ...draft, ...(from ? { source: { kind: 'warning', warning: from.warning } } : {}) }, station(context), from ? { id: `w-${from.warning}`, at: Date.now() } : undefined);
      }),
    'incidents.act': (input, context) => {
      const commands = input.action === 'level' || input.action === 'state' || input.action === 'step' || input.action === 'commander';
      if (commands && !roleHas(session(context).role, 'incidents.command')) throw new ContractError('forbidden', `${input.action}: only a commander or shift supervisor commands an incident`);
      const actor = station(context);
      return change(() => {
        switch (input.action) {
          case 'level':
            return incidents.act(input.id, { kind: 'level', level: input.level, text: input.text }, actor, refusal(`level ${input.level}`));
          case 'state':
            return incidents.act(input.id, { kind: 'state', state: input.state, text: input.text }, actor, refusal(input.state));
          case 'note':
            return incidents.act(input.id, { kind: 'note', text: input.text }, actor, refusal('a note'));
          case 'link':
          case 'unlink':
            return incidents.act(input.id, { kind: input.action, link: input.link }, actor, () => `${input.link.kind} ${input.link.ref} is ${input.action === 'link' ? 'linked already' : 'not linked'}`);
          case 'step':
            return incidents.act(input.id, { kind: 'step', step: input.step, outcome: input.outcome, text: input.text }, actor, (now) => {
              const step = now.steps.find((held) => held.id === input.step);
              return step ? `step ${step.title} is ${step.status}` : `the plan of incident ${now.id} has no step ${input.step}`;
            });
          case 'commander':
            return incidents.act(input.id, { kind: 'commander', commander: input.commander }, actor, refusal(`commander ${input.commander}`));
        }
      });
    },
    'incidents.dispatch': ({ id, resource, task }, context) => change(() => desk.dispatch(id, resource, task, station(context))),
    'incidents.release': ({ id, dispatch }, context) => change(() => desk.release(id, dispatch, station(context))),
    'incidents.figures': ({ from, to }) => {
      const end = to ?? Date.now();
      const start = from ?? end - 30 * DAY;
      if (start >= end) throw new ContractError('invalid_input', 'from: must be before to');
      return incidentFigures(incidents.openedBetween(start, end), start, end);
    },
    'plans.list': () => config.listPlans(),
    'plans.save': (draft, context) => configChanged(config.savePlan(draft, session(context).username)),
    'resources.list': () => config.listResources(),
    'resources.save': (draft, context) => configChanged(config.saveResource(draft, session(context).username)),
    'plans.delete': ({ id }, context) => configChanged((config.deletePlan(id, session(context).username), { ok: true as const })),
    'resources.delete': ({ id }, context) => configChanged((config.deleteResource(id, session(context).username), { ok: true as const })),
  };
}
