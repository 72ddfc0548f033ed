import { Card, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../core/contract';
import { BOARD_STATES, byState } from './order-view';
import { PRIORITY_COLOR } from './order-tags';
import { openOrder, useOrdersUi } from './orders-ui';
import { SlaTimer } from './sla-timer';

/** A column shows this many cards; the list shows them all. */
const CARDS = 60;

function OrderCard({ order, selected }: { order: OrderSummary; selected: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      hoverable
      className={`order-card priority-${order.priority}${selected ? ' selected' : ''}${order.escalated.length ? ' escalated' : ''}`}
      onClick={() => openOrder(order.id)}
      data-testid="order-card"
      data-id={order.id}
      data-state={order.state}
    >
      <div className="order-card-head">
        <Tag color={PRIORITY_COLOR[order.priority]}>{t(`orders.priorities.${order.priority}`)}</Tag>
        <span className="order-card-category">{t(`orders.categories.${order.category}`)}</span>
        <span className="order-card-id">{order.id}</span>
      </div>
      <div className="order-card-title" title={order.title}>
        {order.title}
      </div>
      <div className="order-card-meta">
        <span>{order.building}</span>
        <span>{order.assignee ?? t('orders.unassigned')}</span>
      </div>
      <SlaTimer order={order} />
    </Card>
  );
}

/** The orders by state, most pressing first in each column; closed and cancelled are counted. */
export function OrderBoard({ orders }: { orders: readonly OrderSummary[] }) {
  const { t } = useTranslation();
  const selected = useOrdersUi((state) => state.selected);
  const groups = byState(orders);
  return (
    <div className="order-board-wrap">
      <div className="order-board" data-testid="order-board">
        {BOARD_STATES.map((state) => {
          const column = groups.get(state)!;
          return (
            <section key={state} className="order-column" data-testid={`board-${state}`} data-count={column.length}>
              <header className="order-column-head">
                <Typography.Text strong>{t(`orders.states.${state}`)}</Typography.Text>
                <Tag>{column.length}</Tag>
              </header>
              <div className="order-column-body">
                {column.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} />}
                {column.slice(0, CARDS).map((order) => (
                  <OrderCard key={order.id} order={order} selected={order.id === selected} />
                ))}
                {column.length > CARDS && <Typography.Text type="secondary">+{column.length - CARDS}</Typography.Text>}
              </div>
            </section>
          );
        })}
      </div>
      <Typography.Text type="secondary" className="order-board-ended" data-testid="board-ended">
        {t('orders.closedCount', { closed: groups.get('closed')!.length, cancelled: groups.get('cancelled')!.length })}
      </Typography.Text>
    </div>
  );
}
