import type { Tariff } from '../contract';

/**
 * The demo park's tariffs, in the shape of a Shanghai commercial
 * time-of-use tariff (峰 08–11, 13–15, 18–21; 谷 22–06; 平 otherwise).
 * The prices are illustrative round figures, not any utility's published
 * rates: a site enters its own.
 */
export const DEMO_TARIFF: Tariff = {
  currency: 'CNY',
  electricity: {
    spans: [
      { band: 'valley', from: 22, to: 6 },
      { band: 'flat', from: 6, to: 8 },
      { band: 'peak', from: 8, to: 11 },
      { band: 'flat', from: 11, to: 13 },
      { band: 'peak', from: 13, to: 15 },
      { band: 'flat', from: 15, to: 18 },
      { band: 'peak', from: 18, to: 21 },
      { band: 'flat', from: 21, to: 22 },
    ],
    prices: { peak: 1.2, flat: 0.75, valley: 0.35 },
  },
  water: { price: 5.0 },
  gas: { price: 3.5 },
};
