import { describe, expect, it } from 'vitest';
import { DEMO_TARIFF } from '../demo/tariff';
import { bandTable, hoursOf, TariffSchema, type BandHours } from './tariffs';

const problem = (spans: BandHours[]) => {
  const parsed = TariffSchema.safeParse({ ...DEMO_TARIFF, electricity: { ...DEMO_TARIFF.electricity, spans } });
  return parsed.success ? null : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
};

describe('tariff validation', () => {
  it('reads a span that passes midnight as the night, and a whole day from 0 to 24', () => {
    expect(hoursOf({ from: 22, to: 6 })).toEqual([22, 23, 0, 1, 2, 3, 4, 5]);
    expect(hoursOf({ from: 0, to: 24 })).toHaveLength(24);
    expect(hoursOf({ from: 8, to: 11 })).toEqual([8, 9, 10]);
  });

  it("accepts the demo's time-of-use bands and gives each hour its band", () => {
    expect(TariffSchema.parse(DEMO_TARIFF)).toEqual(DEMO_TARIFF);
    const table = bandTable(DEMO_TARIFF.electricity.spans);
    expect('bands' in table && table.bands.join(' ')).toBe(
      'valley valley valley valley valley valley flat flat peak peak peak flat flat peak peak flat flat flat peak peak peak flat valley valley',
    );
  });

  it('says which hour is left out or counted twice', () => {
    expect(problem([{ band: 'flat', from: 0, to: 24 }])).toBeNull();
    expect(problem([{ band: 'flat', from: 0, to: 12 }, { band: 'peak', from: 13, to: 24 }])).toBe(
      'electricity.spans: 12:00–13:00 is in no span: the spans must cover the 24 hours',
    );
    expect(problem([{ band: 'valley', from: 22, to: 7 }, { band: 'flat', from: 6, to: 22 }])).toBe('electricity.spans: 06:00–07:00 is in two spans (valley and flat)');
    expect(problem([{ band: 'flat', from: 5, to: 5 }])).toContain('a span needs at least one hour');
  });

  it('refuses negative prices, other currencies and unknown bands', () => {
    expect(TariffSchema.safeParse({ ...DEMO_TARIFF, water: { price: -1 } }).success).toBe(false);
    expect(TariffSchema.safeParse({ ...DEMO_TARIFF, currency: 'USD' }).success).toBe(false);
    expect(problem([{ band: 'shoulder' as 'flat', from: 0, to: 24 }])).toContain('spans.0.band');
  });
});
