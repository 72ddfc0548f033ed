import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Device, DeviceKind } from '../core/contract';
import { useDevicesUi } from './devices-store';
import { useDeviceList, type DeviceListFilter } from './queries';
import { StatusBadge } from './status-badge';

export function location(device: Pick<Device, 'area' | 'building' | 'floor'>): string {
  return [device.area, device.building, device.floor].filter(Boolean).join(' / ');
}

function useListFilter(): DeviceListFilter {
  const { place, search, kind, status, page, pageSize } = useDevicesUi();
  return {
    area: place.area,
    building: place.building,
    floor: place.floor,
    search: search || undefined,
    kind,
    status,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
}

export function DeviceTable() {
  const { t } = useTranslation();
  const filter = useListFilter();
  const { page, pageSize } = useDevicesUi();
  const { data, isFetching } = useDeviceList(filter);

  const columns: TableColumnsType<Device> = [
    { key: 'name', title: t('devices.name'), dataIndex: 'name', ellipsis: true },
    { key: 'code', title: t('devices.code'), dataIndex: 'code', width: 190, render: (code: string) => <span className="mono">{code}</span> },
    { key: 'kind', title: t('devices.kind'), dataIndex: 'kind', width: 140, render: (kind: DeviceKind) => t(`devices.kinds.${kind}`) },
    { key: 'location', title: t('devices.location'), ellipsis: true, render: (_, device) => location(device) },
    {
      key: 'status',
      title: t('devices.status'),
      width: 200,
      render: (_, device) => <StatusBadge status={device.status} since={device.statusSince} />,
    },
  ];

  return (
    <Table<Device>
      data-testid="device-table"
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={data?.items}
      loading={isFetching && !data}
      // Header, toolbar and pagination stay on screen; only the rows scroll.
      scroll={{ y: 'calc(100vh - 176px)' }}
      onRow={(device) => ({ onClick: () => useDevicesUi.setState({ openCode: device.code }), style: { cursor: 'pointer' } })}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [50, 100, 200],
        showTotal: (total) => <Typography.Text type="secondary">{t('devices.count', { count: total })}</Typography.Text>,
        onChange: (next, size) => useDevicesUi.setState({ page: size === pageSize ? next : 1, pageSize: size }),
      }}
    />
  );
}
