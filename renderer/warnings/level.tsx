import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { LEVEL_COLOURS, type WarningLevel } from '../core/contract';

/** The numerals as notices print them: Ⅰ级 … Ⅳ级. */
const NUMERALS: Record<WarningLevel, string> = { 1: 'Ⅰ', 2: 'Ⅱ', 3: 'Ⅲ', 4: 'Ⅳ' };
/** antd's preset colours for the national ones; its gold reads as yellow on white. */
const TAG_COLOURS = { red: 'red', orange: 'orange', yellow: 'gold', blue: 'blue' } as const;

export const levelText = (t: TFunction, level: WarningLevel) => t('warnings.level', { numeral: NUMERALS[level], colour: t(`warnings.colours.${LEVEL_COLOURS[level]}`) });

/** A level as the control room reads it: its colour and numeral (Ⅱ级 橙色预警). */
export function LevelTag({ t, level }: { t: TFunction; level: WarningLevel }) {
  return (
    <Tag color={TAG_COLOURS[LEVEL_COLOURS[level]]} data-testid="warning-level" data-level={level}>
      {levelText(t, level)}
    </Tag>
  );
}
