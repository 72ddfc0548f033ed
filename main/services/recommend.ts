import type { OpeningSpan, Reason, Recommendation, ServiceDraft } from '../contract';
import type { CoarseContext } from '../residents/registry';

/** A moment on the site's clock: ISO weekday (1 = Monday) and minutes since midnight. */
export type SiteMoment = { weekday: number; minutes: number };

/** How much each kind of reason weighs: what the resident asked for first, then what suits them, then what is close. */
export const WEIGHTS = { interest: 50, interestTag: 30, household: 25, sameBuilding: 20, nearby: 10, openNow: 5 } as const;
/** Within this walk of the gate a service counts as nearby. */
export const NEARBY_METRES = 300;
export const DEFAULT_LIMIT = 10;

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));

/** The closing time of the span open at `at`, or null. A span whose end is before its start runs past midnight into the next day. */
export function openUntil(hours: readonly OpeningSpan[], at: SiteMoment): string | null {
  for (const span of hours) {
    const [from, to] = [minutesOf(span.from), minutesOf(span.to)];
    if (from < to) {
      if (span.days.includes(at.weekday) && at.minutes >= from && at.minutes < to) return span.to;
    } else {
      const yesterday = ((at.weekday + 5) % 7) + 1;
      if (span.days.includes(at.weekday) && at.minutes >= from) return span.to;
      if (span.days.includes(yesterday) && at.minutes < to) return span.to;
    }
  }
  return null;
}

/**
 * Recommends services to one resident from the catalogue and the resident's
 * coarse context: building, household type and interests — the type has no
 * room for a name, phone or flat, so none can be used. Pure and
 * deterministic: the same catalogue and context give the same list at every
 * station. A service is recommended only for something about the resident
 * (an interest, the household, the building); nearness and being open now
 * only order and explain. `at` (the operator's view) adds "open now"; what is
 * published to the app leaves it out, so it does not change by the minute.
 */
export function recommend(catalogue: readonly ServiceDraft[], context: CoarseContext, options: { at?: SiteMoment; limit?: number } = {}): Recommendation[] {
  const interests = new Set(context.interests.map((interest) => interest.toLowerCase()));
  const scored: (Recommendation & { distance: number })[] = [];
  for (const service of catalogue) {
    if (!service.active) continue;
    // Most services match nothing about the resident: find that out before building any reasons.
    const asked = interests.has(service.category);
    const tag = asked ? undefined : service.tags.find((candidate) => interests.has(candidate.toLowerCase()));
    const suits = service.suits.includes(context.household);
    const here = !!service.where.building && service.where.building === context.building;
    if (!asked && !tag && !suits && !here) continue;
    const reasons: Reason[] = [];
    let score = 0;
    if (asked) {
      reasons.push({ code: 'interest', category: service.category });
      score += WEIGHTS.interest;
    } else if (tag) {
      reasons.push({ code: 'interest_tag', tag });
      score += WEIGHTS.interestTag;
    }
    if (suits) {
      reasons.push({ code: 'household', household: context.household });
      score += WEIGHTS.household;
    }
    if (here) {
      reasons.push({ code: 'same_building', building: service.where.building! });
      score += WEIGHTS.sameBuilding;
    } else if (service.where.distance <= NEARBY_METRES) {
      reasons.push({ code: 'nearby', distance: service.where.distance });
      score += WEIGHTS.nearby;
    }
    const until = options.at ? openUntil(service.hours, options.at) : null;
    if (until) {
      reasons.push({ code: 'open_now', until });
      score += WEIGHTS.openNow;
    }
    scored.push({ service: service.id, name: service.name, category: service.category, phone: service.phone, score, reasons, distance: service.where.distance });
  }
  scored.sort((a, b) => b.score - a.score || a.distance - b.distance || (a.service < b.service ? -1 : 1));
  return scored.slice(0, options.limit ?? DEFAULT_LIMIT).map(({ distance: _distance, ...recommendation }) => recommendation);
}

/** The weekday and minute of `millis` on the site's clock. */
export function siteMoment(millis: number, timeZone: string): SiteMoment {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(millis);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)!.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1;
  return { weekday, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}
