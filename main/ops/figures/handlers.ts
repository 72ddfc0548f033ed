import type { HandlerGroup } from '../../router/router';
import type { EnergyCalendar } from '../../energy/calendar';
import type { Database } from '../../store/database';
import { serviceFigures } from './compute';
import { slaCsv } from './sla-csv';
import type { TargetsStore } from './targets';

export type FiguresHandlerDeps = { db: Database; calendar: EnergyCalendar; targets: TargetsStore; now?: () => number };

export function figuresHandlers(deps: FiguresHandlerDeps): HandlerGroup<'ops.figures' | 'ops.targets.get' | 'ops.targets.set' | 'ops.slaReport'> {
  const now = deps.now ?? Date.now;
  const figures = (input: Parameters<typeof serviceFigures>[1]) => serviceFigures({ db: deps.db, calendar: deps.calendar, targets: () => deps.targets.get().targets }, input, now());
  return {
    'ops.figures': (input) => figures(input),
    'ops.targets.get': () => deps.targets.get(),
    // The router's audit entry carries the new targets (the call's input): who changed what the station is held to, and to what.
    'ops.targets.set': (targets, { connection }) => deps.targets.set(targets, connection.session!.username, now()),
    // Audited by the router: who took the report, of which period.
    'ops.slaReport': ({ period, at, language }) => ({ file: `sla-${period}-${at}.csv`, csv: slaCsv(figures({ period, at }), language) }),
  };
}
