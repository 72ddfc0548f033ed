import { LineChartOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { anomalyOption } from './chart-options';
import { EChart } from './echart';
import { energyRows, formatAmount, unitLabel } from './energy-rows';
import { energyKeys } from './queries';

/**
 * What an energy anomaly alarm found, drawn: the meter's day by hours with
 * the night it is about shaded and the meter's usual night as a line, so the
 * officer sees the leak rather than reads of it.
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
  const option = useMemo(
    () => (found && series.data ? anomalyOption(energyRows(series.data, found.step), { unit, baseline: found.baseline, window: found.window, usual: t('energy.anomaly.usual') }) : null),
    [found, series.data, unit, t],
  );
  if (!found) return anomaly.isPending ? null : <Typography.Text type="secondary">{t('energy.anomaly.notJudged')}</Typography.Text>;
  return (
    <div data-testid="alarm-anomaly">
      <Typography.Paragraph className="anomaly-finding">
        {t(`energy.anomaly.${found.kind}`, { date: found.period.date, from: found.window.fromHour, to: found.window.toHour, value: formatAmount(found.value), usual: formatAmount(found.baseline), unit })}
      </Typography.Paragraph>
      {option && <EChart option={option} height={180} testId="alarm-anomaly-chart" />}
      <Button size="small" icon={<LineChartOutlined />} onClick={() => (location.hash = `#/energy?meter=${found.meter}`)} data-testid="alarm-anomaly-energy">
        {t('energy.anomaly.open')}
      </Button>
    </div>
  );
}
