import { Alert, Descriptions, Drawer, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DeviceKind } from '../core/contract';
import { describeError } from '../core/errors';
import { CameraCredentials } from './camera-credentials';
import { CodeParts } from './code-parts';
import { location } from './device-table';
import { useDevicesUi } from './devices-store';
import { useDevice } from './queries';
import { StatusBadge } from './status-badge';

/** Stream addresses may carry camera credentials: never show the password. */
const maskCredentials = (url: string) => url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');

const time = (at: number | null) => (at === null ? '—' : dayjs(at).format('YYYY-MM-DD HH:mm:ss'));

export function DeviceDrawer() {
  const { t } = useTranslation();
  const code = useDevicesUi((state) => state.openCode);
  const { data: device, error, isPending } = useDevice(code);

  return (
    <Drawer
      open={!!code}
      size={560}
      title={device?.name ?? t('devices.detail')}
      onClose={() => useDevicesUi.setState({ openCode: null })}
      data-testid="device-drawer"
    >
      {error && <Alert type="error" showIcon title={describeError(t, error)} />}
      {code && isPending && <Spin className="page-spinner" />}
      {device && (
        <>
          <Typography.Title level={5}>{t('devices.codeParts')}</Typography.Title>
          <CodeParts code={device.code} />
          <Descriptions size="small" bordered column={1} style={{ marginTop: 12 }} data-testid="device-fields">
            <Descriptions.Item label={t('devices.name')}>{device.name}</Descriptions.Item>
            <Descriptions.Item label={t('devices.code')}>
              <Typography.Text className="mono" copyable>
                {device.code}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('devices.kind')}>{t(`devices.kinds.${device.kind as DeviceKind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('devices.status')}>
              <StatusBadge status={device.status} since={device.statusSince} />
            </Descriptions.Item>
            <Descriptions.Item label={t('devices.statusSince')}>{time(device.statusSince)}</Descriptions.Item>
            <Descriptions.Item label={t('devices.lastSeen')}>{time(device.lastSeen)}</Descriptions.Item>
            <Descriptions.Item label={t('devices.location')}>{location(device) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('devices.position')}>
              {device.x === null || device.y === null ? '—' : <span className="mono">{`x ${device.x.toFixed(3)} · y ${device.y.toFixed(3)}`}</span>}
            </Descriptions.Item>
            <Descriptions.Item label={t('devices.vendor')}>{device.vendor || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('devices.model')}>{device.model || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('devices.streams')}>
              {device.streams.length === 0
                ? t('devices.noStreams')
                : device.streams.map((stream) => (
                    <div key={stream.profile}>
                      {t(`devices.profile.${stream.profile}`)}:{' '}
                      <Typography.Text className="mono" copyable>
                        {maskCredentials(stream.url)}
                      </Typography.Text>
                    </div>
                  ))}
            </Descriptions.Item>
          </Descriptions>
          <CameraCredentials device={device} />
        </>
      )}
    </Drawer>
  );
}
