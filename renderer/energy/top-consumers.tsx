import { Card, Progress, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TopConsumer } from '../core/contract';
import { formatAmount, formatChange } from './energy-rows';

/** The meters that used most in the period; a click opens the meter. */
export function TopConsumers({ meters, unit, onOpen }: { meters: TopConsumer[]; unit: string; onOpen: (code: string, building: string) => void }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<TopConsumer> = [
    { key: 'rank', title: t('energyCost.topColumns.rank'), width: 36, render: (_, __, index) => index + 1 },
    { key: 'meter', title: t('energyCost.topColumns.meter'), dataIndex: 'name', ellipsis: true },
    { key: 'building', title: t('energyCost.topColumns.building'), dataIndex: 'building', ellipsis: true },
    { key: 'amount', title: `${t('energyCost.topColumns.amount')} (${unit})`, align: 'right', render: (_, meter) => formatAmount(meter.amount) },
    {
      key: 'share',
      title: t('energyCost.topColumns.share'),
      width: 130,
      render: (_, meter) => <Progress percent={Math.round(meter.share * 1000) / 10} status="normal" size="small" strokeColor="#2f7cf6" railColor="#2a3542" format={() => `${(meter.share * 100).toFixed(1)}%`} />,
    },
    { key: 'change', title: t('energyCost.topColumns.change'), align: 'right', width: 80, render: (_, meter) => formatChange(meter.change) },
  ];
  return (
    <Card size="small" className="energy-top" title={t('energyCost.top')}>
      <Table
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={meters}
        pagination={false}
        locale={{ emptyText: t('energyCost.topEmpty') }}
        onRow={(meter) => ({ onClick: () => onOpen(meter.code, meter.building) })}
        data-testid="energy-top"
      />
    </Card>
  );
}
