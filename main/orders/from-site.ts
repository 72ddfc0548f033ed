import { formatHlc } from '../alarms/hlc';
import type { OrderEvent } from '../contract/orders';
import type { ChannelPayload } from '../site-link/interface/topics';
import type { WorkOrders } from './store';

/** An app's clock may run a little ahead of the station's; further ahead, its times would bend the SLA. */
const MAX_AHEAD_MS = 5 * 60_000;

const ahead = (ts: number, receivedAt: number) => (ts - receivedAt > MAX_AHEAD_MS ? `ts is ${Math.round((ts - receivedAt) / 1000)} s ahead of this station's clock` : null);

/**
 * A resident's report from their app: every station opens the same order
 * r-{id}, stamped with the report's time. Why it was refused, or null.
 */
export function repairFromApp(orders: WorkOrders, resident: string, report: ChannelPayload<'repairRequest'>, receivedAt: number): string | null {
  const id = `r-${report.id}`;
  if (orders.has(id)) return `replay: report ${report.id} is already order ${id}`;
  const early = ahead(report.ts, receivedAt);
  if (early) return early;
  const { title, description, category, building, floor, unit, photos } = report;
  orders.create(
    { title, description, category, priority: 'normal', place: { building, ...(floor ? { floor } : {}), ...(unit ? { unit } : {}) }, resident, photos, source: 'resident' },
    { by: `resident:${resident}`, via: 'app' },
    { id, at: report.ts },
  );
  return null;
}

/**
 * A technician's or resident's app acting on an order: the same event at
 * every station (its id and clock come from the message). Refused with the
 * reason when the order is not known here, the update was had before, or it
 * does not fit the order (a technician it is not assigned to, a resident who
 * did not report it).
 */
export function updateFromApp(orders: WorkOrders, id: string, update: ChannelPayload<'orderUpdate'>, receivedAt: number): string | null {
  if (!orders.has(id)) return `no order ${id} at this station`;
  const order = orders.get(id);
  const eventId = `app-${update.id}`;
  if (order.timeline.some((line) => line.id === eventId)) return `replay: update ${update.id} is already on order ${id}`;
  const early = ahead(update.ts, receivedAt);
  if (early) return early;
  const { by } = update;
  const resident = by.startsWith('resident:');
  if (['accept', 'start', 'complete'].includes(update.action) && resident) return `${update.action}: only the technician assigned does that`;
  if (['confirm', 'reopen'].includes(update.action) && !resident) return `${update.action}: only the resident who reported it does that`;
  if ((update.action === 'confirm') !== (update.rating !== undefined)) return 'a rating (1–5) goes with confirm, and only with it';
  if (resident ? by !== `resident:${order.resident}` : by !== order.assignee) return resident ? `order ${id} was not reported by ${by}` : `order ${id} is assigned to ${order.assignee ?? 'nobody'}, not ${by}`;
  const base = { id: eventId, hlc: formatHlc({ millis: update.ts, counter: 0, node: 'app' }), by, via: 'app' as const };
  const event: OrderEvent =
    update.action === 'confirm'
      ? { ...base, action: 'confirm', rating: update.rating!, text: update.text }
      : update.action === 'note' || update.action === 'complete'
        ? { ...base, action: update.action, text: update.text, photos: update.photos }
        : update.action === 'reopen'
          ? { ...base, action: 'reopen', text: update.text }
          : { ...base, action: update.action };
  if (orders.derive(id, event, { onlyIfApplies: true })?.applied) return null;
  return `order ${id} is ${order.state.replace('_', ' ')}: ${update.action} does not fit it now`;
}
