import { HybridClock } from '../../main/alarms/hlc';
import { ORDER_CATEGORIES, ORDER_PRIORITIES, type OrderEvent } from '../../main/contract';
import { silentLogger } from '../../main/logging/logger';
import { WorkOrders } from '../../main/orders/store';
import { Outbox } from '../../main/outbox/outbox';
import type { Database } from '../../main/store/database';

const DAY = 86_400_000;
const MIN = 60_000;
const STEPS = ['new', 'assigned', 'accepted', 'in_progress', 'completed', 'closed'] as const;

/**
 * A busy year's repair orders in a station's store, as other stations'
 * copies arrive (WorkOrders.receive, so nothing is published again): most
 * closed, the recent ones anywhere from new to completed, spread over
 * 40 buildings, 20 technicians, every category and priority.
 */
export function storeOrders(db: Database, { count, now, days }: { count: number; now: number; days: number }): void {
  const orders = new WorkOrders(db, new HybridClock('bench'), new Outbox(db, silentLogger()), 'orders-bench');
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  db.transaction(() => {
    for (let n = 0; n < count; n++) {
      const id = `wo-bench-${String(n).padStart(6, '0')}`;
      const at = now - Math.floor((n / count) * days * DAY) - Math.floor(random() * 1000);
      // The newest few hundred are still being worked; older ones ended.
      const step = n < 600 ? STEPS[Math.floor(random() * 5)]! : 'closed';
      const hlc = (offset: number) => `${at + offset}:0000:bench`;
      const base = (name: string, offset: number, by: string) => ({ id: `${id}-${name}`, hlc: hlc(offset), by, via: 'station' as const });
      const category = ORDER_CATEGORIES[Math.floor(random() * ORDER_CATEGORIES.length)]!;
      const technician = `tech-${n % 20}`;
      const events: OrderEvent[] = [
        {
          ...base('create', 0, 'duty'),
          action: 'create',
          title: `${category} fault ${n}`,
          description: '',
          category,
          priority: ORDER_PRIORITIES[Math.floor(random() * ORDER_PRIORITIES.length)]!,
          place: { building: `Block ${n % 40}` },
          source: 'officer',
          photos: [],
        },
      ];
      const reached = STEPS.indexOf(step);
      if (reached >= 1) events.push({ ...base('assign', 10 * MIN, 'supervisor'), action: 'assign', technician });
      if (reached >= 2) events.push({ ...base('accept', 20 * MIN, technician), action: 'accept' });
      if (reached >= 3) events.push({ ...base('start', 30 * MIN, technician), action: 'start' });
      if (reached >= 4) events.push({ ...base('complete', (60 + Math.floor(random() * 600)) * MIN, technician), action: 'complete', text: '', photos: [] });
      if (reached >= 5) events.push({ ...base('close', 24 * 60 * MIN, 'supervisor'), action: 'close', text: 'done' });
      orders.receive({ id, events });
    }
  })();
}
