import type { HandlerGroup } from '../router/router';
import type { AnomalyFindings } from './anomalies/findings';
import type { EnergyCalendar } from './calendar';
import type { EnergyQueries } from './queries';

export function energyHandlers(deps: {
  queries: EnergyQueries;
  findings: AnomalyFindings;
  calendar: EnergyCalendar;
}): HandlerGroup<'energy.meters' | 'energy.series' | 'energy.breakdown' | 'energy.quarantine' | 'energy.anomaly' | 'energy.anomalies'> {
  const { queries, findings, calendar } = deps;
  return {
    'energy.meters': (filter) => queries.meters(filter),
    'energy.series': (input) => queries.series(input),
    'energy.breakdown': (input) => queries.breakdown(input),
    'energy.quarantine': (filter) => queries.quarantine(filter),
    'energy.anomaly': ({ alarm }) => findings.anomalyOf(alarm),
    'energy.anomalies': ({ period, building }) => {
      const { from, to } = calendar.period(period);
      return findings.between({ from: calendar.date(from), to: calendar.date(to), ...(building ? { building } : {}) });
    },
  };
}
