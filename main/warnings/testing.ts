import { WarningRuleDraftSchema, type WarningRuleDraft } from '../contract/warnings';
import { WarningEngine, type WarningChange, type WarningDevice } from './engine';

/** A floor of two buildings, as the tests of warnings place their devices. */
export const FLOOR_DEVICES: Record<string, WarningDevice> = {
  '32061201011410000001': { kind: 'smoke_detector', name: 'A 3F 烟感 1', area: '北区', building: 'A栋', floor: '3F' },
  '32061201011410000002': { kind: 'smoke_detector', name: 'A 3F 烟感 2', area: '北区', building: 'A栋', floor: '3F' },
  '32061201011410000003': { kind: 'smoke_detector', name: 'A 4F 烟感 1', area: '北区', building: 'A栋', floor: '4F' },
  '32061201011400000004': { kind: 'door', name: 'A 3F 门 1', area: '北区', building: 'A栋', floor: '3F' },
  '32061201011400000005': { kind: 'door', name: 'A 3F 门 2', area: '北区', building: 'A栋', floor: '3F' },
};
export const [SMOKE_3F_1, SMOKE_3F_2, SMOKE_4F, DOOR_3F_1, DOOR_3F_2] = Object.keys(FLOOR_DEVICES) as [string, string, string, string, string];

export const warningRule = (rule: Partial<WarningRuleDraft> & Pick<WarningRuleDraft, 'id' | 'condition'>): WarningRuleDraft =>
  WarningRuleDraftSchema.parse({ name: rule.id, enabled: true, hazard: 'fire', level: 3, scope: {}, groupBy: 'floor', ...rule });

/** An engine on a fixed set of rules and devices, with what it derived. */
export function engineOf(rules: WarningRuleDraft[], options: { holdMs?: number } = {}) {
  const source = { generation: 1, rules: rules.map((rule) => ({ ...rule, updatedAt: 0 })), list: () => source.rules };
  const changes: WarningChange[] = [];
  const engine = new WarningEngine(source, { factsOf: (code) => FLOOR_DEVICES[code] ?? null }, (change) => changes.push(change), options);
  return { engine, changes, source, steps: () => changes.map(({ event }) => [event.type, event.at, event.type === 'cleared' ? null : event.level]) };
}

/** A floor's fire rules: smoke (IV), the heat climbing 5 °C a minute (III), both within two minutes (II). */
export const FIRE_SMOKE = warningRule({ id: 'fire-smoke', name: '烟感报警', level: 4, condition: { kind: 'count', eventType: 'smoke', atLeast: 1, windowSeconds: 300 } });
export const FIRE_RISE = warningRule({ id: 'fire-rise', name: '温度骤升', level: 3, condition: { kind: 'rate', metric: 'temperature', direction: 'rising', perMinute: 5, windowSeconds: 60 } });
export const FIRE_BOTH = warningRule({ id: 'fire-both', name: '烟感且温升', level: 2, condition: { kind: 'combination', windowSeconds: 120, parts: [FIRE_SMOKE.condition, FIRE_RISE.condition] as never } });
