import { FieldTimeOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-store';
import type { Role } from '../core/contract';
import { showPage } from '../shell/ui-store';
import { alarmTitle, placeOf, sourceLabel } from './alarm-format';
import { alarmWindow, takeEscalations, useAlarms } from './alarm-store';
import { openAlarm } from './alarms-ui';

/** Who is told when an alarm is not acknowledged in time. */
const TOLD: readonly Role[] = ['shift_supervisor', 'emergency_commander'];
const LISTED = 3;

/**
 * Tells a supervisor or commander about escalated alarms with a notice that
 * stays until it is clicked (which opens the first of them) or closed. Officers of
 * other roles are not told: the list marks the alarms for them.
 */
export function useEscalationNotices(): void {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const waiting = useAlarms((state) => state.escalations.length);
  const role = useSession((state) => state.session?.user.role);

  useEffect(() => {
    if (waiting === 0) return;
    const ids = takeEscalations();
    if (!role || !TOLD.includes(role)) return;
    const key = `escalation-${ids[0]}`;
    const list = ids
      .slice(0, LISTED)
      .map((id) => alarmWindow.byId.get(id))
      .map((alarm) => (alarm ? `${alarmTitle(t, alarm)} · ${sourceLabel(alarm)}${placeOf(alarm) ? ` (${placeOf(alarm)})` : ''}` : null))
      .filter(Boolean)
      .join('；');
    notification.warning({
      key,
      title: t('alarms.escalation.title'),
      description: `${t('alarms.escalation.body', { count: ids.length, list: list || ids.slice(0, LISTED).join(', ') })}${ids.length > LISTED ? ` ${t('alarms.escalation.more')}` : ''} · ${t('alarms.escalation.open')}`,
      icon: <FieldTimeOutlined style={{ color: '#fa8c16' }} />,
      duration: false,
      // Below the page's own controls: a notice that stays must not hide the header or the toolbar.
      placement: 'bottomRight',
      // It can be put away unopened: the list still marks the alarm escalated, and a shift's worth must not bury the page.
      closable: true,
      role: 'alert',
      props: { 'data-testid': 'escalation-notice' } as React.HTMLAttributes<HTMLDivElement>,
      onClick: () => {
        notification.destroy(key);
        showPage('alarms');
        openAlarm(ids[0]!);
      },
      style: { cursor: 'pointer' },
    });
  }, [waiting, role, notification, t]);
}
