import type { TFunction } from 'i18next';
import type { WarningCondition, WarningPart, WarningScope } from '../core/contract';

function partText(t: TFunction, part: WarningPart): string {
  switch (part.kind) {
    case 'threshold':
      return t('warnings.rules.text.threshold', { metric: part.metric, op: t(`warnings.rules.ops.${part.op}`), value: part.value, seconds: part.forSeconds });
    case 'rate':
      return t('warnings.rules.text.rate', { metric: part.metric, direction: t(`warnings.rules.directions.${part.direction}`), perMinute: part.perMinute, window: part.windowSeconds });
    case 'count':
      return t('warnings.rules.text.count', { atLeast: part.atLeast, event: t(`alarms.types.${part.eventType as 'smoke'}`), window: part.windowSeconds });
  }
}

/** A condition in a line, as the rules table shows it. */
export function conditionText(t: TFunction, condition: WarningCondition): string {
  if (condition.kind !== 'combination') return partText(t, condition);
  return t('warnings.rules.text.combination', { window: condition.windowSeconds, parts: condition.parts.map((part) => partText(t, part)).join(' + ') });
}

export function scopeText(t: TFunction, scope: WarningScope): string {
  const parts = [
    ...scope.kinds.map((kind) => t(`devices.kinds.${kind as 'door'}`)),
    scope.area,
    scope.building,
    scope.floor,
    ...(scope.devices.length ? [`${scope.devices.length} × ${t('warnings.rules.fields.devices')}`] : []),
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('warnings.rules.any');
}
