import { ContractError } from '../contract';
import type { DeviceRegistry } from '../devices/registry';
import type { Hub } from '../router/hub';
import type { HandlerGroup } from '../router/router';
import { linkageOf } from './linkage';
import type { AlarmService } from './service';

export function alarmHandlers(deps: { alarms: AlarmService; hub: Hub; registry: DeviceRegistry }): HandlerGroup<
  'alarms.list' | 'alarms.get' | 'alarms.act' | 'alarms.step' | 'alarms.linkage'
> {
  const { alarms, hub } = deps;
  const changed = (id: string) => hub.broadcast('alarms.changed', { ids: [id] });
  return {
    'alarms.list': (filter) => alarms.list(filter),
    'alarms.get': ({ ids }) => alarms.getMany(ids),
    'alarms.act': ({ id, action, note }, { connection }) => {
      const session = connection.session;
      if (!session) throw new ContractError('unauthenticated', 'sign in first');
      const alarm = alarms.act(id, action, { user: session.username, station: connection.station() }, note);
      changed(id);
      return alarm;
    },
    'alarms.step': ({ id, step }) => {
      const alarm = alarms.step(id, step);
      changed(id);
      return alarm;
    },
    'alarms.linkage': ({ id }) => {
      const alarm = alarms.get(id);
      if (!alarm) throw new ContractError('not_found', `no alarm ${id}`);
      return linkageOf(alarm, deps.registry);
    },
  };
}
