import { LineChartOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Typography } from 'antd';
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Anomaly } from '../core/contract';
import { core } from '../core/client';
import { anomalyOption } from './chart-options';
import { EChart } from './echart';
import { energyRows, formatAmount, unitLabel } from './energy-rows';
import { energyKeys } from './queries';

/** The line each kind of finding is judged against, if it is one level. */
const LEVEL_LABEL: Partial<Record<Anomaly['kind'], 'energy.anomaly.usual' | 'energy.anomaly.idle'>> = { night_flow: 'energy.anomaly.usual', gas_idle: 'energy.anomaly.idle' };

/** The figures a finding's sentence names; see AnomalySchema for what value and baseline are for each kind. */
function findingText(found: Anomaly, unit: string, t: TFunction): string {
  const { value, baseline, window, period } = found;
  return t(`energy.anomaly.${found.kind}`, {
    date: period.date,
    from: window.fromHour,
    to: window.toHour,
    value: formatAmount(value),
    usual: formatAmount(baseline),
    unit,
    percent: baseline > 0 ? Math.round((value / baseline - 1) * 100) : 0,
    hours: formatAmount(value / 60),
    allowed: formatAmount(baseline / 60),
  });
}

/**
 * What an energy anomaly alarm found, drawn: the meter's day by hours with
 * the hours it is about shaded, and what the meter usually does (its usual
 * night, its weekly profile) as a line, so the officer sees the leak or the
 * overuse rather than reads of it.
 */
export function AnomalyChart({ alarm }: { alarm: string }) {
  const { t } = useTranslation();
  const anomaly = useQuery({ queryKey: [...energyKeys.all, 'anomaly', alarm], queryFn: () => core.call('energy.anomaly', { alarm }) });
  const found = anomaly.data;
  const series = useQuery({
    queryKey: [...energyKeys.all, 'anomaly-series', alarm],
    queryFn: () => core.call('energy.series', { scope: { meter: found!.meter }, kind: found!.energy, period: found!.period, step: found!.step }),
    enabled: !!found,
  });
  const unit = unitLabel(found?.unit);
  const option = useMemo(() => {
    if (!found || !series.data) return null;
    const level = LEVEL_LABEL[found.kind];
    return anomalyOption(energyRows(series.data, found.step), {
      unit,
      window: found.window,
      ...(level ? { level: { value: found.baseline, label: t(level) } } : {}),
      ...(found.expected ? { expected: { values: found.expected, label: t('energy.anomaly.profile') } } : {}),
    });
  }, [found, series.data, unit, t]);
  if (!found) return anomaly.isPending ? null : <Typography.Text type="secondary">{t('energy.anomaly.notJudged')}</Typography.Text>;
  return (
    <div data-testid="alarm-anomaly">
      <Typography.Paragraph className="anomaly-finding">
        {findingText(found, unit, t)}
      </Typography.Paragraph>
      {option && <EChart option={option} height={180} testId="alarm-anomaly-chart" />}
      <Button size="small" icon={<LineChartOutlined />} onClick={() => (location.hash = `#/energy?meter=${found.meter}`)} data-testid="alarm-anomaly-energy">
        {t('energy.anomaly.open')}
      </Button>
    </div>
  );
}
