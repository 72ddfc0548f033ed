import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandTable, TARIFF_BANDS, type TariffBand } from '../contract';
import { DEMO_TARIFF } from '../demo/tariff';
import { EnergyCalendar } from './calendar';
import { splitByBand } from './costs';

const HOUR = 3_600_000;
const demoBands = (() => {
  const table = bandTable(DEMO_TARIFF.electricity.spans);
  if (!('bands' in table)) throw new Error(table.problem);
  return table.bands;
})();

/** Every hour of the local day holding `from`, as hourly points of 1. */
function dayOfHours(calendar: EnergyCalendar, date: string) {
  const { from, to } = calendar.period({ unit: 'day', date });
  return calendar.starts('1h', from, to).map((start) => ({ start, amount: 1 }));
}

describe('splitting use by time-of-use band', () => {
  it("gives a Shanghai day's hours to their bands on the site's clock, not UTC", () => {
    const calendar = new EnergyCalendar('Asia/Shanghai');
    expect(splitByBand(dayOfHours(calendar, '2026-03-02'), demoBands, calendar)).toEqual({ peak: 8, flat: 8, valley: 8 });
  });

  it('counts the 23 and 25 hours of the days Berlin changes its clocks, each by its local hour', () => {
    const calendar = new EnergyCalendar('Europe/Berlin');
    // 29 March 2026: 02:00 is skipped, a valley hour; 25 October: 02:00 comes twice.
    expect(splitByBand(dayOfHours(calendar, '2026-03-29'), demoBands, calendar)).toEqual({ peak: 8, flat: 8, valley: 7 });
    expect(splitByBand(dayOfHours(calendar, '2026-10-25'), demoBands, calendar)).toEqual({ peak: 8, flat: 8, valley: 9 });
  });
});

describe('splitting use by band (property)', () => {
  /** Random bands that cover the day: cut points, each piece a band, the whole turned so a span may pass midnight. */
  const tariffBands = fc
    .record({ cuts: fc.uniqueArray(fc.integer({ min: 1, max: 23 }), { maxLength: 10 }), bands: fc.array(fc.constantFrom(...TARIFF_BANDS), { minLength: 11, maxLength: 11 }), turn: fc.integer({ min: 0, max: 23 }) })
    .map(({ cuts, bands, turn }) => {
      const edges = [0, ...cuts.sort((a, b) => a - b), 24];
      const spans = edges.slice(1).map((to, index) => ({ band: bands[index]!, from: (edges[index]! + turn) % 24, to: ((to + turn - 1) % 24) + 1 }));
      const table = bandTable(spans);
      if (!('bands' in table)) throw new Error(table.problem);
      return table.bands;
    });
  const hours = fc.array(fc.record({ hour: fc.integer({ min: 0, max: 3 * 365 * 24 }), amount: fc.double({ min: 0, max: 500, noNaN: true }) }), { maxLength: 200 });

  for (const zone of ['Asia/Shanghai', 'Europe/Berlin']) {
    it(`in ${zone}, the band amounts add up to the total, and each hour goes to the band of its local hour`, () => {
      const calendar = new EnergyCalendar(zone);
      const localHour = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' });
      const origin = Date.parse('2025-01-01T00:00:00Z');
      fc.assert(
        fc.property(tariffBands, hours, (bands: TariffBand[], sample) => {
          const points = sample.map(({ hour, amount }) => ({ start: calendar.start('1h', origin + hour * HOUR), amount }));
          const split = splitByBand(points, bands, calendar);
          const total = points.reduce((sum, point) => sum + point.amount, 0);
          expect(split.peak + split.flat + split.valley).toBeCloseTo(total, 6);
          const expected: Record<TariffBand, number> = { peak: 0, flat: 0, valley: 0 };
          for (const point of points) expected[bands[Number(localHour.format(point.start))]!] += point.amount;
          for (const band of TARIFF_BANDS) expect(split[band]).toBeCloseTo(expected[band], 6);
        }),
        { numRuns: 200 },
      );
    });
  }
});
