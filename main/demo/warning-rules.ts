import type { WarningRuleDraft } from '../contract/warnings';

const detectors = { kinds: ['smoke_detector'], area: '', building: '', floor: '', devices: [] };
const smoke = { kind: 'count', eventType: 'smoke', atLeast: 1, windowSeconds: 300 } as const;
const rise = { kind: 'rate', metric: 'temperature', direction: 'rising', perMinute: 5, windowSeconds: 60 } as const;

/**
 * The early-warning rules a demo park starts with: fire by floor, from the
 * smoke detectors (which report the room's temperature too), and forced
 * doors by building. A smoke event alone is blue (IV); heat climbing 5 °C a
 * minute is yellow (III); both on one floor within 2 minutes is orange (II).
 */
export const DEMO_WARNING_RULES: readonly WarningRuleDraft[] = [
  { id: 'fire-smoke', name: '楼层烟感报警', enabled: true, hazard: 'fire', level: 4, scope: detectors, groupBy: 'floor', condition: smoke },
  { id: 'fire-rise', name: '楼层温度骤升', enabled: true, hazard: 'fire', level: 3, scope: detectors, groupBy: 'floor', condition: rise },
  { id: 'fire-smoke-and-rise', name: '烟感报警且温度骤升', enabled: true, hazard: 'fire', level: 2, scope: detectors, groupBy: 'floor', condition: { kind: 'combination', windowSeconds: 120, parts: [smoke, rise] } },
  {
    id: 'doors-forced',
    name: '多处门被强行打开',
    enabled: true,
    hazard: 'intrusion',
    level: 3,
    scope: { kinds: ['door'], area: '', building: '', floor: '', devices: [] },
    groupBy: 'building',
    condition: { kind: 'count', eventType: 'door_forced', atLeast: 3, windowSeconds: 600 },
  },
];
