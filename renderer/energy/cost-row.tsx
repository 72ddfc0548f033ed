import { useTranslation } from 'react-i18next';
import type { TableColumnsType } from 'antd';
import type { CallInput, EnergyKind, EnergyPeriod } from '../core/contract';
import { CostCard } from './cost-card';
import { formatAmount } from './energy-rows';
import { useCost, useIntensity, useTariff, useTop } from './queries';
import { TopConsumers } from './top-consumers';

type Scope = CallInput<'energy.cost'>['scope'];

/** What the scope's use cost and which meters used most, side by side under the trend. */
export function CostRow(props: { scope: Scope; kind: EnergyKind; period: EnergyPeriod; building: string | null; unit: string; view: 'chart' | 'table'; onOpen: (code: string, building: string) => void }) {
  const { scope, kind, period, building } = props;
  const cost = useCost({ scope, kind, period });
  const top = useTop({ kind, period, ...(building ? { building } : {}), limit: 10 });
  const tariff = useTariff();
  return (
    <div className="energy-panels">
      <CostCard cost={cost.data} spans={tariff.data?.electricity.spans ?? []} unit={props.unit} view={props.view} />
      <TopConsumers meters={top.data?.meters ?? []} unit={props.unit} onOpen={props.onOpen} />
    </div>
  );
}

type Share = { key: string; label: string; amount: number };

/** Columns of use per m² and per resident for the breakdown by building: "—" where the site has not said a building's floor area or residents. */
export function useIntensityColumns(kind: EnergyKind, period: EnergyPeriod, enabled: boolean, unit: string): TableColumnsType<Share> {
  const { t } = useTranslation();
  const intensity = useIntensity({ kind, period }, enabled);
  if (!enabled) return [];
  const of = new Map(intensity.data?.map((entry) => [entry.building, entry]));
  const figure = (value: number | null | undefined) => (value === null || value === undefined ? '—' : formatAmount(value));
  return [
    { key: 'perArea', title: t('energyCost.perArea', { unit }), align: 'right', render: (_, share) => figure(of.get(share.key)?.perArea) },
    { key: 'perResident', title: t('energyCost.perResident', { unit }), align: 'right', render: (_, share) => figure(of.get(share.key)?.perResident) },
  ];
}
