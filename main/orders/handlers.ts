import { ContractError, roleHas } from '../contract';
import type { UserStore } from '../auth/users';
import type { ResidentRegistry } from '../residents/registry';
import type { EnergyCalendar } from '../energy/calendar';
import type { ImageStore } from '../images/store';
import type { Hub } from '../router/hub';
import type { CallContext, HandlerGroup } from '../router/router';
import type { Database } from '../store/database';
import type { OrderDetail } from '../contract/orders';
import { orderFigures } from './figures';
import type { WorkOrders } from './store';

type Methods = 'orders.list' | 'orders.mine' | 'orders.get' | 'orders.contact' | 'orders.create' | 'orders.assign' | 'orders.prioritise' | 'orders.end' | 'orders.work' | 'orders.note' | 'orders.resident' | 'orders.figures' | 'orders.technicians';

/** A unit number keeps its first character (the floor's digit reads as a place, not a home): 1201 → 1***. */
const maskUnit = (unit: string) => (unit.length <= 1 ? '*' : `${unit[0]}${'*'.repeat(unit.length - 1)}`);

export function orderHandlers(deps: { db: Database; orders: WorkOrders; images: ImageStore; users: UserStore; residents: ResidentRegistry; calendar: EnergyCalendar; hub: Hub }): HandlerGroup<Methods> {
  const { db, orders, images, users, residents, calendar, hub } = deps;
  const session = (context: CallContext) => context.connection.session!;
  const station = (context: CallContext) => ({ by: session(context).username, via: 'station' as const });
  /**
   * Readers of every order, or the technician it is assigned to; anyone else learns nothing, not even that it exists.
   * The resident's unit is personal: the technician going there sees it, others a masked one (orders.contact reveals it, audited).
   */
  const visible = (id: string, context: CallContext): OrderDetail => {
    const { role, username } = session(context);
    const order = orders.has(id) ? orders.get(id) : null;
    if (!order || !(roleHas(role, 'orders.read') || (roleHas(role, 'orders.work') && order.assignee === username))) {
      throw new ContractError(order ? 'forbidden' : 'not_found', order ? `order ${id} is not assigned to you` : `no order ${id}`);
    }
    const sent = order.assignee === username;
    const known = order.resident ? residents.get(order.resident) : null;
    const reporter = known && (sent ? { name: known.name, phone: known.phone } : (({ name, phone }) => ({ name, phone }))(residents.view(known.id)));
    const { unit, ...place } = order.place;
    return { ...order, reporter, place: unit === undefined || sent ? order.place : { ...place, unit: maskUnit(unit) } };
  };
  /** Photos are the hashes of images this station holds: taken here, or arrived from the site. */
  const known = (photos: string[]) => {
    const missing = photos.find((hash) => !/^[0-9a-f]{64}$/.test(hash) || !images.ref(hash));
    if (missing) throw new ContractError('invalid_input', `photo ${missing.slice(0, 12)}… is not an image this station holds; add it first`);
    return photos;
  };
  /** Runs a change, tells windows (readers by id, technicians that their list may have moved), and answers as orders.get would. */
  const change = (context: CallContext, run: () => { id: string }): OrderDetail => {
    const { id } = db.transaction(run)();
    hub.broadcast('orders.changed', { ids: [id] });
    hub.broadcast('orders.mineChanged', {});
    return visible(id, context);
  };
  return {
    'orders.list': () => orders.list(),
    'orders.mine': (_, context) => orders.list({ assignee: session(context).username }),
    'orders.get': ({ id }, context) => visible(id, context),
    'orders.contact': ({ id }) => {
      const order = orders.get(id);
      const known = order.resident ? residents.get(order.resident) : null;
      return { unit: order.place.unit ?? known?.unit ?? null, resident: order.resident, name: known?.name ?? null, phone: known?.phone ?? null };
    },
    'orders.create': (draft, context) => change(context, () => orders.create({ ...draft, photos: known(draft.photos), source: 'officer' }, station(context))),
    'orders.assign': ({ id, technician }, context) => change(context, () => orders.act(id, { action: 'assign', technician }, station(context))),
    'orders.prioritise': ({ id, priority }, context) => change(context, () => orders.act(id, { action: 'priority', priority }, station(context))),
    'orders.end': ({ id, action, text }, context) => change(context, () => orders.act(id, { action, text }, station(context))),
    'orders.work': ({ id, action, text, photos }, context) => {
      visible(id, context);
      return change(context, () => orders.act(id, action === 'complete' ? { action, text, photos: known(photos) } : { action }, station(context)));
    },
    'orders.note': ({ id, text, photos }, context) => {
      const order = visible(id, context);
      const { role, username } = session(context);
      if (!roleHas(role, 'orders.create') && order.assignee !== username) throw new ContractError('forbidden', 'notes on an order are for the front desk, property staff and its technician');
      if (!text.trim() && !photos.length) throw new ContractError('invalid_input', 'a note needs text or a photo');
      return change(context, () => orders.act(id, { action: 'note', text, photos: known(photos) }, station(context)));
    },
    'orders.resident': ({ id, action, rating, text }, context) => {
      if (action === 'confirm' && rating === undefined) throw new ContractError('invalid_input', 'rating: the resident rates the repair 1–5 when confirming it');
      return change(context, () => orders.act(id, action === 'confirm' ? { action, rating: rating!, text } : { action, text: text || 'not fixed' }, station(context)));
    },
    'orders.figures': ({ month }) => orderFigures(db, calendar, month),
    'orders.technicians': () => {
      const open = orders.openByAssignee();
      const here = users.all().filter((user) => user.role === 'technician' && !user.disabled);
      const names = new Map(here.map((user) => [user.username, user.displayName]));
      for (const name of open.keys()) if (!names.has(name)) names.set(name, name);
      return [...names].map(([username, displayName]) => ({ username, displayName, open: open.get(username) ?? 0 })).sort((a, b) => a.open - b.open || a.username.localeCompare(b.username));
    },
  };
}
