import { Alert, Card, DatePicker, Empty, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../core/errors';
import { EChart } from '../energy/echart';
import { durationText } from './order-view';
import { useFigures } from './queries';

/** The property manager's month: orders opened and completed, on time, how long, how residents rated them, by category. */
export function OrderFigures({ now }: { now: number }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(() => dayjs(now));
  const figures = useFigures(month.format('YYYY-MM'));
  const data = figures.data;
  const none = t('orders.monthly.none');
  const units = { d: t('orders.sla.units.d'), h: t('orders.sla.units.h'), min: t('orders.sla.units.min') };
  const option = useMemo(() => {
    const rows = (data?.byCategory ?? []).filter((row) => row.opened > 0);
    return {
      grid: { left: 90, right: 24, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#9aa4b2' }, splitLine: { lineStyle: { color: '#263241' } } },
      yAxis: { type: 'category', data: rows.map((row) => t(`orders.categories.${row.category}`)), axisLabel: { color: '#c9d1d9' } },
      series: [{ type: 'bar', data: rows.map((row) => row.opened), itemStyle: { color: '#3b82f6' }, label: { show: true, position: 'right', color: '#c9d1d9' } }],
    };
  }, [data, t]);
  return (
    <div className="order-figures" data-testid="order-figures" data-month={month.format('YYYY-MM')}>
      <Space>
        {t('orders.monthly.month')}
        <DatePicker picker="month" value={month} allowClear={false} onChange={(value) => value && setMonth(value)} data-testid="figures-month" />
      </Space>
      {figures.error && <Alert type="error" showIcon title={describeError(t, figures.error)} />}
      <div className="order-figure-cards">
        <Card size="small">
          <Statistic title={t('orders.monthly.opened')} value={data?.opened ?? none} data-testid="figure-opened" />
        </Card>
        <Card size="small">
          <Statistic title={t('orders.monthly.completed')} value={data?.completed ?? none} data-testid="figure-completed" />
        </Card>
        <Card size="small">
          <Statistic title={t('orders.monthly.onTime')} value={data?.onTimeRate == null ? none : `${Math.round(data.onTimeRate * 1000) / 10} %`} data-testid="figure-on-time" />
        </Card>
        <Card size="small">
          <Statistic title={t('orders.monthly.meanTime')} value={data?.meanMinutesToComplete == null ? none : durationText(data.meanMinutesToComplete * 60_000, units)} />
        </Card>
        <Card size="small">
          <Statistic title={t('orders.monthly.meanRating')} value={data?.meanRating == null ? none : data.meanRating.toFixed(1)} suffix={data?.meanRating == null ? undefined : '/ 5'} data-testid="figure-rating" />
          {data?.rated ? <Typography.Text type="secondary">{t('orders.monthly.rated', { count: data.rated })}</Typography.Text> : null}
        </Card>
        <Card size="small">
          <Statistic title={t('orders.monthly.escalated')} value={data?.escalated ?? none} />
        </Card>
      </div>
      <Card size="small" title={t('orders.monthly.byCategory')}>
        {data && data.byCategory.some((row) => row.opened > 0) ? <EChart option={option} height={220} testId="figures-chart" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      </Card>
    </div>
  );
}
