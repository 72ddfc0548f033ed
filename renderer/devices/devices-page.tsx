import { SearchOutlined } from '@ant-design/icons';
import { Input, Select, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVICE_KINDS, type DeviceKind, type DeviceStatus } from '../core/contract';
import { useUi } from '../shell/ui-store';
import { DeviceDrawer } from './device-drawer';
import { DeviceTable } from './device-table';
import { DeviceTree } from './device-tree';
import { setDeviceFilter, useDevicesUi } from './devices-store';
import { PageToolbar } from '../shell/page-toolbar';

const STATUSES: DeviceStatus[] = ['online', 'offline', 'fault', 'unknown'];

function SearchBox() {
  const { t } = useTranslation();
  const stored = useDevicesUi((state) => state.search);
  const [text, setText] = useState(stored);
  const input = useRef<InputRef>(null);
  const focusRequest = useUi((state) => state.searchFocus);

  useEffect(() => {
    const timer = setTimeout(() => {
      if (text.trim() !== useDevicesUi.getState().search) setDeviceFilter({ search: text.trim() });
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => {
    if (focusRequest) input.current?.focus({ cursor: 'all' });
  }, [focusRequest]);

  return (
    <Input
      ref={input}
      allowClear
      prefix={<SearchOutlined />}
      placeholder={t('devices.search')}
      value={text}
      onChange={(event) => setText(event.target.value)}
      style={{ width: 280 }}
      data-testid="device-search"
    />
  );
}

export function DevicesPage() {
  const { t } = useTranslation();
  const kind = useDevicesUi((state) => state.kind);
  const status = useDevicesUi((state) => state.status);

  return (
    <div className="devices-page" data-testid="page-devices">
      <DeviceTree />
      <div className="page">
        <PageToolbar>
          <SearchBox />
          <Select<DeviceKind>
            allowClear
            placeholder={t('devices.allKinds')}
            value={kind}
            onChange={(value) => setDeviceFilter({ kind: value })}
            options={DEVICE_KINDS.map((value) => ({ value, label: t(`devices.kinds.${value}`) }))}
            style={{ width: 150 }}
            data-testid="kind-filter"
          />
          <Select<DeviceStatus>
            allowClear
            placeholder={t('devices.allStatuses')}
            value={status}
            onChange={(value) => setDeviceFilter({ status: value })}
            options={STATUSES.map((value) => ({ value, label: t(`devices.statuses.${value}`) }))}
            style={{ width: 120 }}
            data-testid="status-filter"
          />
        </PageToolbar>
        <DeviceTable />
      </div>
      <DeviceDrawer />
    </div>
  );
}
