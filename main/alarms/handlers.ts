import { ContractError } from '../contract';
import type { Hub } from '../router/hub';
import type { HandlerGroup } from '../router/router';
import type { AlarmService } from './service';

export function alarmHandlers(deps: { alarms: AlarmService; hub: Hub }): HandlerGroup<'alarms.list' | 'alarms.act'> {
  return {
    'alarms.list': (filter) => deps.alarms.list(filter),
    'alarms.act': ({ id, action, note }, { connection }) => {
      const session = connection.session;
      if (!session) throw new ContractError('unauthenticated', 'sign in first');
      const alarm = deps.alarms.act(id, action, { user: session.username, station: connection.station() }, note);
      deps.hub.broadcast('alarms.changed', { ids: [id] });
      return alarm;
    },
  };
}
