import { CheckCircleOutlined, FieldTimeOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessType } from './access-log-query';
import { StateChip } from '../device-control/state-chip';

export const EVENT_LOOK: Record<AccessType, { color: string; icon: ReactNode }> = {
  access_granted: { color: '#52a447', icon: <CheckCircleOutlined /> },
  access_denied: { color: '#e89a3c', icon: <StopOutlined /> },
  door_forced: { color: '#ff4d4f', icon: <WarningOutlined /> },
  door_held_open: { color: '#d8b43c', icon: <FieldTimeOutlined /> },
};

export function EventTypeTag({ type }: { type: string }) {
  const { t } = useTranslation();
  const look = EVENT_LOOK[type as AccessType];
  if (!look) return <span>{type}</span>;
  return <StateChip color={look.color} icon={look.icon} text={t(`access.log.types.${type as AccessType}`)} />;
}
