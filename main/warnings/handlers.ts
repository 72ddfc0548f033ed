import type { WarningRule } from '../contract/warnings';
import type { Hub } from '../router/hub';
import type { HandlerGroup } from '../router/router';
import type { Database } from '../store/database';
import { dryRun } from './dry-run';
import type { WarningDevices, WarningEngine } from './engine';
import type { WarningBook, WarningRules } from './store';

type Methods = 'warnings.list' | 'warnings.get' | 'warnings.acknowledge' | 'warningRules.list' | 'warningRules.save' | 'warningRules.delete' | 'warningRules.dryRun';

export function warningHandlers(deps: { db: Database; rules: WarningRules; book: WarningBook; engine: WarningEngine; devices: WarningDevices; hub: Hub }): HandlerGroup<Methods> {
  const { db, rules, book, engine, devices, hub } = deps;
  const withStatus = (rule: ReturnType<WarningRules['list']>[number]): WarningRule => ({ ...rule, status: engine.status(rule.id) });
  return {
    'warnings.list': () => book.list(),
    'warnings.get': ({ id }) => book.get(id),
    'warnings.acknowledge': ({ id, note }, { connection }) => {
      const warning = db.transaction(() => book.acknowledge(id, connection.session!.username, note))();
      hub.broadcast('warnings.changed', { warnings: book.take() });
      return warning;
    },
    'warningRules.list': () => rules.list().map(withStatus),
    'warningRules.save': (draft, { connection }) => {
      const rule = rules.save(draft, connection.session!.username);
      hub.broadcast('warningRules.changed', {});
      return withStatus(rule);
    },
    'warningRules.delete': ({ id }, { connection }) => {
      rules.delete(id, connection.session!.username);
      hub.broadcast('warningRules.changed', {});
      return { ok: true as const };
    },
    'warningRules.dryRun': (input) => dryRun(db, devices, input),
  };
}
