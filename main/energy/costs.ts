import { bandTable, ENERGY_STEPS, ENERGY_UNITS, METER_OF, TARIFF_BANDS, type BuildingIntensity, type EnergyCost, type EnergyKind, type EnergyPeriod, type EnergyPoint, type EnergyScope, type TariffBand, type TopConsumer } from '../contract';
import type { Database } from '../store/database';
import type { BuildingRegistry } from './buildings';
import { previousPeriod, type EnergyCalendar } from './calendar';
import type { EnergyQueries } from './queries';
import type { TariffStore } from './tariff-store';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Hourly amounts added up by time-of-use band, each hour by its hour of the
 * day on the site's clock (`bands[hour]`). In a zone with daylight saving
 * the day of the change has 23 or 25 hours; each is still one local hour.
 */
export function splitByBand(hours: readonly EnergyPoint[], bands: readonly TariffBand[], calendar: EnergyCalendar): Record<TariffBand, number> {
  const split: Record<TariffBand, number> = { peak: 0, flat: 0, valley: 0 };
  for (const { start, amount } of hours) {
    const local = (((start + calendar.offset(start)) % DAY_MS) + DAY_MS) % DAY_MS;
    split[bands[Math.floor(local / HOUR_MS)]!] += amount;
  }
  return split;
}

/**
 * What energy costs, from the hourly rollups and the site's tariffs; who
 * used most; and use per m² and per resident where the site has published
 * a building's facts.
 */
export class EnergyCosts {
  constructor(
    private readonly deps: { db: Database; queries: EnergyQueries; tariffs: TariffStore; buildings: BuildingRegistry; calendar: EnergyCalendar; now?: () => number },
  ) {}

  cost({ scope, kind, period }: { scope: EnergyScope; kind: EnergyKind; period: EnergyPeriod }): EnergyCost {
    const hours = this.deps.queries.series({ scope, kind, period, step: '1h', compare: false });
    const tariff = this.deps.tariffs.get();
    const base = { unit: ENERGY_UNITS[kind], currency: 'CNY' as const, amount: hours.total };
    if (!tariff) return { ...base, cost: null, price: null, bands: [] };
    if (kind !== 'electricity') {
      const { price } = tariff[kind];
      return { ...base, cost: hours.total * price, price, bands: [] };
    }
    const table = bandTable(tariff.electricity.spans);
    // A stored tariff was validated when it was set; a broken one costs nothing rather than a wrong figure.
    if ('problem' in table) return { ...base, cost: null, price: null, bands: [] };
    const split = splitByBand(hours.points, table.bands, this.deps.calendar);
    const bands = TARIFF_BANDS.map((band) => {
      const price = tariff.electricity.prices[band];
      return { band, amount: split[band], price, cost: split[band] * price };
    });
    return { ...base, cost: bands.reduce((sum, band) => sum + band.cost, 0), price: null, bands };
  }

  /**
   * The meters that used most, largest first, with their share of the
   * scope's total and the change against the period before — to date, as
   * the page's other comparisons: a month a week old against the first week
   * of the month before.
   */
  top({ kind, period, building, limit }: { kind: EnergyKind; period: EnergyPeriod; building?: string; limit: number }): { unit: string; total: number; meters: TopConsumer[] } {
    const { calendar } = this.deps;
    const { from, to } = calendar.period(period);
    const before = calendar.period(previousPeriod(period));
    const now = (this.deps.now ?? Date.now)();
    const upTo = now > from && now < to ? Math.min(before.to, before.from + (now - from)) : before.to;
    // Steps begun, as the page counts them: hours of a day, days of a week, month or year.
    const step = period.unit === 'day' ? '1h' : '1d';
    const used = this.byMeter(kind, building, step, from, to);
    const usedBefore = new Map(this.byMeter(kind, building, step, before.from, upTo).map((meter) => [meter.code, meter.amount]));
    const total = used.reduce((sum, meter) => sum + meter.amount, 0);
    const meters = used.slice(0, limit).map((meter) => {
      const previous = usedBefore.get(meter.code) ?? 0;
      return { ...meter, share: total > 0 ? meter.amount / total : 0, previous, change: previous > 0 ? (meter.amount - previous) / previous : null };
    });
    return { unit: ENERGY_UNITS[kind], total, meters };
  }

  /** Each building's use in the period per m² and per resident; null where the site has not said, never 0 or a division by 0. */
  intensity({ kind, period }: { kind: EnergyKind; period: EnergyPeriod }): BuildingIntensity[] {
    const facts = this.deps.buildings.byName();
    return this.deps.queries.breakdown({ kind, by: 'building', period }).shares.map(({ key, amount }) => {
      const { floorArea = null, residents = null } = facts.get(key) ?? {};
      return {
        building: key,
        amount,
        floorArea,
        residents,
        perArea: floorArea ? amount / floorArea : null,
        perResident: residents ? amount / residents : null,
      };
    });
  }

  /** What each meter used in the steps begun between `from` and `to`, largest first (meter by meter: see EnergyQueries on CROSS JOIN). */
  private byMeter(kind: EnergyKind, building: string | undefined, step: '1h' | '1d', from: number, to: number): { code: string; name: string; building: string; amount: number }[] {
    return this.deps.db
      .prepare(
        `SELECT d.code, d.name, d.building, sum(r.amount) AS amount
         FROM devices d CROSS JOIN energy_rollups r ON r.code = d.code AND r.step = @step AND r.start >= @from AND r.start < @to
         WHERE d.kind = @kind ${building ? 'AND d.building = @building' : ''}
         GROUP BY d.code ORDER BY amount DESC`,
      )
      .all({ step: ENERGY_STEPS.indexOf(step), from, to, kind: METER_OF[kind], ...(building ? { building } : {}) }) as { code: string; name: string; building: string; amount: number }[];
  }
}
