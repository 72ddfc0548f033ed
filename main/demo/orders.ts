import { formatHlc } from '../alarms/hlc';
import { ORDER_SLA, type OrderCategory, type OrderEvent, type OrderPriority, type OrderRecord } from '../contract/orders';

/**
 * Two months of the demo park's repairs, so the board, the list and the
 * month's figures have something true-looking to show: most orders done on
 * time and rated, some late, the last days' still open. Generated from a
 * fixed seed and the story's day, so every demo station holds the same.
 */
export const DEMO_TECHNICIANS = ['tech', 'wangwu', 'sunli'];

const JOBS: { category: OrderCategory; title: string; building: string; floor: string; resident?: boolean }[] = [
  { category: 'plumbing', title: '卫生间水龙头关不紧', building: 'C栋 人才公寓', floor: '3F', resident: true },
  { category: 'plumbing', title: '厨房下水道堵塞', building: 'C栋 人才公寓', floor: '5F', resident: true },
  { category: 'electrical', title: '走廊声控灯不亮', building: 'A栋 研发楼', floor: '2F' },
  { category: 'electrical', title: '房间插座没电', building: 'C栋 人才公寓', floor: '2F', resident: true },
  { category: 'hvac', title: '会议室空调不制热', building: 'B栋 办公楼', floor: '3F' },
  { category: 'hvac', title: '空调外机噪音大', building: 'C栋 人才公寓', floor: '6F', resident: true },
  { category: 'lift', title: '2号电梯门关闭缓慢', building: 'A栋 研发楼', floor: '1F' },
  { category: 'doors_locks', title: '单元门禁读卡失灵', building: 'C栋 人才公寓', floor: '1F' },
  { category: 'doors_locks', title: '入户门锁芯卡滞', building: 'C栋 人才公寓', floor: '4F', resident: true },
  { category: 'building', title: '外墙瓷砖松动', building: 'B栋 办公楼', floor: '4F' },
  { category: 'cleaning', title: '地下车库积水清理', building: 'A栋 研发楼', floor: 'B1' },
  { category: 'grounds', title: '园区路灯杆倾斜', building: '周界', floor: '室外' },
  { category: 'plumbing', title: '食堂后厨水管渗漏', building: 'D栋 食堂', floor: '1F' },
  { category: 'other', title: '楼道消防指示牌脱落', building: 'B栋 办公楼', floor: '2F' },
];
const PRIORITIES: OrderPriority[] = ['normal', 'normal', 'normal', 'high', 'low', 'normal', 'high', 'urgent'];
const ORDERS = 150;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A small deterministic generator (mulberry32): the same park every time. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The orders of the 60 days before `anchor`; those of the last two days are still being worked. */
export function demoOrders(anchor: number): OrderRecord[] {
  const next = random(20261206);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const records: OrderRecord[] = [];
  for (let n = 0; n < ORDERS; n++) {
    const createdAt = anchor - 60 * DAY + Math.floor((n / ORDERS) * 60 * DAY) + Math.floor(next() * 4 * HOUR);
    const job = pick(JOBS);
    const priority = pick(PRIORITIES);
    const sla = ORDER_SLA[priority];
    const id = `demo-${String(n + 1).padStart(4, '0')}`;
    const resident = job.resident ? `app-c-${String(301 + Math.floor(next() * 40)).padStart(4, '0')}` : undefined;
    const technician = pick(DEMO_TECHNICIANS);
    const event = (offset: number, body: Record<string, unknown>, by: string, via: OrderEvent['via'] = 'station'): OrderEvent =>
      ({ id: `${id}-${String(body.action)}`, hlc: formatHlc({ millis: createdAt + offset, counter: 0, node: 'seed' }), by, via, ...body }) as OrderEvent;
    const events: OrderEvent[] = [
      event(
        0,
        { action: 'create', title: job.title, description: '', category: job.category, priority, place: { building: job.building, floor: job.floor }, source: resident ? 'resident' : 'officer', photos: [], ...(resident ? { resident } : {}) },
        resident ? `resident:${resident}` : 'duty',
        resident ? 'app' : 'station',
      ),
    ];
    // One in eight is late to complete (a part on order); the rest inside their service level.
    const respond = Math.floor(sla.respondMinutes * 60_000 * (0.1 + next() * 0.6));
    const late = next() < 0.125;
    // An hour's work at least after the technician accepts.
    const complete = Math.max(respond + HOUR, Math.floor(sla.completeMinutes * 60_000 * (late ? 1.1 + next() * 0.5 : 0.15 + next() * 0.7)));
    const age = anchor - createdAt;
    events.push(event(Math.floor(respond / 3), { action: 'assign', technician }, 'property'));
    if (age > respond) events.push(event(respond, { action: 'accept' }, technician, 'app'));
    if (age > respond + HOUR / 2) events.push(event(respond + HOUR / 2, { action: 'start' }, technician, 'app'));
    const deadline = createdAt + sla.completeMinutes * 60_000;
    if (age > complete) events.push(event(complete, { action: 'complete', text: '已修复', photos: [] }, technician, 'app'));
    // The escalation as every station's sweep would have added it, under the same id.
    if (late && anchor > deadline) {
      events.push({ id: `${id}-late-complete-${deadline}`, hlc: formatHlc({ millis: deadline, counter: 0, node: 'sla' }), by: 'Vigil', via: 'system', action: 'escalate', stage: 'complete', deadline });
    }
    const rating = next() < 0.8 ? 5 : next() < 0.7 ? 4 : 3;
    if (age > complete + 3 * HOUR) {
      events.push(event(complete + 3 * HOUR, { action: 'confirm', rating: late ? Math.min(rating, 3) : rating, text: '' }, resident ? `resident:${resident}` : 'duty', resident ? 'app' : 'station'));
    }
    // The two newest wait at the front desk: one not yet given to anyone, one not yet accepted.
    records.push({ id, events: n === ORDERS - 2 ? events.slice(0, 1) : n === ORDERS - 1 ? events.slice(0, 2) : events });
  }
  return records;
}
