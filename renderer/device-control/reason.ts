/** Reasons are kept in the audit trail; the core refuses shorter ones (main/commands/rules.ts). */
export const MIN_REASON = 2;
export const validReason = (reason: string): boolean => reason.trim().length >= MIN_REASON;
