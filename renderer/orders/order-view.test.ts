import { describe, expect, it } from 'vitest';
import type { OrderSummary } from '../core/contract';
import { ALL_ORDERS, byState, currentDeadline, distinct, durationText, filterOrders, slaAt, sortOrders } from './order-view';
import { moveOrderSelection } from './use-order-keys';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 6, 8, 0);

function order(id: string, change: Partial<OrderSummary> = {}): OrderSummary {
  return {
    id,
    title: `Leak ${id}`,
    category: 'plumbing',
    priority: 'normal',
    state: 'new',
    source: 'officer',
    building: 'B1',
    assignee: null,
    createdAt: T0,
    updatedAt: T0,
    respondBy: T0 + 480 * MIN,
    completeBy: T0 + 72 * 60 * MIN,
    completedAt: null,
    escalated: [],
    rating: null,
    alarm: null,
    ...change,
  };
}

const ORDERS = [
  order('wo-aaaaaaa1', { priority: 'urgent', createdAt: T0 + 1, respondBy: T0 + 30 * MIN, escalated: ['respond'] }),
  order('wo-aaaaaaa2', { state: 'assigned', assignee: 'tech', building: 'B2', createdAt: T0 + 2, respondBy: T0 + 60 * MIN }),
  order('wo-aaaaaaa3', { state: 'in_progress', assignee: 'tech', category: 'electrical', title: 'Corridor light', createdAt: T0 + 3, completeBy: T0 + 10 * MIN }),
  order('wo-aaaaaaa4', { state: 'closed', priority: 'low', createdAt: T0 + 4, completedAt: T0 + 5 * MIN }),
];

describe('filterOrders', () => {
  it('keeps every order, newest first, when nothing is chosen', () => {
    expect(filterOrders(sortOrders(ORDERS, 'created'), ALL_ORDERS).map((o) => o.id)).toEqual(['wo-aaaaaaa4', 'wo-aaaaaaa3', 'wo-aaaaaaa2', 'wo-aaaaaaa1']);
  });

  it('narrows by state, priority, category, building, assignee and escalation together', () => {
    const ids = (change: Partial<typeof ALL_ORDERS>) => filterOrders(sortOrders(ORDERS, 'created'), { ...ALL_ORDERS, ...change }).map((o) => o.id);
    expect(ids({ states: ['assigned', 'in_progress'] })).toEqual(['wo-aaaaaaa3', 'wo-aaaaaaa2']);
    expect(ids({ priorities: ['urgent'] })).toEqual(['wo-aaaaaaa1']);
    expect(ids({ categories: ['electrical'] })).toEqual(['wo-aaaaaaa3']);
    expect(ids({ building: 'B2' })).toEqual(['wo-aaaaaaa2']);
    expect(ids({ assignee: 'tech', states: ['assigned'] })).toEqual(['wo-aaaaaaa2']);
    // '' is "not assigned to anybody".
    expect(ids({ assignee: '' })).toEqual(['wo-aaaaaaa4', 'wo-aaaaaaa1']);
    expect(ids({ escalatedOnly: true })).toEqual(['wo-aaaaaaa1']);
  });

  it('matches text in the title, id, building or technician, ignoring case', () => {
    expect(filterOrders(ORDERS, { ...ALL_ORDERS, text: '  CORRIDOR ' }).map((o) => o.id)).toEqual(['wo-aaaaaaa3']);
    expect(filterOrders(ORDERS, { ...ALL_ORDERS, text: 'aaa2' }).map((o) => o.id)).toEqual(['wo-aaaaaaa2']);
    expect(filterOrders(ORDERS, { ...ALL_ORDERS, text: 'tech' })).toHaveLength(2);
  });

  it('sorts by the deadline that matters now, ended orders last, and by priority', () => {
    expect(sortOrders(ORDERS, 'deadline').map((o) => o.id)).toEqual(['wo-aaaaaaa3', 'wo-aaaaaaa1', 'wo-aaaaaaa2', 'wo-aaaaaaa4']);
    expect(sortOrders(ORDERS, 'priority').map((o) => o.id)).toEqual(['wo-aaaaaaa1', 'wo-aaaaaaa3', 'wo-aaaaaaa2', 'wo-aaaaaaa4']);
  });

  it('keeps the order it was given when filtering, and sorts a copy', () => {
    const given = [...ORDERS].reverse();
    expect(filterOrders(given, { ...ALL_ORDERS, assignee: 'tech' }).map((o) => o.id)).toEqual(['wo-aaaaaaa3', 'wo-aaaaaaa2']);
    sortOrders(given, 'priority');
    given.reverse();
    expect(given).toEqual(ORDERS);
  });
});

describe('SLA timer', () => {
  it('counts to the respond deadline until accepted, then to completion, then nothing', () => {
    expect(currentDeadline(order('x1234567'))).toEqual({ stage: 'respond', at: T0 + 480 * MIN });
    expect(currentDeadline(order('x1234567', { state: 'accepted' }))).toEqual({ stage: 'complete', at: T0 + 72 * 60 * MIN });
    expect(currentDeadline(order('x1234567', { state: 'completed' }))).toBeNull();
    expect(slaAt(order('x1234567', { state: 'cancelled' }), T0)).toBeNull();
  });

  it('is late once the deadline has passed', () => {
    const urgent = order('x1234567', { respondBy: T0 + 30 * MIN });
    expect(slaAt(urgent, T0 + 29 * MIN)).toEqual({ stage: 'respond', left: MIN, late: false });
    expect(slaAt(urgent, T0 + 40 * MIN)).toEqual({ stage: 'respond', left: -10 * MIN, late: true });
  });

  it('says durations in days, hours and minutes', () => {
    const units = { d: 'd', h: 'h', min: 'min' };
    expect(durationText(59_999, units)).toBe('0 min');
    expect(durationText(-10 * MIN, units)).toBe('10 min');
    expect(durationText(65 * MIN, units)).toBe('1 h 05 min');
    expect(durationText((3 * 24 * 60 + 4 * 60 + 59) * MIN, units)).toBe('3 d 4 h');
  });
});

describe('board and choices', () => {
  it('groups by state, every state present', () => {
    const groups = byState(ORDERS);
    expect(groups.get('new')!.map((o) => o.id)).toEqual(['wo-aaaaaaa1']);
    expect(groups.get('completed')).toEqual([]);
    expect(groups.get('closed')).toHaveLength(1);
  });

  it("lists a column's distinct values, sorted, without empties", () => {
    expect(distinct(ORDERS, (o) => o.building)).toEqual(['B1', 'B2']);
    expect(distinct(ORDERS, (o) => o.assignee)).toEqual(['tech']);
  });

  it('moves the selection within the list', () => {
    expect(moveOrderSelection(ORDERS, null, 1)).toBe(0);
    expect(moveOrderSelection(ORDERS, 'wo-aaaaaaa2', 1)).toBe(2);
    expect(moveOrderSelection(ORDERS, 'wo-aaaaaaa4', 1)).toBe(3);
    expect(moveOrderSelection(ORDERS, 'wo-aaaaaaa1', -1)).toBe(0);
    expect(moveOrderSelection([], null, 1)).toBe(-1);
  });
});
