import type { HandlerGroup } from '../router/router';
import type { AnomalyFindings } from './anomalies/findings';
import type { EnergyQueries } from './queries';

export function energyHandlers(deps: { queries: EnergyQueries; findings: AnomalyFindings }): HandlerGroup<'energy.meters' | 'energy.series' | 'energy.breakdown' | 'energy.quarantine' | 'energy.anomaly'> {
  const { queries, findings } = deps;
  return {
    'energy.meters': (filter) => queries.meters(filter),
    'energy.series': (input) => queries.series(input),
    'energy.breakdown': (input) => queries.breakdown(input),
    'energy.quarantine': (filter) => queries.quarantine(filter),
    'energy.anomaly': ({ alarm }) => findings.anomalyOf(alarm),
  };
}
