import type { HandlerGroup } from '../router/router';
import type { EnergyQueries } from './queries';

export function energyHandlers(deps: { queries: EnergyQueries }): HandlerGroup<'energy.meters' | 'energy.series' | 'energy.breakdown' | 'energy.quarantine'> {
  const { queries } = deps;
  return {
    'energy.meters': (filter) => queries.meters(filter),
    'energy.series': (input) => queries.series(input),
    'energy.breakdown': (input) => queries.breakdown(input),
    'energy.quarantine': (filter) => queries.quarantine(filter),
  };
}
