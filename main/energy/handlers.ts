import type { HandlerGroup } from '../router/router';
import type { Database } from '../store/database';
import { anomalyOf } from './night-flow';
import type { EnergyQueries } from './queries';

export function energyHandlers(deps: { queries: EnergyQueries; db: Database }): HandlerGroup<'energy.meters' | 'energy.series' | 'energy.breakdown' | 'energy.quarantine' | 'energy.anomaly'> {
  const { queries, db } = deps;
  return {
    'energy.meters': (filter) => queries.meters(filter),
    'energy.series': (input) => queries.series(input),
    'energy.breakdown': (input) => queries.breakdown(input),
    'energy.quarantine': (filter) => queries.quarantine(filter),
    'energy.anomaly': ({ alarm }) => anomalyOf(db, alarm),
  };
}
