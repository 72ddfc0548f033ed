import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { useMemo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../core/contract';
import { VirtualRows, type Column, type RowAttributes, type RowsHandle } from '../alarms/virtual-rows';
import { openOrder, useOrdersUi } from './orders-ui';
import { SlaTimer } from './sla-timer';
import '../alarms/alarms.css';

function columnsOf(t: TFunction): Column<OrderSummary>[] {
  return [
    // Plain marks rather than antd Tags: the rows in view are drawn anew on every filter change.
    { key: 'priority', title: t('orders.columns.priority'), width: 80, render: (order) => <span className={`order-mark priority-${order.priority}`}>{t(`orders.priorities.${order.priority}`)}</span> },
    { key: 'state', title: t('orders.columns.state'), width: 104, render: (order) => <span className={`order-mark state-${order.state}`}>{t(`orders.states.${order.state}`)}</span> },
    { key: 'category', title: t('orders.columns.category'), width: 92, render: (order) => t(`orders.categories.${order.category}`) },
    { key: 'title', title: t('orders.columns.title'), width: 220, grow: true, render: (order) => <span title={order.title}>{order.title}</span> },
    { key: 'building', title: t('orders.columns.building'), width: 110, render: (order) => order.building },
    { key: 'assignee', title: t('orders.columns.assignee'), width: 96, render: (order) => order.assignee ?? '—' },
    { key: 'created', title: t('orders.columns.created'), width: 108, render: (order) => dayjs(order.createdAt).format('MM-DD HH:mm') },
    { key: 'sla', title: t('orders.columns.sla'), width: 200, render: (order) => <SlaTimer order={order} /> },
    { key: 'id', title: t('orders.columns.id'), width: 150, render: (order) => <span className="order-id">{order.id}</span> },
  ];
}

// Module functions: stable, so a row whose order did not change is not drawn again.
const rowKey = (order: OrderSummary) => order.id;
const rowAttributes = (order: OrderSummary): RowAttributes => ({ 'data-testid': 'order-row', 'data-id': order.id, 'data-state': order.state, onClick: () => openOrder(order.id) });

/** Every order that matches, in fixed-height rows drawn only where they show. */
export function OrderList({ orders, handle }: { orders: readonly OrderSummary[]; handle: Ref<RowsHandle> }) {
  const { t } = useTranslation();
  const selected = useOrdersUi((state) => state.selected);
  const columns = useMemo(() => columnsOf(t), [t]);
  return (
    <div className="order-list">
      <VirtualRows
        rows={orders}
        columns={columns}
        rowKey={rowKey}
        rowClassName={(order) => `order-row state-${order.state}${order.id === selected ? ' selected' : ''}${order.escalated.length ? ' escalated' : ''}`}
        rowAttributes={rowAttributes}
        empty={t('orders.empty')}
        handle={handle}
        label={t('orders.list')}
      />
    </div>
  );
}
