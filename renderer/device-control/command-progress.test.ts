import { describe, expect, it } from 'vitest';
import type { CommandRecord } from '../core/contract';
import { commandPhase, latestByCode, mergeCommand, tallyCommands } from './command-progress';

const NOW = 1_000_000;
const record = (status: CommandRecord['status'], expiresAt = NOW + 10_000): CommandRecord => ({
  id: 'cmd-1',
  code: '32061201011400000007',
  command: 'door.open',
  params: { reason: '访客', seconds: 3 },
  issuedBy: 'duty',
  station: 's1',
  createdAt: NOW - 1_000,
  expiresAt,
  status,
  reason: null,
  updatedAt: NOW,
});

describe('commandPhase', () => {
  it('follows a command from the station to the door', () => {
    expect(commandPhase(record('pending'), NOW)).toEqual({ step: 0, outcome: 'running' });
    expect(commandPhase(record('sent'), NOW)).toEqual({ step: 1, outcome: 'running' });
    expect(commandPhase(record('accepted'), NOW)).toEqual({ step: 2, outcome: 'running' });
    expect(commandPhase(record('done'), NOW)).toEqual({ step: 3, outcome: 'done' });
  });

  it('stops at the step that failed', () => {
    expect(commandPhase(record('expired'), NOW)).toEqual({ step: 1, outcome: 'expired' });
    expect(commandPhase(record('rejected'), NOW)).toEqual({ step: 2, outcome: 'rejected' });
    expect(commandPhase(record('failed'), NOW)).toEqual({ step: 3, outcome: 'failed' });
  });

  it('gives up on a command past its expiry that no device answered, after a grace', () => {
    expect(commandPhase(record('sent', NOW - 1_000), NOW)).toEqual({ step: 1, outcome: 'running' });
    expect(commandPhase(record('sent', NOW - 3_000), NOW)).toEqual({ step: 2, outcome: 'unanswered' });
    expect(commandPhase(record('accepted', NOW - 3_000), NOW)).toEqual({ step: 3, outcome: 'unanswered' });
  });
});

describe('mergeCommand', () => {
  it('never lets an older report overwrite a newer one', () => {
    expect(mergeCommand(record('done'), record('accepted')).status).toBe('done');
    expect(mergeCommand(record('sent'), record('accepted')).status).toBe('accepted');
    expect(mergeCommand(undefined, record('pending')).status).toBe('pending');
    expect(mergeCommand(record('expired'), record('done')).status).toBe('expired');
  });
});

it('tallies a batch as done, still going, and stopped short', () => {
  const tally = tallyCommands([record('done'), record('done'), record('sent'), record('rejected'), record('accepted', NOW - 5_000)], NOW);
  expect(tally).toEqual({ total: 5, done: 2, running: 1, stopped: 2 });
});

describe('latestByCode', () => {
  it('keeps the newest command per device while under way or just ended', () => {
    const older = { ...record('done'), id: 'a', createdAt: NOW - 5_000, updatedAt: NOW - 1_000 };
    const newer = { ...record('sent'), id: 'b', createdAt: NOW - 500 };
    const other = { ...record('accepted'), id: 'c', code: '32061201011400000099' };
    const latest = latestByCode([older, newer, other], NOW);
    expect([...latest.values()].map((command) => command.id).sort()).toEqual(['b', 'c']);
  });

  it('lets go of finished commands after a few seconds, and of unanswered ones after their expiry', () => {
    expect(latestByCode([{ ...record('done'), updatedAt: NOW - 9_000 }], NOW).size).toBe(0);
    expect(latestByCode([{ ...record('done'), updatedAt: NOW - 2_000 }], NOW).size).toBe(1);
    expect(latestByCode([record('sent', NOW - 20_000)], NOW).size).toBe(0);
  });
});
