import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { OrderSummary } from '../core/contract';
import { csvParts } from '../export/csv';
import { en } from '../i18n/en';
import { onTime, orderExportColumns } from './order-export';

const T0 = new Date(2026, 11, 6, 8, 0).getTime();
const MIN = 60_000;

const done: OrderSummary = {
  id: 'a-leak-0001',
  title: '=Leak, basement "B"',
  category: 'plumbing',
  priority: 'urgent',
  state: 'closed',
  source: 'alarm',
  building: 'Building 3',
  assignee: 'tech',
  createdAt: T0,
  updatedAt: T0 + 90 * MIN,
  respondBy: T0 + 30 * MIN,
  completeBy: T0 + 240 * MIN,
  completedAt: T0 + 90 * MIN,
  escalated: ['respond'],
  rating: 5,
  alarm: 'leak-0001',
};

describe('order CSV', () => {
  it('writes the columns the property manager reports with, one line per order', async () => {
    const t = await i18next.createInstance().init({ lng: 'en', resources: { en: { translation: en } } });
    const parts = await csvParts([done, { ...done, id: 'wo-open-0002', title: 'Door', state: 'new', assignee: null, completedAt: null, rating: null, escalated: [] }], orderExportColumns(t));
    const lines = parts.join('').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Order,Title,Category,Priority,State,Building,Technician,Reported,Respond by,Complete by,Completed,On time,Rating,Escalated');
    // A title starting with = stays text in a spreadsheet; quotes and commas are quoted.
    expect(lines[1]).toBe(`a-leak-0001,"'=Leak, basement ""B""",Plumbing,Urgent,Closed,Building 3,tech,2026-12-06 08:00:00,2026-12-06 08:30:00,2026-12-06 12:00:00,2026-12-06 09:30:00,Yes,5,Respond`);
    expect(lines[2]).toBe('wo-open-0002,Door,Plumbing,Urgent,New,Building 3,,2026-12-06 08:00:00,2026-12-06 08:30:00,2026-12-06 12:00:00,,,,');
  });

  it('is on time when completed by the completion deadline', () => {
    expect(onTime(done)).toBe(true);
    expect(onTime({ ...done, completedAt: T0 + 241 * MIN })).toBe(false);
    expect(onTime({ ...done, completedAt: null })).toBeNull();
  });
});
