import { ContractError } from '../contract';
import type { DeviceRegistry } from '../devices/registry';
import type { Hub } from '../router/hub';
import type { HandlerGroup } from '../router/router';
import { checkCommand } from './rules';
import type { CommandService } from './service';

export function commandHandlers(deps: { commands: CommandService; registry: DeviceRegistry; hub: Hub }): HandlerGroup<'devices.command' | 'devices.commands'> {
  return {
    'devices.command': (input, { connection }) => {
      const session = connection.session;
      if (!session) throw new ContractError('unauthenticated', 'sign in first');
      if (!deps.registry.has(input.code)) throw new ContractError('not_found', `no device with code ${input.code}`);
      checkCommand(deps.registry.get(input.code), input.command, input.params);
      const command = deps.commands.send(input, { user: session.username, station: connection.station() });
      deps.hub.broadcast('commands.changed', { ids: [command.id] });
      return command;
    },
    'devices.commands': (filter) => deps.commands.list(filter),
  };
}
