import type { HandlerGroup } from '../router/router';
import type { AnomalyFindings } from './anomalies/findings';
import type { EnergyCalendar } from './calendar';
import type { EnergyCosts } from './costs';
import type { EnergyQueries } from './queries';
import type { TariffStore } from './tariff-store';

type CostCalls = 'energy.tariff' | 'energy.saveTariff' | 'energy.cost' | 'energy.top' | 'energy.intensity';

export function energyHandlers(deps: {
  queries: EnergyQueries;
  findings: AnomalyFindings;
  calendar: EnergyCalendar;
  costs: EnergyCosts;
  tariffs: TariffStore;
  /** Windows read what costs anew when the tariffs change. */
  changed: () => void;
}): HandlerGroup<'energy.meters' | 'energy.series' | 'energy.breakdown' | 'energy.quarantine' | 'energy.anomaly' | 'energy.anomalies' | CostCalls> {
  const { queries, findings, calendar, costs, tariffs } = deps;
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
    'energy.tariff': () => tariffs.get(),
    'energy.saveTariff': (tariff, { connection }) => {
      const saved = tariffs.save(tariff, connection.session!.username);
      deps.changed();
      return saved;
    },
    'energy.cost': (input) => costs.cost(input),
    'energy.top': (input) => costs.top(input),
    'energy.intensity': (input) => costs.intensity(input),
  };
}
