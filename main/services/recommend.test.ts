import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { HOUSEHOLD_TYPES, ServiceDraftSchema, type ServiceDraft } from '../contract';
import { DEMO_SERVICES } from '../demo/services';
import type { CoarseContext } from '../residents/registry';
import { openUntil, recommend, siteMoment } from './recommend';

const C = 'C栋 人才公寓';
const service = (id: string, extra: Partial<ServiceDraft> = {}): ServiceDraft =>
  ServiceDraftSchema.parse({ id, name: { zh: id }, category: 'shop', phone: '0513-1', where: { distance: 1000 }, ...extra });

describe('recommendations', () => {
  it('say why: the interest asked for, the household it suits, the building lived in', () => {
    const [first] = recommend(DEMO_SERVICES, { building: C, household: 'elderly', interests: ['housekeeping'] });
    expect(first!.service).toBe('housekeeping-aunt-li');
    expect(first!.reasons).toEqual([
      { code: 'interest', category: 'housekeeping' },
      { code: 'household', household: 'elderly' },
      { code: 'same_building', building: C },
    ]);
  });

  it('put what was asked for before what merely suits, then the nearer, then by id', () => {
    const catalogue = [
      service('suits-far', { suits: ['single'], where: { distance: 900 } }),
      service('asked-for', { category: 'clinic' }),
      service('suits-near', { suits: ['single'], where: { distance: 250 } }),
      service('suits-tie', { suits: ['single'], where: { distance: 900 } }),
      service('unrelated', { where: { distance: 10 } }),
    ];
    const ids = recommend(catalogue, { building: 'B', household: 'single', interests: ['clinic'] }).map((r) => r.service);
    // Nearness orders and explains but never recommends on its own: the unrelated shop at the gate is left out.
    expect(ids).toEqual(['asked-for', 'suits-near', 'suits-far', 'suits-tie']);
    expect(recommend(catalogue, { building: 'B', household: 'single', interests: [] })[0]!.reasons).toContainEqual({ code: 'nearby', distance: 250 });
  });

  it('match a tag the resident asked for, and leave out inactive services', () => {
    const catalogue = [service('tagged', { tags: ['24小时'] }), service('closed-down', { tags: ['24小时'], active: false })];
    expect(recommend(catalogue, { building: 'X', household: 'couple', interests: ['24小时'] })).toEqual([
      { service: 'tagged', name: { zh: 'tagged' }, category: 'shop', phone: '0513-1', score: 30, reasons: [{ code: 'interest_tag', tag: '24小时' }] },
    ]);
  });

  it('say open now only when asked at a moment, with the closing time', () => {
    const catalogue = [service('shop', { category: 'clinic', hours: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '17:30' }] })];
    const context: CoarseContext = { building: 'X', household: 'single', interests: ['clinic'] };
    expect(recommend(catalogue, context, { at: { weekday: 2, minutes: 9 * 60 } })[0]!.reasons).toContainEqual({ code: 'open_now', until: '17:30' });
    expect(recommend(catalogue, context, { at: { weekday: 6, minutes: 9 * 60 } })[0]!.reasons).not.toContainEqual(expect.objectContaining({ code: 'open_now' }));
    expect(recommend(catalogue, context)[0]!.reasons.map((r) => r.code)).toEqual(['interest']);
  });

  it('know spans past midnight and the site clock', () => {
    const late = [{ days: [5], from: '20:00', to: '02:00' }];
    expect(openUntil(late, { weekday: 5, minutes: 23 * 60 })).toBe('02:00');
    expect(openUntil(late, { weekday: 6, minutes: 60 })).toBe('02:00');
    expect(openUntil(late, { weekday: 6, minutes: 3 * 60 })).toBeNull();
    expect(openUntil([{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' }], { weekday: 3, minutes: 23 * 60 + 59 })).toBe('24:00');
    // 2026-01-05 is a Monday; 01:30 UTC is 09:30 in Shanghai.
    expect(siteMoment(Date.UTC(2026, 0, 5, 1, 30), 'Asia/Shanghai')).toEqual({ weekday: 1, minutes: 9 * 60 + 30 });
  });

  it('are the same for the same input whatever the catalogue order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(DEMO_SERVICES, { minLength: 0 }), fc.constantFrom(...HOUSEHOLD_TYPES), fc.subarray(['clinic', 'food', 'shop', '上门', 'childcare']), (subset, household, interests) => {
        const context = { building: C, household, interests };
        const sorted = [...subset].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(recommend(subset, context)).toEqual(recommend(sorted, context));
      }),
    );
  });

  it('cannot be given a name, phone or flat: the context type has no room for them', () => {
    expectTypeOf<keyof CoarseContext>().toEqualTypeOf<'building' | 'household' | 'interests'>();
    // @ts-expect-error a name is not part of what the recommender may know
    recommend([], { building: C, household: 'single', interests: [], name: '王秀英' });
  });
});
