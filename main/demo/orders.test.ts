import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { OrderRecordSchema } from '../contract/orders';
import { foldOrder } from '../orders/fold';
import { testCore } from '../testing/harness';
import { demoOrders } from './orders';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe("the demo park's repair history", () => {
  const anchor = Date.parse('2026-12-06T02:00:00Z');
  const records = demoOrders(anchor);

  it('is the same at every station, valid on the wire, and every step in it counts', () => {
    expect(demoOrders(anchor)).toEqual(records);
    for (const record of records) {
      expect(() => OrderRecordSchema.parse(record)).not.toThrow();
      const order = foldOrder(record)!;
      expect(order.timeline.filter((line) => !line.applied), record.id).toEqual([]);
    }
  });

  it('gives the month figures a property manager would recognise: mostly on time and well rated, some late, the last days open', () => {
    core = testCore();
    core.orders.seed(records);
    core.orders.seed(records);
    const orders = core.orders.list();
    expect(orders).toHaveLength(records.length);
    const open = orders.filter((order) => ['new', 'assigned', 'accepted', 'in_progress'].includes(order.state));
    expect(open.length).toBeGreaterThan(2);
    expect(open.every((order) => order.createdAt > anchor - 12 * 86_400_000)).toBe(true);
    const closed = orders.filter((order) => order.state === 'closed');
    const onTime = closed.filter((order) => order.completedAt! <= order.completeBy).length / closed.length;
    expect(onTime).toBeGreaterThan(0.75);
    expect(onTime).toBeLessThan(0.97);
    const rating = closed.reduce((sum, order) => sum + order.rating!, 0) / closed.length;
    expect(rating).toBeGreaterThan(4);
    expect(closed.filter((order) => order.escalated.includes('complete')).length).toBe(closed.filter((order) => order.completedAt! > order.completeBy).length);
    // Nothing seeded is published: every demo station seeds the same.
    expect(core.db.prepare("SELECT count(*) AS n FROM outbox WHERE topic LIKE '%/orders/%'").get()).toEqual({ n: 0 });
  });
});
