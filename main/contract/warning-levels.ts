import { z } from 'zod';

/**
 * Warning levels (预警级别) after GB/T 29639 and the national convention for
 * emergencies: I is the gravest. Warnings and incidents share them, so a
 * level-II warning opens a level-II incident and a plan step that starts at
 * level III starts for it too. Lower numbers are graver: compare with `graver`.
 */
export const WARNING_LEVELS = [1, 2, 3, 4] as const;
export const WarningLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type WarningLevel = z.infer<typeof WarningLevelSchema>;

/** The colour each level is announced in: I red, II orange, III yellow, IV blue. */
export const LEVEL_COLOURS: Record<WarningLevel, 'red' | 'orange' | 'yellow' | 'blue'> = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'blue' };

/** Roman numerals as the level is written on every notice: Ⅰ级 … Ⅳ级. */
export const LEVEL_NUMERALS: Record<WarningLevel, 'I' | 'II' | 'III' | 'IV'> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

/** Whether `a` is graver than `b` (I is graver than IV). */
export const graver = (a: WarningLevel, b: WarningLevel): boolean => a < b;

/** The gravest of some levels, or null for none. */
export const gravest = (levels: Iterable<WarningLevel>): WarningLevel | null => {
  let worst: WarningLevel | null = null;
  for (const level of levels) if (worst === null || graver(level, worst)) worst = level;
  return worst;
};
