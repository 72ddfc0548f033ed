import { Alert, Badge, Button, Card, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORDER_STATES, type OrderSummary } from '../core/contract';
import { describeError } from '../core/errors';
import { WorkActions } from './order-actions';
import { byState } from './order-view';
import { PRIORITY_COLOR } from './order-tags';
import { openOrder } from './orders-ui';
import { useMyOrders, useOrder } from './queries';
import { SlaTimer } from './sla-timer';
import { useOrderCall } from './use-order-call';

/** The buttons read the order in full: what the technician acts on is what the core holds now. */
function MyOrderWork({ id }: { id: string }) {
  const detail = useOrder(id);
  const call = useOrderCall();
  return detail.data ? <WorkActions order={detail.data} call={call} /> : null;
}

function MyOrder({ order }: { order: OrderSummary }) {
  const { t } = useTranslation();
  const working = ['assigned', 'accepted', 'in_progress'].includes(order.state);
  return (
    <Card size="small" className="my-order" data-testid="my-order" data-id={order.id} data-state={order.state}>
      <div className="order-card-head">
        <Tag color={PRIORITY_COLOR[order.priority]}>{t(`orders.priorities.${order.priority}`)}</Tag>
        <span className="order-card-category">{t(`orders.categories.${order.category}`)}</span>
        <span className="order-card-id">{order.id}</span>
      </div>
      <Typography.Title level={5} className="my-order-title">
        {order.title}
      </Typography.Title>
      <div className="order-card-meta">
        <span>{order.building}</span>
        <SlaTimer order={order} />
      </div>
      {working && <MyOrderWork id={order.id} />}
      <Button type="link" onClick={() => openOrder(order.id)} data-testid="my-order-open">
        {t('orders.mine.open')}
      </Button>
    </Card>
  );
}

/** A technician's own orders by state, with large buttons for a tablet on the job. */
export function MyOrders() {
  const { t } = useTranslation();
  const mine = useMyOrders(true);
  const groups = byState(mine.data ?? []);
  return (
    <div className="my-orders" data-testid="my-orders">
      {mine.error && <Alert type="error" showIcon title={describeError(t, mine.error)} />}
      {mine.data?.length === 0 && <Empty description={t('orders.mine.empty')} />}
      {/* Open work first, then what was done: the technician sees how his orders ended too. */}
      {ORDER_STATES.map((state) => {
        const list = groups.get(state)!;
        if (list.length === 0) return null;
        return (
          <section key={state} className="my-orders-group" data-testid={`mine-${state}`}>
            <Typography.Title level={5}>
              {t(`orders.states.${state}`)} <Badge count={list.length} showZero color="#3b82f6" />
            </Typography.Title>
            <div className="my-orders-cards">
              {list.map((order) => (
                <MyOrder key={order.id} order={order} />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}
