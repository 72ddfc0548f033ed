import type { SavingLoad, SavingRun } from '../../core/contract';

/** A colour per load, for its tag in the table and its runs in the calendar. */
export const LOAD_COLOUR: Record<SavingLoad, string> = { lighting: 'gold', hvac: 'geekblue', pump: 'cyan' };

/** What became of a command, at a glance: under way in blue, done in green, lost in red or orange. */
export const RUN_STATUS_COLOUR: Record<SavingRun['status'], string> = {
  pending: 'default',
  sent: 'processing',
  accepted: 'blue',
  done: 'success',
  rejected: 'error',
  expired: 'warning',
  failed: 'error',
  refused: 'volcano',
};
