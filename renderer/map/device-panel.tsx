import { CloseOutlined, ProfileOutlined, VideoCameraAddOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Spin, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import type { DeviceKind } from '../core/contract';
import { alarmTitle } from '../alarms/alarm-format';
import { describeError } from '../core/errors';
import { location } from '../devices/device-table';
import { useDevicesUi } from '../devices/devices-store';
import { useDevice } from '../devices/queries';
import { StatusBadge } from '../devices/status-badge';
import { showPage } from '../shell/ui-store';
import { wallActions } from '../video/wall-store';
import { CameraView } from '../video/camera-view';
import { useOpenAlarms } from './map-data';
import { mapActions } from './map-store';
import { Glyph } from './map-toolbar';
import { SEVERITY_COLOURS, SEVERITY_RANK } from './symbols';

const CAMERAS: DeviceKind[] = ['ipc', 'camera'];

/**
 * The selected device beside the map, which stays live and clickable: its
 * state, its open alarms, live video for a camera, and the way to its full
 * detail (the device list's drawer) or onto the wall.
 */
export function DevicePanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const { data: device, error, isPending } = useDevice(code);
  const { data: alarms } = useOpenAlarms({ fresh: false });
  const canWatch = usePermission('video.live');
  const open = (alarms ?? []).filter((alarm) => alarm.source === code).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.raisedAt - a.raisedAt);
  const kind = device?.kind as DeviceKind | undefined;
  const camera = !!kind && CAMERAS.includes(kind);

  return (
    <aside className="panel map-panel" data-testid="map-device-panel" data-code={code}>
      <div className="panel-head">
        {kind && <Glyph kind={kind} />}
        <span className="map-panel-title" data-testid="map-device-name">
          {device?.name ?? t('devices.detail')}
        </span>
        <span className="toolbar-spacer" />
        <Tooltip title={t('map.closePanel')}>
          <Button size="small" type="text" icon={<CloseOutlined />} onClick={() => mapActions.select(null)} aria-label={t('map.closePanel')} />
        </Tooltip>
      </div>
      <div className="panel-body map-panel-body">
        {error && <Alert type="error" showIcon title={describeError(t, error)} />}
        {isPending && <Spin className="page-spinner" />}
        {device && (
          <>
            {camera && (canWatch ? <CameraView code={device.code} name={device.name} className="map-video" testId="map-video" /> : <Alert type="info" showIcon title={t('map.noLiveVideo')} />)}
            <StatusBadge status={device.status} since={device.statusSince} />
            {open.length > 0 && (
              <div className="map-panel-alarms" data-testid="map-device-alarms">
                {open.map((alarm) => (
                  <div key={alarm.id} className="map-panel-alarm">
                    <Tag color={SEVERITY_COLOURS[alarm.severity]}>{t(`alarms.severity.${alarm.severity}`)}</Tag>
                    <span>{alarmTitle(t, alarm)}</span>
                    <span className="map-panel-dim">
                      {dayjs(alarm.raisedAt).format('HH:mm:ss')} · {t(`alarms.states.${alarm.state as 'new' | 'acknowledged' | 'handling'}`)}
                      {alarm.count > 1 ? ` · ×${alarm.count}` : ''}
                    </span>
                  </div>
                ))}
              </div>
            )}
            <Descriptions
              size="small"
              bordered
              column={1}
              className="map-panel-fields"
              items={[
                { key: 'kind', label: t('devices.kind'), children: t(`devices.kinds.${device.kind as DeviceKind}`) },
                { key: 'code', label: t('devices.code'), children: <Typography.Text className="mono" copyable>{device.code}</Typography.Text> },
                { key: 'location', label: t('devices.location'), children: location(device) || '—' },
                { key: 'model', label: t('devices.model'), children: [device.vendor, device.model].filter(Boolean).join(' ') || '—' },
              ]}
            />
            <div className="map-panel-actions">
              <Button size="small" icon={<ProfileOutlined />} onClick={() => useDevicesUi.setState({ openCode: code })} data-testid="map-device-detail">
                {t('map.detail')}
              </Button>
              {camera && canWatch && (
                <Button
                  size="small"
                  icon={<VideoCameraAddOutlined />}
                  onClick={() => {
                    wallActions.show(code);
                    showPage('wall');
                  }}
                >
                  {t('map.toWall')}
                </Button>
              )}
            </div>
          </>
        )}
      </div>
    </aside>
  );
}
