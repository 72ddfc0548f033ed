import { Alert, Button, Descriptions, Divider, Drawer, Rate, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { openAlarm } from '../alarms/alarms-ui';
import { describeError } from '../core/errors';
import { showPage } from '../shell/ui-store';
import { OrderActions } from './order-actions';
import { PRIORITY_COLOR, STATE_COLOR } from './order-tags';
import { ReporterCell } from './reporter-cell';
import { OrderTimeline } from './order-timeline';
import { useOrdersUi } from './orders-ui';
import { PhotoStrip } from './photos';
import { useOrder } from './queries';
import { SlaTimer } from './sla-timer';
import { useOrderCall } from './use-order-call';

const at = (time: number | null) => (time === null ? '—' : dayjs(time).format('YYYY-MM-DD HH:mm:ss'));

/** One order in full: what, where, photos before and after, who did what when, and what this user may do now. */
export function OrderDrawer({ canSeeAlarms }: { canSeeAlarms: boolean }) {
  const { t } = useTranslation();
  const id = useOrdersUi((state) => state.open);
  const detail = useOrder(id);
  const call = useOrderCall();
  const order = detail.data;
  const close = () => useOrdersUi.setState({ open: null });
  return (
    <Drawer open={id !== null} onClose={close} size={600} title={id ? t('orders.detail.title', { id }) : ''} destroyOnHidden data-testid="order-drawer" rootClassName="order-drawer">
      {detail.error && <Alert type="error" showIcon title={describeError(t, detail.error)} />}
      {call.error && <Alert type="error" showIcon closable title={describeError(t, call.error)} data-testid="order-call-error" onClose={() => call.reset()} />}
      {!order && !detail.error && <Spin />}
      {order && (
        <div data-testid="order-detail" data-state={order.state} data-id={order.id}>
          <Typography.Title level={5} className="order-detail-title">
            <Tag color={PRIORITY_COLOR[order.priority]}>{t(`orders.priorities.${order.priority}`)}</Tag>
            {order.title}
          </Typography.Title>
          <Descriptions size="small" column={2} bordered className="order-fields">
            <Descriptions.Item label={t('orders.columns.state')}>
              <Tag color={STATE_COLOR[order.state]} data-testid="order-state">
                {t(`orders.states.${order.state}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.columns.sla')}>
              <SlaTimer order={order} />
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.columns.category')}>{t(`orders.categories.${order.category}`)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.detail.source')}>{t(`orders.sources.${order.source}`)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.detail.place')} span={2}>
              {order.place.building}
              {order.place.floor ? ` · ${t('orders.detail.floor', { floor: order.place.floor })}` : ''}
            </Descriptions.Item>
            {order.source === 'resident' && (
              <Descriptions.Item label={t('orders.detail.resident')} span={2}>
                <ReporterCell order={order} />
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('orders.columns.assignee')}>
              <span data-testid="order-assignee">{order.assignee ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.detail.createdBy')}>{order.createdBy}</Descriptions.Item>
            <Descriptions.Item label={t('orders.columns.respondBy')}>{at(order.respondBy)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.columns.completeBy')}>{at(order.completeBy)}</Descriptions.Item>
            {order.alarm && (
              <Descriptions.Item label={t('orders.detail.alarm')} span={2}>
                {order.alarm}{' '}
                {canSeeAlarms && (
                  <Button
                    type="link"
                    size="small"
                    data-testid="order-alarm-link"
                    onClick={() => {
                      showPage('alarms');
                      openAlarm(order.alarm!);
                    }}
                  >
                    {t('orders.detail.openAlarm')}
                  </Button>
                )}
              </Descriptions.Item>
            )}
            {order.device && (
              <Descriptions.Item label={t('orders.detail.device')} span={2}>
                {order.device}
              </Descriptions.Item>
            )}
            {order.rating !== null && (
              <Descriptions.Item label={t('orders.detail.rating')} span={2}>
                <Rate disabled value={order.rating} data-testid="order-rated" data-rating={order.rating} /> {order.ratingText}
              </Descriptions.Item>
            )}
            {order.description && (
              <Descriptions.Item label={t('orders.detail.description')} span={2}>
                {order.description}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Divider titlePlacement="start">{t('orders.detail.photosBefore')}</Divider>
          <PhotoStrip hashes={order.photosBefore} testId="photos-before" />
          <Divider titlePlacement="start">{t('orders.detail.photosAfter')}</Divider>
          <PhotoStrip hashes={order.photosAfter} testId="photos-after" />
          <Divider />
          <OrderActions order={order} call={call} />
          <Divider titlePlacement="start">{t('orders.detail.timeline')}</Divider>
          <OrderTimeline steps={order.timeline} />
        </div>
      )}
    </Drawer>
  );
}
