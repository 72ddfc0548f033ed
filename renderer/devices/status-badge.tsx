import { Badge, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../core/contract';

// Anything not online must catch the eye of an officer scanning the list.
const COLOR: Record<DeviceStatus, string> = {
  online: '#49aa19',
  offline: '#d84a4a',
  fault: '#e89a3c',
  unknown: '#8c8c8c',
};

export function formatSince(at: number): string {
  const time = dayjs(at);
  return time.isSame(dayjs(), 'day') ? time.format('HH:mm:ss') : time.format('YYYY-MM-DD HH:mm');
}

export function StatusBadge({ status, since }: { status: DeviceStatus; since: number | null }) {
  const { t } = useTranslation();
  return (
    <span className={`device-status device-status-${status}`} data-status={status}>
      <Badge color={COLOR[status]} text={t(`devices.statuses.${status}`)} />
      {since !== null && (
        <Tooltip title={dayjs(since).format('YYYY-MM-DD HH:mm:ss')}>
          <span className="device-since"> · {t('devices.since', { time: formatSince(since) })}</span>
        </Tooltip>
      )}
    </span>
  );
}
