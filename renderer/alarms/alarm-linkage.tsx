import { AppstoreAddOutlined, EnvironmentOutlined, HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Spin, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import { POST_ALARM_SECONDS, PRE_ALARM_SECONDS } from '../core/contract';
import { describeError } from '../core/errors';
import type { AlarmEntry } from './alarm-entry';
import { ClipModal } from './clip-modal';
import { CameraView } from '../video/camera-view';
import { useDevice } from '../devices/queries';
import { linkageKey, useAlarmCommands } from './use-alarm-commands';

/** What the alarm links to: the nearest camera live, all of them on the wall, the recorded clip, the map. */
export function AlarmLinkage({ alarm }: { alarm: AlarmEntry }) {
  const { t } = useTranslation();
  const { toWall } = useAlarmCommands();
  const canLive = usePermission('video.live');
  const canPlayBack = usePermission('video.playback');
  const canMap = usePermission('devices.read');
  const [clipOpen, setClipOpen] = useState(false);
  const linkage = useQuery({ queryKey: linkageKey(alarm.id), queryFn: () => core.call('alarms.linkage', { id: alarm.id }) });

  if (linkage.isPending) return <Spin size="small" description={t('alarms.linkage.loading')} />;
  if (linkage.isError) return <Typography.Text type="danger">{t('alarms.linkage.failed', { message: describeError(t, linkage.error) })}</Typography.Text>;
  const { cameras, clip } = linkage.data;
  const nearest = cameras[0];

  return (
    <div className="alarm-linkage" data-testid="alarm-linkage">
      {canLive && nearest ? <LinkedCamera code={nearest} /> : <Typography.Text type="secondary">{cameras.length === 0 ? t('alarms.linkage.noCamera') : null}</Typography.Text>}
      <Space wrap size={6}>
        {canLive && (
          <Button size="small" icon={<AppstoreAddOutlined />} disabled={cameras.length === 0} onClick={() => void toWall(alarm)} data-testid="alarm-to-wall">
            {t('alarms.linkage.toWall')}
            {cameras.length > 1 && ` · ${cameras.length}`}
          </Button>
        )}
        {canPlayBack && (
          <Tooltip title={clip ? t('alarms.linkage.clipHint', { pre: PRE_ALARM_SECONDS, post: POST_ALARM_SECONDS }) : t('alarms.linkage.noClip')}>
            <Button size="small" icon={<HistoryOutlined />} disabled={!clip} onClick={() => setClipOpen(true)} data-testid="alarm-clip-open">
              {t('alarms.linkage.clip')}
            </Button>
          </Tooltip>
        )}
        {canMap && (
          <Button size="small" icon={<EnvironmentOutlined />} onClick={() => (location.hash = `#/map?device=${encodeURIComponent(alarm.source)}`)} data-testid="alarm-on-map">
            {t('alarms.linkage.onMap')}
          </Button>
        )}
      </Space>
      {clipOpen && clip && <ClipModal clip={clip} onClose={() => setClipOpen(false)} />}
    </div>
  );
}

/** The nearest camera's live picture in the detail panel, named as the registry names it. */
function LinkedCamera({ code }: { code: string }) {
  const camera = useDevice(code);
  return <CameraView code={code} name={camera.data?.name ?? code} className="linked-camera" testId="linked-camera" />;
}
