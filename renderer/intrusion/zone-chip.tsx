import { AlertOutlined, DisconnectOutlined, QuestionCircleOutlined, SafetyOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../core/contract';
import { StateChip } from '../device-control/state-chip';
import type { PartitionState, ZoneView } from './zone-state';

export const ZONE_LOOK: Record<ZoneView, { color: string; icon: ReactNode }> = {
  alarm: { color: '#ff4d4f', icon: <AlertOutlined /> },
  armed: { color: '#3b8cf6', icon: <SafetyOutlined /> },
  disarmed: { color: '#9aa7b6', icon: <UnlockOutlined /> },
  bypassed: { color: '#e0a526', icon: <StopOutlined /> },
  offline: { color: '#7d8794', icon: <DisconnectOutlined /> },
  unknown: { color: '#6b7280', icon: <QuestionCircleOutlined /> },
};

const PARTITION_LOOK: Record<PartitionState, { color: string; icon: ReactNode }> = {
  alarm: ZONE_LOOK.alarm,
  armed: ZONE_LOOK.armed,
  partial: { color: '#69b1ff', icon: <SafetyOutlined /> },
  disarmed: ZONE_LOOK.disarmed,
  offline: ZONE_LOOK.offline,
};

export function ZoneChip({ view, status }: { view: ZoneView; status: DeviceStatus }) {
  const { t } = useTranslation();
  const text = view === 'offline' ? t(`devices.statuses.${status}`) : t(`intrusion.views.${view}`);
  return <StateChip color={ZONE_LOOK[view].color} icon={ZONE_LOOK[view].icon} text={text} dashed={view === 'offline'} pulse={view === 'alarm'} />;
}

export function PartitionChip({ state }: { state: PartitionState }) {
  const { t } = useTranslation();
  return <StateChip color={PARTITION_LOOK[state].color} icon={PARTITION_LOOK[state].icon} text={t(`intrusion.partitionStates.${state}`)} pulse={state === 'alarm'} dashed={state === 'offline'} />;
}
