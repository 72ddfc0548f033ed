import { FieldTimeOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import { useCoreEvent } from '../core/use-core-event';
import { showPage } from '../shell/ui-store';
import { openOrder } from './orders-ui';

const LISTED = 3;

/**
 * Tells a supervisor or property manager (orders.manage) of repair orders
 * past their deadline, with a notice that stays until clicked; the click
 * opens the first of them.
 */
export function useOrderEscalations(): void {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const told = usePermission('orders.manage');
  useCoreEvent('orders.escalated', ({ ids }) => {
    if (!told || ids.length === 0) return;
    const key = `order-escalation-${ids[0]}`;
    const show = (list: string) =>
      notification.warning({
        key,
        title: t('orders.escalation.title'),
        description: `${t('orders.escalation.body', { count: ids.length, list })}${ids.length > LISTED ? ` ${t('orders.escalation.more')}` : ''} · ${t('orders.escalation.open')}`,
        icon: <FieldTimeOutlined style={{ color: '#fa8c16' }} />,
        duration: false,
        placement: 'bottomRight',
        closable: true,
        role: 'alert',
        props: { 'data-testid': 'order-escalation-notice' } as React.HTMLAttributes<HTMLDivElement>,
        onClick: () => {
          notification.destroy(key);
          showPage('orders');
          openOrder(ids[0]!);
        },
        style: { cursor: 'pointer' },
      });
    show(ids.slice(0, LISTED).join(', '));
    // Titles say more than ids; read them, and the notice shows them when they come.
    void Promise.all(ids.slice(0, LISTED).map((id) => core.call('orders.get', { id }).then((order) => `${order.title} (${id})`, () => id))).then((titles) => show(titles.join('；')));
  });
}
