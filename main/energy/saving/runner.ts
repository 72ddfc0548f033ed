import { createHash } from 'node:crypto';
import type { PlannedRun, SavingEstimate, SavingRun, SitePosition } from '../../contract';
import type { AuditTrail } from '../../audit/trail';
import type { CommandService } from '../../commands/service';
import type { DeviceRegistry } from '../../devices/registry';
import type { Database } from '../../store/database';
import type { EnergyCalendar } from '../calendar';
import { estimateSaving } from './estimate';
import { planRuns } from './plan';
import type { SavingSchedules } from './schedules';

/** A step found due up to this late (the station was starting) still runs; later, it waits for its next time. */
const GRACE_MS = 10 * 60_000;
/** A schedule's command is never acted on this long after its time: lights switched an hour late are wrong. */
const COMMAND_TTL_S = 600;

type RunRow = { id: string; schedule: string; step: number; due_at: number; device: string; refused: string | null; status: SavingRun['status'] | null; reason: string | null };

/**
 * Runs the site's energy-saving schedules: each step, when due, becomes one
 * command per device through the outbox (with its expiry and the device's
 * acknowledgement), or a refusal for a device that is offline, and one
 * audit entry. A run's command ids are made from the schedule, step, time
 * and device, so every station of the site sends the same ids and a station
 * that restarts never sends a step twice.
 */
export class SavingRunner {
  private checkedUpTo: number | null = null;
  private readonly statements;

  constructor(
    private readonly db: Database,
    private readonly deps: {
      schedules: SavingSchedules;
      registry: DeviceRegistry;
      commands: CommandService;
      audit: AuditTrail;
      calendar: EnergyCalendar;
      position: SitePosition;
      station: string;
    },
  ) {
    this.statements = {
      has: db.prepare<[string], 1>('SELECT 1 FROM saving_runs WHERE id = ?').pluck(),
      insert: db.prepare('INSERT INTO saving_runs (id, schedule, step, due_at, device, refused) VALUES (?, ?, ?, ?, ?, ?)'),
      list: db.prepare<[string | null, string | null, number], RunRow>(
        `SELECT r.*, c.status, c.reason FROM saving_runs r LEFT JOIN commands c ON c.id = r.id
         WHERE (? IS NULL OR r.schedule = ?) ORDER BY r.due_at DESC, r.device LIMIT ?`,
      ),
    };
  }

  get position(): SitePosition {
    return this.deps.position;
  }

  /** The site's clock, on which the steps' times of day and days are read. */
  get timeZone(): string {
    return this.deps.calendar.timeZone;
  }

  /** What will run in [from, to). */
  plan(from: number, to: number): PlannedRun[] {
    return planRuns(this.deps.schedules.list(), from, to, this.deps.calendar, this.deps.position);
  }

  /** What a schedule saved over the last `days` whole days to `now`, estimated (see estimate.ts). */
  estimate(scheduleId: string, days: number, now: number): SavingEstimate | null {
    const schedule = this.deps.schedules.get(scheduleId);
    const to = this.deps.calendar.start('1d', now);
    const from = to - days * 86_400_000;
    // From a week before: a weekly schedule's step before the period may hold its loads low into it.
    const runs = planRuns([schedule], from - 7 * 86_400_000, to, this.deps.calendar, this.deps.position);
    return estimateSaving(this.db, schedule, runs, { from, to }, this.deps.calendar);
  }

  /** Runs the steps that came due since the last sweep; returns the commands sent. Inside a transaction. */
  sweep(now: number): string[] {
    const from = this.checkedUpTo ?? now - GRACE_MS;
    this.checkedUpTo = now + 1;
    return this.plan(from, now + 1).flatMap((run) => this.run(run, { user: `schedule:${run.schedule}`, role: 'system' }));
  }

  /** Runs one step now, for whoever asked (a technician testing the wiring). Inside a transaction. */
  runNow(scheduleId: string, step: number, who: { user: string; role: string }, now: number): string[] {
    const schedule = this.deps.schedules.get(scheduleId);
    const planned = schedule.steps[step];
    if (!planned) return [];
    return this.run({ schedule: schedule.id, name: schedule.name, load: schedule.load, step, at: now, trigger: planned.trigger, action: planned.action, devices: schedule.devices.length }, who);
  }

  runs(filter: { schedule?: string; limit: number }): SavingRun[] {
    const schedule = filter.schedule ?? null;
    return this.statements.list.all(schedule, schedule, filter.limit).map((row) => ({
      id: row.id,
      schedule: row.schedule,
      step: row.step,
      dueAt: row.due_at,
      device: row.device,
      command: row.refused ? null : row.id,
      status: row.refused ? 'refused' : (row.status ?? 'pending'),
      reason: row.refused ?? row.reason,
    }));
  }

  private run(run: PlannedRun, who: { user: string; role: string }): string[] {
    const { schedules, registry, commands, audit, station } = this.deps;
    const schedule = schedules.get(run.schedule);
    const sent: string[] = [];
    const refused: string[] = [];
    for (const code of schedule.devices) {
      const id = `sav-${createHash('sha256').update(`${run.schedule}|${run.step}|${run.at}|${code}`).digest('hex').slice(0, 28)}`;
      if (this.statements.has.get(id)) continue;
      const device = registry.has(code) ? registry.get(code) : null;
      if (!device || device.status !== 'online') {
        const reason = device ? `${device.name} is ${device.status}: the command cannot reach it` : `${code} is not in the registry`;
        this.statements.insert.run(id, run.schedule, run.step, run.at, code, reason);
        refused.push(code);
        continue;
      }
      commands.send({ id, code, command: run.action.command, params: run.action.params, ttlSeconds: COMMAND_TTL_S }, { user: who.user, station });
      this.statements.insert.run(id, run.schedule, run.step, run.at, code, null);
      sent.push(id);
    }
    if (sent.length || refused.length) {
      audit.append({
        actor: who.user,
        role: who.role,
        station,
        action: 'energy.schedule.run',
        target: run.schedule,
        outcome: refused.length && !sent.length ? 'failed' : 'ok',
        detail: { step: run.step, dueAt: run.at, command: run.action.command, params: run.action.params, sent: sent.length, refused },
      });
    }
    return sent;
  }
}
