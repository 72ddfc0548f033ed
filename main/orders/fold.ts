import { OPEN_ORDER_STATES, ORDER_SLA, type OrderDetail, type OrderEvent, type OrderPriority, type OrderRecord, type OrderStep } from '../contract/orders';

/*
 * Why every station reads the same order: an order is a set of events, and
 * merging two copies is their union (by event id). Union is commutative,
 * associative and idempotent, so whatever the order, repetition or delay of
 * delivery, stations holding the same messages hold the same set. The order
 * is then read from the set by one pure function (foldOrder) that walks the
 * events in hybrid-logical-clock order, so equal sets read equal.
 *
 * An action that does not fit where the order stands when its turn comes (a
 * technician accepting an order another station reassigned a moment before)
 * stays in the set and on the timeline, marked not applied: nothing anyone
 * did is lost, and the order does not depend on which station heard first.
 */

/** Total order on events: hybrid logical clock (fixed-width text sorts like the clock), then id. */
const byClock = (a: OrderEvent, b: OrderEvent) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The union of two copies of an order's events. Two different events under
 * one id (only a forged or corrupt copy) resolve to the greater text, so
 * every station keeps the same one.
 */
export function mergeOrder(current: OrderRecord | undefined, incoming: OrderRecord): OrderRecord {
  if (!current) return { id: incoming.id, events: dedupe(incoming.events) };
  if (current.id !== incoming.id) throw new RangeError(`cannot merge order ${incoming.id} into ${current.id}`);
  return { id: current.id, events: dedupe([...current.events, ...incoming.events]) };
}

function dedupe(events: OrderEvent[]): OrderEvent[] {
  const byId = new Map<string, { event: OrderEvent; text: string }>();
  for (const event of events) {
    const text = JSON.stringify(event);
    const held = byId.get(event.id);
    if (!held || text > held.text) byId.set(event.id, { event, text });
  }
  return [...byId.values()].map(({ event }) => event).sort(byClock);
}

const millisOf = (hlc: string) => Number(hlc.slice(0, 13));

export const deadlines = (createdAt: number, priority: OrderPriority) => ({
  respondBy: createdAt + ORDER_SLA[priority].respondMinutes * 60_000,
  completeBy: createdAt + ORDER_SLA[priority].completeMinutes * 60_000,
});

/** The order its events say, or null when its creation has not arrived yet. */
export function foldOrder(record: OrderRecord): OrderDetail | null {
  const events = [...record.events].sort(byClock);
  const create = events.find((event) => event.action === 'create');
  if (!create || create.action !== 'create') return null;
  const createdAt = millisOf(create.hlc);
  const order: OrderDetail = {
    id: record.id,
    title: create.title,
    description: create.description,
    category: create.category,
    priority: create.priority,
    state: 'new',
    source: create.source,
    place: create.place,
    building: create.place.building,
    resident: create.resident ?? null,
    reporter: null,
    alarm: create.alarm ?? null,
    device: create.device ?? null,
    assignee: null,
    createdAt,
    createdBy: create.by,
    updatedAt: createdAt,
    ...deadlines(createdAt, create.priority),
    acceptedAt: null,
    startedAt: null,
    completedAt: null,
    closedAt: null,
    escalated: [],
    rating: null,
    ratingText: null,
    photosBefore: [...create.photos],
    photosAfter: [],
    timeline: [],
  };
  for (const event of events) {
    const at = millisOf(event.hlc);
    const applied = event === create || (event.action !== 'create' && apply(order, event, at));
    if (applied) order.updatedAt = Math.max(order.updatedAt, at);
    order.timeline.push(step(event, at, applied));
  }
  return order;
}

const open = (order: OrderDetail) => OPEN_ORDER_STATES.includes(order.state);
/** The reporter themself, or an officer at a station taking their word on the phone. */
const speaksForResident = (order: OrderDetail, event: OrderEvent) => event.via === 'station' || (order.resident !== null && event.by === `resident:${order.resident}`);

/** Applies one event where the order stands; false when it does not fit there. */
function apply(order: OrderDetail, event: Exclude<OrderEvent, { action: 'create' }>, at: number): boolean {
  switch (event.action) {
    case 'assign':
      if (!open(order)) return false;
      // A new technician starts from acceptance again; the first acceptance still counts as the response.
      Object.assign(order, { state: 'assigned', assignee: event.technician, startedAt: null });
      return true;
    case 'accept':
      if (order.state !== 'assigned' || event.by !== order.assignee) return false;
      order.state = 'accepted';
      order.acceptedAt ??= at;
      return true;
    case 'start':
      if (order.state !== 'accepted' || event.by !== order.assignee) return false;
      Object.assign(order, { state: 'in_progress', startedAt: at });
      return true;
    case 'note':
      // Photos noted before the work is done show the fault; after, the repair.
      (order.completedAt === null ? order.photosBefore : order.photosAfter).push(...event.photos);
      return true;
    case 'complete':
      if ((order.state !== 'accepted' && order.state !== 'in_progress') || event.by !== order.assignee) return false;
      order.acceptedAt ??= at;
      Object.assign(order, { state: 'completed', completedAt: at });
      order.photosAfter.push(...event.photos);
      return true;
    case 'confirm':
      if (order.state !== 'completed' || !speaksForResident(order, event)) return false;
      Object.assign(order, { state: 'closed', closedAt: at, rating: event.rating, ratingText: event.text || null });
      return true;
    case 'reopen':
      if (order.state !== 'completed' || !speaksForResident(order, event)) return false;
      Object.assign(order, { state: 'in_progress', completedAt: null });
      return true;
    case 'close':
      if (order.state !== 'completed' || event.via !== 'station') return false;
      Object.assign(order, { state: 'closed', closedAt: at });
      return true;
    case 'cancel':
      if (!open(order) || event.via !== 'station') return false;
      Object.assign(order, { state: 'cancelled', closedAt: at });
      return true;
    case 'priority':
      if (!open(order) || event.priority === order.priority) return false;
      Object.assign(order, { priority: event.priority, ...deadlines(order.createdAt, event.priority) });
      return true;
    case 'escalate': {
      // Only for the deadline the order has now, and only while that deadline is unmet.
      const deadline = event.stage === 'respond' ? order.respondBy : order.completeBy;
      const unmet = event.stage === 'respond' ? order.acceptedAt === null && open(order) : open(order);
      if (event.deadline !== deadline || !unmet || order.escalated.includes(event.stage)) return false;
      order.escalated.push(event.stage);
      return true;
    }
  }
}

function step(event: OrderEvent, at: number, applied: boolean): OrderStep {
  const line: OrderStep = { id: event.id, at, by: event.by, via: event.via, action: event.action, applied };
  if ('text' in event && event.text) line.text = event.text;
  if ('technician' in event) line.technician = event.technician;
  if (event.action === 'priority') line.priority = event.priority;
  if ('rating' in event) line.rating = event.rating;
  if ('stage' in event) line.stage = event.stage;
  if ('photos' in event && event.photos.length) line.photos = event.photos;
  return line;
}
