import { ContractError } from '../../contract';
import type { Figures, FiguresInput, Targets, Verdict } from '../../contract/ops-figures';
import type { EnergyCalendar } from '../../energy/calendar';
import type { Database } from '../../store/database';
import { alarmFigures, latencyFigures, workFigures } from './alarm-times';
import { deviceAvailability, linkAvailability, overall } from './availability';
import { percent } from './intervals';

export type FiguresDeps = { db: Database; calendar: EnergyCalendar; targets: () => Targets };

/** The period's bounds in the site's zone; a day that has not begun at the site yet is refused. */
export function periodOf(calendar: EnergyCalendar, input: FiguresInput, now: number) {
  const [year, month, day] = input.at.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.toISOString().slice(0, 10) !== input.at) throw new ContractError('invalid_input', `at: ${input.at} is not a day of the calendar`);
  const today = calendar.date(now);
  if (input.at > today) throw new ContractError('invalid_input', `at: ${input.at} is in the future (today is ${today} at the site)`);
  const { from, to } = calendar.period({ unit: input.period, date: input.at });
  const days = calendar.starts('1d', from, to);
  return { from, to, until: Math.min(to, now), days };
}

function verdicts(figures: Omit<Figures, 'verdicts' | 'targets'>, targets: Targets): Verdict[] {
  const atLeast = (key: Verdict['key'], target: number, actual: number | null): Verdict => ({ key, target, actual, met: actual === null ? null : actual >= target });
  const atMost = (key: Verdict['key'], target: number, actual: number | null): Verdict => ({ key, target, actual, met: actual === null ? null : actual <= target });
  const ackP90 = (severity: keyof Targets['ackP90Seconds']) => {
    const p90 = figures.alarms.bySeverity.find((entry) => entry.severity === severity)?.response.p90 ?? null;
    return atMost(`ackP90.${severity}`, targets.ackP90Seconds[severity], p90 === null ? null : p90 / 1000);
  };
  return [
    atLeast('linkAvailability', targets.linkAvailabilityPct, figures.link.pct),
    atLeast('cameraAvailability', targets.cameraAvailabilityPct, figures.cameras.pct),
    atLeast('deviceOnline', targets.deviceOnlinePct, figures.devices.pct),
    ackP90('critical'),
    ackP90('major'),
    ackP90('minor'),
    atMost('orderDoneP90', targets.orderDoneP90Hours, figures.orders.p90 === null ? null : figures.orders.p90 / 3_600_000),
  ];
}

/**
 * The service figures of a day, week or month, from what this station
 * recorded: each table read once (devices by one ordered scan plus an index
 * seek each), so a month of a 2 000-device site stays well under a second.
 * A period still running counts up to now.
 */
export function serviceFigures(deps: FiguresDeps, input: FiguresInput, now: number): Figures {
  const { from, to, until, days } = periodOf(deps.calendar, input, now);
  // Day bounds up to now: the days still to come hold nothing known.
  const bounds = [...days.filter((start) => start < until), until];
  const pad = <T>(values: T[], empty: T) => [...values, ...new Array<T>(days.length - values.length).fill(empty)];
  const targets = deps.targets();
  const units = deviceAvailability(deps.db, bounds);
  const group = (camera: boolean) => {
    const members = units.filter((unit) => unit.camera === camera);
    const figures = overall(members, bounds.length - 1);
    return { ...figures, perDay: pad(figures.perDay, null), units: members.length };
  };
  const link = linkAvailability(deps.db, bounds);
  const alarms = alarmFigures(deps.db, deps.calendar, targets.shifts, bounds);
  const worstUnits = units
    .map((unit) => {
      const upMs = unit.up.reduce((a, b) => a + b, 0);
      const knownMs = unit.known.reduce((a, b) => a + b, 0);
      return { code: unit.code, name: unit.name, kind: unit.kind, area: unit.area, pct: percent(upMs, knownMs), upMs, knownMs, outages: unit.outages };
    })
    .filter((unit) => unit.pct !== null && unit.pct < 100)
    .sort((a, b) => a.pct! - b.pct! || b.outages - a.outages || a.code.localeCompare(b.code))
    .slice(0, 10);
  const figures = {
    period: { unit: input.period, date: input.at, from, to, until, timeZone: deps.calendar.timeZone },
    days: days.map((start) => deps.calendar.date(start)),
    link: { ...link, perDay: pad(link.perDay, null) },
    cameras: group(true),
    devices: group(false),
    worstUnits,
    alarms: { ...alarms, perDay: pad(alarms.perDay, { count: 0, p50: null, p90: null }) },
    latency: latencyFigures(deps.db, from, until),
    ...workFigures(deps.db, from, until),
  };
  return { ...figures, targets, verdicts: verdicts(figures, targets) };
}
