import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../core/contract';
import { useNow } from '../core/use-now';
import { durationText, slaAt } from './order-view';

/** Time left to the order's current deadline, counting on; red when past, with the escalated badge. */
export function SlaTimer({ order }: { order: OrderSummary }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const sla = slaAt(order, now);
  const escalated = order.escalated.length > 0 && (
    <span className="order-mark order-escalated" data-testid="order-escalated">
      {t('orders.escalated')}
    </span>
  );
  if (!sla)
    return (
      <span className="order-sla" data-testid="order-sla" data-late="false">
        {t('orders.sla.done')} {escalated}
      </span>
    );
  const units = { d: t('orders.sla.units.d'), h: t('orders.sla.units.h'), min: t('orders.sla.units.min') };
  const text = t(sla.late ? 'orders.sla.late' : 'orders.sla.left', { stage: t(`orders.stages.${sla.stage}`), time: durationText(sla.left, units) });
  return (
    // A plain title, not a Tooltip: thirty rows of timers redraw on every filter change.
    <span
      className={`order-sla${sla.late ? ' late' : ''}`}
      title={`${t(`orders.columns.${sla.stage === 'respond' ? 'respondBy' : 'completeBy'}`)} ${dayjs(sla.stage === 'respond' ? order.respondBy : order.completeBy).format('YYYY-MM-DD HH:mm')}`}
      data-testid="order-sla"
      data-late={String(sla.late)}
      data-stage={sla.stage}
    >
      {text} {escalated}
    </span>
  );
}
