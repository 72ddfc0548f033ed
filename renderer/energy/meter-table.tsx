import { Card, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus, Meter } from '../core/contract';
import { StatusBadge } from '../devices/status-badge';
import { formatAmount, unitLabel } from './energy-rows';

const PAGE_SIZE = 50;

/** What a meter measures now, in its own units: kW, V, A and power factor, or m³/h. */
function instantText(meter: Meter): string {
  const { kw, voltage, current, pf, flow } = meter.instant;
  if (meter.kind === 'electricity') return [kw !== undefined && `${kw} kW`, voltage !== undefined && `${voltage} V`, current !== undefined && `${current} A`, pf !== undefined && `PF ${pf}`].filter(Boolean).join(' · ');
  return flow === undefined ? '' : `${flow} m³/h`;
}

/** The scope's meters: register, present values, when they last read, and a flag where readings were refused. */
export function MeterTable({ meters, selected, onSelect }: { meters: Meter[]; selected: string | null; onSelect: (code: string, building: string) => void }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Meter> = [
    { key: 'name', title: t('energy.columns.meter'), dataIndex: 'name' },
    { key: 'building', title: t('energy.columns.building'), dataIndex: 'building', width: 140 },
    { key: 'status', title: t('energy.columns.status'), width: 90, render: (_, meter) => <StatusBadge status={meter.status as DeviceStatus} since={null} /> },
    {
      key: 'register',
      title: t('energy.columns.register'),
      align: 'right',
      width: 150,
      render: (_, meter) => (meter.register === null ? '—' : `${formatAmount(meter.register)} ${unitLabel(meter.unit)}`),
    },
    { key: 'instant', title: t('energy.columns.instant'), render: (_, meter) => instantText(meter) },
    { key: 'readAt', title: t('energy.columns.readAt'), width: 150, render: (_, meter) => (meter.readAt ? dayjs(meter.readAt).format('MM-DD HH:mm:ss') : '—') },
    {
      key: 'flag',
      title: t('energy.columns.flag'),
      width: 170,
      render: (_, meter) =>
        meter.flag && (
          <Tooltip title={t('energy.flagDetail', { count: meter.flag.count, time: dayjs(meter.flag.at).format('YYYY-MM-DD HH:mm') })}>
            <Tag color="warning" data-testid={`meter-flag-${meter.code}`}>
              {t(`energy.refusals.${meter.flag.reason}`)}
            </Tag>
          </Tooltip>
        ),
    },
  ];
  return (
    <Card size="small" title={t('energy.meters', { count: meters.length })} className="energy-meters">
      <Table
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={meters}
        // A park's few meters on one page; a site of thousands a page at a time, so the page opens in time.
        pagination={meters.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, size: 'small', showSizeChanger: false } : false}
        rowClassName={(meter) => (meter.code === selected ? 'energy-meter-selected' : '')}
        onRow={(meter) => ({ onClick: () => onSelect(meter.code, meter.building) })}
        data-testid="energy-meter-table"
      />
    </Card>
  );
}
