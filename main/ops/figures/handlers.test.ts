import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS, type Role } from '../../contract';
import type { Core } from '../../core';
import { DEFAULT_TIME_ZONE } from '../../core';
import { EnergyCalendar } from '../../energy/calendar';
import { rejection, testCore, signedIn } from '../../testing/harness';
import { CSV_HEADER } from './sla-csv';

const PASSWORD = 'Figures-Desk-2026';
const calendar = new EnergyCalendar(DEFAULT_TIME_ZONE);
const today = calendar.date(Date.now());
const tomorrow = calendar.date(Date.now() + 86_400_000);
let core: Core | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
});

const as = (role: Role, username?: string) => signedIn(core!, role, { username, password: PASSWORD });

/** Why the contract refused an input: its issues' paths and messages. */
const reasons = (error: { issues?: { path: string; message: string }[] }) => (error.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`).join('; ');

const audited = (action: string) => core!.db.prepare('SELECT actor, outcome, detail FROM audit WHERE action = ? ORDER BY id').all(action) as { actor: string; outcome: string; detail: string }[];

describe('service figures and targets through the contract', () => {
  it('refuse a period that is unknown, unparsable or still to come, each with its reason', async () => {
    core = testCore();
    const duty = await as('duty_officer');
    expect(await duty.call('ops.figures', { period: 'day', at: today })).toMatchObject({ days: [today] });
    const year = await rejection(duty.call('ops.figures', { period: 'year' as 'day', at: today }));
    expect([year.code, reasons(year)]).toEqual(['invalid_input', expect.stringContaining('period: day, week or month')]);
    const garbled = await rejection(duty.call('ops.figures', { period: 'day', at: 'yesterday' }));
    expect([garbled.code, reasons(garbled)]).toEqual(['invalid_input', expect.stringContaining('YYYY-MM-DD')]);
    const noSuchDay = await rejection(duty.call('ops.figures', { period: 'month', at: '2026-02-30' }));
    expect(noSuchDay.code).toBe('invalid_input');
    const future = await rejection(duty.call('ops.figures', { period: 'week', at: tomorrow }));
    expect([future.code, future.message]).toEqual(['invalid_input', `at: ${tomorrow} is in the future (today is ${today} at the site)`]);
  });

  it('let IT set the targets and shifts, refuse a duty officer and out-of-range targets, and audit the change', async () => {
    core = testCore();
    const it = await as('it_admin', 'itadmin');
    const duty = await as('duty_officer');
    expect(await duty.call('ops.targets.get', {})).toEqual({ targets: DEFAULT_TARGETS, updatedBy: null, updatedAt: null });
    const stricter = { ...DEFAULT_TARGETS, linkAvailabilityPct: 99.99, shifts: [{ name: '早班', start: '07:00' }, { name: '中班', start: '15:00' }, { name: '夜班', start: '23:00' }] };
    expect((await rejection(duty.call('ops.targets.set', stricter))).code).toBe('forbidden');
    const tooHigh = await rejection(it.call('ops.targets.set', { ...DEFAULT_TARGETS, deviceOnlinePct: 120 }));
    expect([tooHigh.code, reasons(tooHigh)]).toEqual(['invalid_input', 'deviceOnlinePct: a percentage is 0–100']);
    const sameStart = await rejection(it.call('ops.targets.set', { ...DEFAULT_TARGETS, shifts: [{ name: 'a', start: '08:00' }, { name: 'b', start: '08:00' }] }));
    expect(reasons(sameStart)).toBe('shifts: two shifts cannot start at the same time');
    expect(await it.call('ops.targets.set', stricter)).toMatchObject({ targets: stricter, updatedBy: 'itadmin' });
    expect((await duty.call('ops.figures', { period: 'day', at: today })).alarms.byShift.map((entry) => entry.shift)).toEqual(['早班', '中班', '夜班']);
    // The refusal is in the trail as a denied call; the change with what the targets became.
    expect(core!.db.prepare("SELECT actor, target FROM audit WHERE action = 'permission.denied'").all()).toEqual([{ actor: 'dutyofficer', target: 'ops.targets.set' }]);
    expect(audited('ops.targets.set').map((row) => [row.actor, row.outcome, JSON.parse(row.detail).linkAvailabilityPct])).toEqual([['itadmin', 'ok', 99.99]]);
  });

  it('give the SLA report as CSV with a byte-order mark and a header, in either language, and audit who took it', async () => {
    core = testCore();
    const supervisor = await as('shift_supervisor');
    const zh = await supervisor.call('ops.slaReport', { period: 'month', at: today });
    expect(zh.file).toBe(`sla-month-${today}.csv`);
    expect(zh.csv.startsWith('\uFEFF')).toBe(true);
    const lines = zh.csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines[1]).toBe('linkAvailability,站点链路可用率,site,99.9,,,%,,,,,,');
    expect(lines.find((line) => line.startsWith('ackP90.critical,'))).toBe('ackP90.critical,紧急告警确认 P90,site,60,,,s,,,,,,');
    const en = await supervisor.call('ops.slaReport', { period: 'day', at: today, language: 'en' });
    expect(en.csv).toContain('deviceOnline,Device online rate,site,98,');
    expect(audited('ops.slaReport').map((row) => [row.actor, row.outcome, JSON.parse(row.detail)])).toEqual([
      ['shiftsupervisor', 'ok', { period: 'month', at: today, language: 'zh-CN' }],
      ['shiftsupervisor', 'ok', { period: 'day', at: today, language: 'en' }],
    ]);
  });
});
