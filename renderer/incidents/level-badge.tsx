import { useTranslation } from 'react-i18next';
import { LEVEL_NUMERALS, type IncidentState, type WarningLevel } from '../core/contract';

/** Level colours as announced (red, orange, yellow, blue), dark enough to carry white text across a room. */
export const LEVEL_BACKGROUND: Record<WarningLevel, string> = { 1: '#c62828', 2: '#e65100', 3: '#f9a825', 4: '#1565c0' };
const LEVEL_TEXT: Record<WarningLevel, string> = { 1: '#fff', 2: '#fff', 3: '#1a1a1a', 4: '#fff' };
export const STATE_COLOUR: Record<IncidentState, string> = { open: '#d32f2f', responding: '#ef6c00', contained: '#2e7d32', closed: '#757575', cancelled: '#9e9e9e' };

/** The level as it is written on every notice, Ⅰ–Ⅳ, in its colour; `large` for the board and the detail's head. */
export function LevelBadge({ level, large = false }: { level: WarningLevel; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`incident-level${large ? ' large' : ''}`} style={{ background: LEVEL_BACKGROUND[level], color: LEVEL_TEXT[level] }} title={t(`incidents.levelName.${LEVEL_NUMERALS[level]}`)} data-testid="incident-level" data-level={level}>
      {t('incidents.level', { numeral: LEVEL_NUMERALS[level] })}
    </span>
  );
}

export function StateBadge({ state, large = false }: { state: IncidentState; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`incident-state${large ? ' large' : ''}`} style={{ borderColor: STATE_COLOUR[state], color: STATE_COLOUR[state] }} data-testid="incident-state" data-state={state}>
      {t(`incidents.states.${state}`)}
    </span>
  );
}

export function DrillBadge() {
  const { t } = useTranslation();
  return (
    <span className="incident-drill" data-testid="incident-drill">
      {t('incidents.drill')}
    </span>
  );
}
