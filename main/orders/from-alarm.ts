import type { AnomalyKind, OrderPriority } from '../contract';
import type { Database } from '../store/database';
import type { WorkOrders } from './store';

type AlarmRow = { id: string; type: string; source: string; raised_at: number; name: string | null; building: string | null; floor: string | null };

/**
 * Alarms that are repairs as well: water on the floor, or a meter whose
 * night flow says a pipe is leaking. Each opens a plumbing order linked to
 * it, a-{alarm}, at the alarm's own time, so every station that raises the
 * alarm opens the same order and the SLA runs from when the water was found.
 */
export class AlarmRepairs {
  private readonly select;

  constructor(
    db: Database,
    private readonly orders: WorkOrders,
    private readonly anomalyOf: (alarm: string) => { kind: AnomalyKind } | null,
  ) {
    this.select = db.prepare<[string], AlarmRow>('SELECT a.id, a.type, a.source, a.raised_at, d.name, d.building, d.floor FROM alarms a LEFT JOIN devices d ON d.code = a.source WHERE a.id = ?');
  }

  /** Opens the orders these new alarms call for; returns their ids. Inside the transaction that raised the alarms. */
  open(alarmIds: string[]): string[] {
    const opened: string[] = [];
    for (const alarmId of alarmIds) {
      const alarm = this.select.get(alarmId);
      const repair = alarm && this.repairOf(alarm);
      const id = `a-${alarmId}`;
      if (!alarm || !repair || this.orders.has(id)) continue;
      const place = { building: alarm.building ?? '—', ...(alarm.floor ? { floor: alarm.floor } : {}) };
      this.orders.create(
        { title: `${repair.title}：${alarm.name ?? alarm.source}`, description: repair.description, category: 'plumbing', priority: repair.priority, place, device: alarm.source, photos: [], source: 'alarm', alarm: alarmId },
        { by: 'Vigil', via: 'system' },
        { id, at: alarm.raised_at },
      );
      opened.push(id);
    }
    return opened;
  }

  private repairOf(alarm: AlarmRow): { title: string; description: string; priority: OrderPriority } | null {
    if (alarm.type === 'water_leak') return { title: '漏水', description: '漏水探测器报警，请现场查看并止水维修。', priority: 'urgent' };
    if (alarm.type === 'meter_anomaly' && this.anomalyOf(alarm.id)?.kind === 'night_flow') {
      return { title: '夜间持续用水，疑似漏水', description: '水表夜间最小流量远高于平时，请排查管道漏点。', priority: 'high' };
    }
    return null;
  }
}
