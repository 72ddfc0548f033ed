import type { TFunction } from 'i18next';
import type { OpeningSpan, Reason } from '../core/contract';

/** A recommendation's reason in the window's language: 因为您关注了家政服务 / because you asked for housekeeping. */
export function reasonText(t: TFunction, reason: Reason): string {
  switch (reason.code) {
    case 'interest':
      return t('services.reasons.interest', { category: t(`services.interestNames.${reason.category}`) });
    case 'interest_tag':
      return t('services.reasons.interest_tag', { tag: reason.tag });
    case 'household':
      return t('services.reasons.household', { household: t(`services.suitsHousehold.${reason.household}`) });
    case 'same_building':
      return t('services.reasons.same_building', { building: reason.building });
    case 'nearby':
      return t('services.reasons.nearby', { distance: reason.distance });
    case 'open_now':
      return t('services.reasons.open_now', { until: reason.until });
    default: {
      const unknown: never = reason;
      return String((unknown as Reason).code);
    }
  }
}

const EVERY_DAY = '1234567';
const WEEKDAYS = '12345';

/** Opening hours in a line: 每天 08:00–20:00 · 工作日 08:30–18:00, or 需预约. */
export function hoursText(t: TFunction, hours: readonly OpeningSpan[]): string {
  if (!hours.length) return t('services.byAppointment');
  const names = t('services.weekdayNames', { returnObjects: true }) as string[];
  return hours
    .map((span) => {
      const key = [...span.days].sort().join('');
      const days = key === EVERY_DAY ? t('services.everyDay') : key === WEEKDAYS ? t('services.weekdays') : t('services.days', { days: [...span.days].sort().map((day) => names[day - 1]).join('、') });
      return `${days} ${span.from}–${span.to}`;
    })
    .join(' · ');
}
