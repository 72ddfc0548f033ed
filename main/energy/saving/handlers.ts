import type { Hub } from '../../router/hub';
import type { HandlerGroup } from '../../router/router';
import type { Database } from '../../store/database';
import type { SavingRunner } from './runner';
import type { SavingSchedules } from './schedules';

const DAY_MS = 86_400_000;

export function savingHandlers(deps: {
  db: Database;
  schedules: SavingSchedules;
  runner: SavingRunner;
  hub: Hub;
}): HandlerGroup<'energy.schedules' | 'energy.saveSchedule' | 'energy.deleteSchedule' | 'energy.plan' | 'energy.runs' | 'energy.runStep' | 'energy.savingEstimate'> {
  const { db, schedules, runner, hub } = deps;
  return {
    'energy.schedules': () => schedules.list(),
    'energy.saveSchedule': (draft, { connection }) => {
      const saved = schedules.save(draft, connection.session!.username);
      hub.broadcast('energy.schedulesChanged', {});
      return saved;
    },
    'energy.deleteSchedule': ({ id }, { connection }) => {
      schedules.delete(id, connection.session!.username);
      hub.broadcast('energy.schedulesChanged', {});
      return { ok: true as const };
    },
    'energy.plan': ({ from, days }) => ({ position: runner.position, timeZone: runner.timeZone, runs: runner.plan(from, from + days * DAY_MS) }),
    'energy.runs': (filter) => runner.runs(filter),
    'energy.savingEstimate': ({ schedule, days }) => runner.estimate(schedule, days, Date.now()),
    'energy.runStep': ({ schedule, step }, { connection }) => {
      const { username, role } = connection.session!;
      const sent = db.transaction(() => runner.runNow(schedule, step, { user: username, role }, Date.now()))();
      if (sent.length) hub.broadcast('commands.changed', { ids: sent });
      return { sent };
    },
  };
}
