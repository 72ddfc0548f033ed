import type { RuleDraft } from '../contract';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const night = (from: string, to: string) => ({ days: EVERY_DAY, from, to, timeZone: 'Asia/Shanghai' });
const everywhere = (kinds: RuleDraft['scope']['kinds']) => ({ kinds, area: '', devices: [] });

/** The alarm rules a demo park starts with: what a property's security office typically watches. */
export const DEMO_RULES: readonly RuleDraft[] = [
  {
    id: 'night-water',
    name: '夜间用水异常',
    enabled: true,
    severity: 'major',
    // The park's water has a night-time floor near 0.5 m³/h; a floor held four times higher is a leak.
    condition: { kind: 'threshold', metric: 'm3h', op: 'above', value: 2, forSeconds: 600 },
    scope: everywhere(['water_meter']),
    schedule: night('00:00', '05:00'),
  },
  {
    id: 'power-peak',
    name: '楼宇用电超限',
    enabled: true,
    severity: 'minor',
    condition: { kind: 'threshold', metric: 'kw', op: 'above', value: 140, forSeconds: 300 },
    scope: everywhere(['electricity_meter']),
    schedule: null,
  },
  {
    id: 'camera-down',
    name: '摄像机离线',
    enabled: true,
    severity: 'minor',
    condition: { kind: 'status', statuses: ['offline', 'fault'], forSeconds: 300 },
    scope: everywhere(['camera', 'ipc']),
    schedule: null,
  },
  {
    id: 'night-access',
    name: '深夜门禁通行',
    enabled: true,
    severity: 'minor',
    condition: { kind: 'event', eventType: 'access_granted' },
    scope: everywhere(['door']),
    schedule: night('23:00', '05:00'),
  },
  {
    id: 'night-disarm',
    name: '夜间防区撤防',
    enabled: true,
    severity: 'major',
    condition: { kind: 'event', eventType: 'zone_disarmed' },
    scope: everywhere(['alarm_input']),
    schedule: night('22:00', '06:00'),
  },
];
