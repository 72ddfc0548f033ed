import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A chart of a period with nothing in it says so, rather than drawing empty axes an officer could read as zero. */
export function ChartOrNothing(props: { empty: boolean; height: number; children: ReactNode }) {
  const { t } = useTranslation();
  if (!props.empty) return props.children;
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opsFigures.charts.none')} style={{ height: props.height, margin: 0, paddingTop: props.height / 4 }} data-testid="figures-chart-empty" />;
}
