import { energyKindOf, type AnomalyThresholds } from '../../contract';
import type { Raising } from '../../alarms/service';
import type { Database } from '../../store/database';
import type { EnergyCalendar } from '../calendar';
import { AnomalyFindings, type Finding } from './findings';
import { gasIdle } from './gas-idle';
import { MeterHistory, type WatchedMeter } from './history';
import { BASELINE_NIGHTS, nightFlow } from './night-flow';
import { dayOverProfile } from './over-profile';
import { WEEK_MS } from './profile';
import { stuckMeter, stuckRange } from './stuck';

const DAY_MS = 86_400_000;
/** Days judged each sweep, back from today: a station that was off for a night still judges it. */
const DAYS_CHECKED = 3;
/** The detectors run at most this often; readings arrive by the minute. */
const SWEEP_GAP_MS = 30_000;
/** Meter-days judged against their history in one sweep, so a first start with thousands of meters does not hold the core for long. */
const DAY_BUDGET = 50;
/** A meter that read within this is live enough to be judged stuck. */
const LIVE_MS = 2 * 3_600_000;

type Day = { date: string; start: number; end: number };

/**
 * Judges the site's meters for anomalies from their rollups and raises each
 * finding as a meter_anomaly alarm. Runs in the core's sweep timer, inside a
 * transaction. Days are judged once their data is in (a night once the meter
 * reported past it, a day once past its end); the alarm's id names the meter
 * and the day, so every station of the site raises the same alarm from the
 * same readings. Resets are found by the ledger as readings arrive and kept
 * as findings; they are raised here with the rest.
 */
export class EnergyWatch {
  readonly findings: AnomalyFindings;
  private readonly history: MeterHistory;
  private readonly statements;
  /** Meter-days already judged, by detector and date; dates out of the window are forgotten. */
  private judged = new Map<string, Set<string>>();
  /** The last hour each meter was judged stuck or idle up to. */
  private readonly judgedUpTo = new Map<string, number>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    db: Database,
    private readonly calendar: EnergyCalendar,
    private readonly thresholds: () => AnomalyThresholds,
    /** When the site link last came online, or null while it is not: silence is only a meter's when the link is up. */
    private readonly linkOnlineSince: () => number | null,
  ) {
    this.findings = new AnomalyFindings(db);
    this.history = new MeterHistory(db);
    this.statements = {
      meters: db.prepare<[], { code: string; kind: string; building: string; last_at: number }>(
        'SELECT s.code, d.kind, d.building, s.last_at FROM meter_state s JOIN devices d ON d.code = s.code WHERE s.last_at IS NOT NULL',
      ),
    };
  }

  /** Judges what is due and raises every finding not raised yet; returns the alarms raised. Inside a transaction. */
  sweep(now: number, raise: (raising: Raising) => string | null): string[] {
    if (now - this.lastSweep >= SWEEP_GAP_MS) {
      const finished = this.judge(now);
      // A sweep cut short by its budget goes on at the next tick.
      this.lastSweep = finished ? now : Number.NEGATIVE_INFINITY;
    }
    return this.findings.raisePending(raise);
  }

  /** Runs the detectors; false when the day budget ran out before every meter was judged. */
  private judge(now: number): boolean {
    const thresholds = this.thresholds();
    const days = Array.from({ length: DAYS_CHECKED }, (_, back) => this.day(this.calendar.start('1d', now) - back * DAY_MS + DAY_MS / 2)).reverse();
    this.judged = new Map(days.flatMap((day) => ['night', 'profile'].map((detector) => [`${detector}|${day.date}`, this.judged.get(`${detector}|${day.date}`) ?? new Set<string>()])));
    const keep = (finding: Finding | null) => finding && this.findings.keep(finding, now);
    let budget = DAY_BUDGET;
    for (const meter of this.meters()) {
      for (const day of days) {
        if (budget <= 0) return false;
        const nightEnd = day.start + thresholds.nightFlow.hours.toHour * 3_600_000;
        if (meter.kind === 'water' && meter.lastAt >= nightEnd && this.firstJudgement('night', day, meter.code)) {
          budget--;
          keep(nightFlow(meter.code, day, this.history.hourly(meter.code, day.start - BASELINE_NIGHTS * DAY_MS, day.end), this.calendar, thresholds.nightFlow));
        }
        if (meter.lastAt >= day.end && this.firstJudgement('profile', day, meter.code)) {
          budget--;
          // One alarm for a run of days over the profile, renewed weekly while it lasts.
          const weekBefore = this.calendar.date(day.start - 7 * DAY_MS);
          if (this.findings.foundBetween(meter.code, 'over_profile', weekBefore, day.date)) continue;
          keep(dayOverProfile(meter.code, day, this.history.hourly(meter.code, day.start - thresholds.profile.weeks * WEEK_MS, day.end), this.calendar, thresholds.profile));
        }
      }
      const upTo = this.calendar.start('1h', meter.lastAt);
      if (this.judgedUpTo.get(meter.code) === upTo) continue;
      this.judgedUpTo.set(meter.code, upTo);
      if (now - meter.lastAt <= LIVE_MS) {
        const range = stuckRange(meter, this.calendar, thresholds);
        const stuck = stuckMeter(meter, this.history.hourly(meter.code, range.from, range.to), this.calendar, thresholds);
        if (stuck && !this.findings.has(stuck.alarmId)) keep(stuck);
      }
      if (meter.kind === 'gas' && thresholds.gas.scheduled[meter.building]) {
        for (const day of days.slice(-2)) keep(gasIdle(meter, day, this.history.hourly(meter.code, day.start, day.end), this.calendar, thresholds.gas));
      }
    }
    this.silence(now, thresholds.silentMinutes);
    return true;
  }

  /** A meter gone silent, while the link that would bring its readings has been up for longer than the silence allowed. */
  private silence(now: number, silentMinutes: number): void {
    const allowed = silentMinutes * 60_000;
    const online = this.linkOnlineSince();
    if (online === null || now - online < allowed) return;
    for (const meter of this.meters()) {
      if (now - meter.lastAt < allowed) continue;
      const alarmId = `silent-${meter.code}-${meter.lastAt}`;
      if (this.findings.has(alarmId)) continue;
      const date = this.calendar.date(meter.lastAt);
      const sameDay = this.calendar.date(now) === date;
      this.findings.keep(
        {
          alarmId,
          code: meter.code,
          kind: 'silent',
          day: date,
          value: Math.round((now - meter.lastAt) / 60_000),
          baseline: silentMinutes,
          window: { fromHour: this.calendar.hour(meter.lastAt), toHour: sameDay ? this.calendar.hour(now) + 1 : 24 },
          at: meter.lastAt + allowed,
        },
        now,
      );
    }
  }

  private meters(): WatchedMeter[] {
    return this.statements.meters.all().flatMap((row) => {
      const kind = energyKindOf(row.kind);
      return kind ? [{ code: row.code, kind, building: row.building, lastAt: row.last_at }] : [];
    });
  }

  private firstJudgement(detector: string, day: Day, code: string): boolean {
    const judged = this.judged.get(`${detector}|${day.date}`)!;
    if (judged.has(code)) return false;
    judged.add(code);
    return true;
  }

  private day(at: number): Day {
    const start = this.calendar.start('1d', at);
    return { date: this.calendar.date(start), start, end: this.calendar.next('1d', start) };
  }
}
