import { bandTable, ENERGY_UNITS, TARIFF_BANDS, type BuildingIntensity, type EnergyCost, type EnergyKind, type EnergyPeriod, type EnergyPoint, type EnergyScope, type TariffBand, type TopConsumer } from '../contract';
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
    private readonly deps: { queries: EnergyQueries; tariffs: TariffStore; buildings: BuildingRegistry; calendar: EnergyCalendar },
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

  /** The meters that used most, largest first, with their share of the scope's total and the change against the period before. */
  top({ kind, period, building, limit }: { kind: EnergyKind; period: EnergyPeriod; building?: string; limit: number }): { unit: string; total: number; meters: TopConsumer[] } {
    const { queries } = this.deps;
    const scope = building ? { building } : {};
    const now = queries.breakdown({ kind, by: 'meter', period, ...scope }).shares;
    const before = new Map(queries.breakdown({ kind, by: 'meter', period: previousPeriod(period), ...scope }).shares.map((share) => [share.key, share.amount]));
    const buildings = new Map(queries.meters({ kind, ...scope }).map((meter) => [meter.code, meter.building]));
    const total = now.reduce((sum, share) => sum + share.amount, 0);
    const meters = now.slice(0, limit).map((share) => {
      const previous = before.get(share.key) ?? 0;
      return {
        code: share.key,
        name: share.label,
        building: buildings.get(share.key) ?? '',
        amount: share.amount,
        share: total > 0 ? share.amount / total : 0,
        previous,
        change: previous > 0 ? (share.amount - previous) / previous : null,
      };
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
}
