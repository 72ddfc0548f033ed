import { describe, expect, it } from 'vitest';
import { RuleDraftSchema, type Rule } from '../core/contract';
import { NEW_RULE, newRuleId, toDraft, toFormValues } from './rule-form-values';

const rule: Rule = {
  id: 'night-water',
  name: '夜间用水异常',
  enabled: true,
  severity: 'major',
  condition: { kind: 'threshold', metric: 'm3h', op: 'above', value: 2, forSeconds: 600 },
  scope: { kinds: ['water_meter'], area: '北区', devices: [] },
  schedule: { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '05:00', timeZone: 'Asia/Shanghai' },
  updatedBy: 'admin',
  updatedAt: 1,
};

describe('the rule dialog', () => {
  it('gives back the rule it was opened with', () => {
    const { updatedBy: _by, updatedAt: _at, ...draft } = rule;
    expect(toDraft(toFormValues(rule), rule.id, 'Asia/Shanghai')).toEqual(draft);
  });

  it('keeps a status rule’s duration through the dialog', () => {
    const down: Rule = { ...rule, condition: { kind: 'status', statuses: ['offline'], forSeconds: 300 }, schedule: null };
    expect(toDraft(toFormValues(down), down.id, 'Asia/Shanghai').condition).toEqual(down.condition);
  });

  it('sends only the chosen kind of condition, in seconds, and no schedule when none is asked for', () => {
    const values = { ...NEW_RULE, name: ' 夜间通行 ', kind: 'event' as const, metric: 'kw', forMinutes: 1.5 };
    const draft = toDraft(values, 'r-1', 'Asia/Shanghai');
    expect(draft).toMatchObject({ name: '夜间通行', condition: { kind: 'event', eventType: 'access_granted' }, schedule: null });
    expect(toDraft({ ...values, kind: 'threshold', metric: ' kw ' }, 'r-1', 'UTC').condition).toEqual({ kind: 'threshold', metric: 'kw', op: 'above', value: 0, forSeconds: 90 });
  });

  it('makes ids the contract accepts', () => {
    for (const [now, random] of [[0, 0], [Date.now(), 0.999999], [8.64e15, 0.5]] as const) {
      expect(RuleDraftSchema.shape.id.safeParse(newRuleId(now, random)).success).toBe(true);
    }
  });
});
