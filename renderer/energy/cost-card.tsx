import { Card, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BandHours, EnergyCost, TariffBand } from '../core/contract';
import { bandCostOption, BAND_COLOURS, formatMoney } from './cost-chart';
import { EChart } from './echart';
import { formatAmount } from './energy-rows';

type BandRow = EnergyCost['bands'][number] & { hours: string; share: number };

/** A band's spans as people write them: 08–11, 13–15, 18–21. */
const hoursText = (spans: readonly BandHours[], band: TariffBand) =>
  spans
    .filter((span) => span.band === band)
    .sort((a, b) => a.from - b.from)
    .map((span) => `${String(span.from).padStart(2, '0')}–${String(span.to).padStart(2, '0')}`)
    .join(', ');

/**
 * What the scope's use cost in the period: the total, and for electricity
 * each time-of-use band's use and cost, as bars or as a table like the
 * page's other charts.
 */
export function CostCard({ cost, spans, unit, view }: { cost: EnergyCost | undefined; spans: readonly BandHours[]; unit: string; view: 'chart' | 'table' }) {
  const { t, i18n } = useTranslation();
  const money = (value: number) => formatMoney(value, i18n.language);
  const labels = useMemo(() => ({ peak: t('energyCost.bands.peak'), flat: t('energyCost.bands.flat'), valley: t('energyCost.bands.valley') }), [t]);
  const option = useMemo(() => bandCostOption(cost?.bands ?? [], labels, (value) => formatMoney(value, i18n.language)), [cost, labels, i18n.language]);
  const rows: BandRow[] = (cost?.bands ?? []).map((band) => ({ ...band, hours: hoursText(spans, band.band), share: cost?.cost ? band.cost / cost.cost : 0 }));
  const priced = cost && cost.cost !== null;
  return (
    <Card size="small" className="energy-cost" title={t('energyCost.cost')} data-testid="energy-cost" data-amount={cost?.amount}>
      {!priced ? (
        <Typography.Text type="secondary">{cost ? t('energyCost.none') : ''}</Typography.Text>
      ) : (
        <>
          <div className="energy-cost-figures">
            <Statistic title={t('energyCost.total')} value={money(cost.cost!)} data-testid="energy-cost-total" data-value={cost.cost} />
            {cost.price !== null && <Typography.Text type="secondary">{t('energyCost.unitPrice', { price: cost.price.toFixed(2), unit })}</Typography.Text>}
            {rows.length > 0 && (
              <div className="energy-cost-bands">
                {rows.map((row) => (
                  <div key={row.band} className="energy-cost-band" data-testid={`energy-cost-${row.band}`}>
                    <span className="energy-band-dot" style={{ background: BAND_COLOURS[row.band] }} />
                    <span>{labels[row.band]}</span>
                    <strong>{money(row.cost)}</strong>
                    <Typography.Text type="secondary">
                      {formatAmount(row.amount)} {unit}
                    </Typography.Text>
                  </div>
                ))}
              </div>
            )}
          </div>
          {rows.length > 0 &&
            (view === 'chart' ? (
              <EChart option={option} height={200} testId="energy-cost-chart" />
            ) : (
              <Table
                size="small"
                rowKey="band"
                pagination={false}
                dataSource={rows}
                data-testid="energy-cost-table"
                columns={[
                  { key: 'band', title: t('energyCost.columns.band'), render: (_, row) => labels[row.band] },
                  { key: 'hours', title: t('energyCost.columns.hours'), dataIndex: 'hours' },
                  { key: 'price', title: `${t('energyCost.columns.price')} (${t('energyCost.perUnit', { unit })})`, align: 'right', render: (_, row) => row.price.toFixed(2) },
                  { key: 'amount', title: `${t('energyCost.columns.amount')} (${unit})`, align: 'right', render: (_, row) => formatAmount(row.amount) },
                  { key: 'cost', title: t('energyCost.columns.cost'), align: 'right', render: (_, row) => money(row.cost) },
                  { key: 'share', title: t('energyCost.columns.share'), align: 'right', render: (_, row) => `${(row.share * 100).toFixed(1)}%` },
                ]}
              />
            ))}
        </>
      )}
    </Card>
  );
}
