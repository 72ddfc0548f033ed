import { ORDER_CATEGORIES, type OrderFigures } from '../contract/orders';
import type { EnergyCalendar } from '../energy/calendar';
import type { Database } from '../store/database';

/**
 * A month's repair orders in the figures a property manager reports:
 * orders opened, completed, on time, mean time to complete, rating. The
 * month is the site's own (its time zone); an order counts as completed in
 * the month its completion falls in.
 */
export function orderFigures(db: Database, calendar: EnergyCalendar, month: string): OrderFigures {
  const { from, to } = calendar.period({ unit: 'month', date: `${month}-01` });
  const opened = db
    .prepare<[number, number], { category: OrderFigures['byCategory'][number]['category']; n: number; escalated: number }>(
      "SELECT category, count(*) AS n, sum(escalated <> '') AS escalated FROM orders WHERE state IS NOT NULL AND created_at >= ? AND created_at < ? GROUP BY category",
    )
    .all(from, to);
  const done = db
    .prepare<[number, number], { n: number; onTime: number; minutes: number | null; rated: number; rating: number | null }>(
      `SELECT count(*) AS n, coalesce(sum(completed_at <= complete_by), 0) AS onTime, avg(completed_at - created_at) / 60000.0 AS minutes,
              count(rating) AS rated, avg(rating) AS rating
       FROM orders WHERE completed_at >= ? AND completed_at < ? AND state IN ('completed', 'closed')`,
    )
    .get(from, to)!;
  const round = (value: number | null, places: number) => (value === null ? null : Math.round(value * 10 ** places) / 10 ** places);
  return {
    month,
    opened: opened.reduce((sum, row) => sum + row.n, 0),
    completed: done.n,
    onTimeRate: done.n ? round(done.onTime / done.n, 4) : null,
    meanMinutesToComplete: round(done.minutes, 1),
    meanRating: round(done.rating, 2),
    rated: done.rated,
    escalated: opened.reduce((sum, row) => sum + row.escalated, 0),
    byCategory: ORDER_CATEGORIES.map((category) => ({ category, opened: opened.find((row) => row.category === category)?.n ?? 0 })).filter((row) => row.opened > 0),
  };
}
