import type { CommandRecord } from '../core/contract';

/** The road of a command to a door or zone: queued here, with the broker, taken by the device, done. */
export const COMMAND_STEPS = ['pending', 'sent', 'accepted', 'done'] as const;

export type CommandOutcome = 'running' | 'done' | 'rejected' | 'expired' | 'failed' | 'unanswered';
export type CommandPhase = { step: 0 | 1 | 2 | 3; outcome: CommandOutcome };

/** After its expiry a device ignores the command; allow the last acknowledgement this long to arrive. */
const ANSWER_GRACE_MS = 2_000;

/** Later statuses never give way to earlier ones, whatever order the answers come in (as in the core). */
const RANK: Record<CommandRecord['status'], number> = { pending: 0, sent: 1, accepted: 2, done: 3, rejected: 3, expired: 3, failed: 3 };

export function isFinal(status: CommandRecord['status']): boolean {
  return RANK[status] === 3;
}

/** Where a command stands, and whether it has stopped short. */
export function commandPhase(record: Pick<CommandRecord, 'status' | 'expiresAt'>, now: number): CommandPhase {
  switch (record.status) {
    case 'done':
      return { step: 3, outcome: 'done' };
    // The outbox expires what it never sent; a device rejects or fails what it was given.
    case 'expired':
      return { step: 1, outcome: 'expired' };
    case 'rejected':
      return { step: 2, outcome: 'rejected' };
    case 'failed':
      return { step: 3, outcome: 'failed' };
    case 'pending':
    case 'sent':
    case 'accepted': {
      const reached = RANK[record.status] as 0 | 1 | 2;
      // Past its expiry with no final word, the door will not open: say so rather than spin.
      if (now > record.expiresAt + ANSWER_GRACE_MS) return { step: (reached + 1) as 1 | 2 | 3, outcome: 'unanswered' };
      return { step: reached, outcome: 'running' };
    }
    default: {
      const unexpected: never = record.status;
      throw new Error(`unknown command status ${String(unexpected)}`);
    }
  }
}

/** The newer of two reports of one command. */
export function mergeCommand(previous: CommandRecord | undefined, next: CommandRecord): CommandRecord {
  if (!previous) return next;
  return RANK[next.status] > RANK[previous.status] ? next : previous;
}

export type CommandTally = { total: number; done: number; running: number; stopped: number };

/** How a batch of commands (a partition armed at once) is getting on. */
export function tallyCommands(records: readonly Pick<CommandRecord, 'status' | 'expiresAt'>[], now: number): CommandTally {
  const tally: CommandTally = { total: records.length, done: 0, running: 0, stopped: 0 };
  for (const record of records) {
    const { outcome } = commandPhase(record, now);
    if (outcome === 'done') tally.done++;
    else if (outcome === 'running') tally.running++;
    else tally.stopped++;
  }
  return tally;
}

/** How long a finished command stays beside its device in a list. */
const BADGE_MS = 8_000;

/** The latest command per device still worth showing beside it: under way, or ended moments ago. */
export function latestByCode(records: Iterable<CommandRecord>, now: number): Map<string, CommandRecord> {
  const latest = new Map<string, CommandRecord>();
  for (const record of records) {
    const endedAt = isFinal(record.status) ? record.updatedAt : record.expiresAt + ANSWER_GRACE_MS;
    if (now - endedAt > BADGE_MS) continue;
    const seen = latest.get(record.code);
    if (!seen || seen.createdAt < record.createdAt) latest.set(record.code, record);
  }
  return latest;
}
