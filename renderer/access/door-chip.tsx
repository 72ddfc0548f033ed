import { DisconnectOutlined, FieldTimeOutlined, LockOutlined, QuestionCircleOutlined, UnlockOutlined, WarningOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../core/contract';
import type { DoorView } from './door-state';
import { StateChip } from '../device-control/state-chip';

export const DOOR_LOOK: Record<DoorView, { color: string; icon: ReactNode }> = {
  closed: { color: '#52a447', icon: <LockOutlined /> },
  open: { color: '#3b8cf6', icon: <UnlockOutlined /> },
  held_open: { color: '#e89a3c', icon: <FieldTimeOutlined /> },
  forced: { color: '#ff4d4f', icon: <WarningOutlined /> },
  offline: { color: '#8c95a1', icon: <DisconnectOutlined /> },
  unknown: { color: '#6b7280', icon: <QuestionCircleOutlined /> },
};

/** A door's state; an unreachable one says why (offline, fault, unknown) rather than its stale door. */
export function DoorChip({ view, status }: { view: DoorView; status: DeviceStatus }) {
  const { t } = useTranslation();
  const text = view === 'offline' && status !== 'offline' ? t(`devices.statuses.${status}`) : t(`access.views.${view}`);
  return <StateChip color={DOOR_LOOK[view].color} icon={DOOR_LOOK[view].icon} text={text} dashed={view === 'offline'} pulse={view === 'forced'} />;
}
