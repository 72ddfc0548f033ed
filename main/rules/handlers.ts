import type { Hub } from '../router/hub';
import type { HandlerGroup } from '../router/router';
import type { RuleStore } from './store';

export function ruleHandlers(deps: { rules: RuleStore; hub: Hub }): HandlerGroup<'rules.list' | 'rules.save' | 'rules.delete'> {
  const { rules, hub } = deps;
  return {
    'rules.list': () => rules.list(),
    'rules.save': (draft, { connection }) => {
      const rule = rules.save(draft, connection.session!.username);
      hub.broadcast('rules.changed', {});
      return rule;
    },
    'rules.delete': ({ id }, { connection }) => {
      rules.delete(id, connection.session!.username);
      hub.broadcast('rules.changed', {});
      return { ok: true as const };
    },
  };
}
