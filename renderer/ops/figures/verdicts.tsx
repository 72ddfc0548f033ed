import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../core/contract';
import { percentText } from './period';

/** A verdict's actual value and its target, in the target's own unit (%, seconds or hours). */
export function verdictValue(verdict: Pick<Verdict, 'key'>, value: number | null): string {
  if (value === null) return '–';
  if (verdict.key === 'orderDoneP90') return `${value.toFixed(1)} h`;
  if (verdict.key.startsWith('ackP90')) return `${Number(value.toFixed(1))} s`;
  return percentText(value);
}

/** The headline figures against IT's targets: green when met, red when missed, grey with nothing to judge. */
export function Verdicts({ verdicts }: { verdicts: readonly Verdict[] }) {
  const { t } = useTranslation();
  return (
    <div className="ops-figures-verdicts" data-testid="figures-verdicts">
      {verdicts.map((verdict) => {
        const state = verdict.met === null ? 'none' : verdict.met ? 'met' : 'missed';
        const target = verdict.key.startsWith('ackP90') || verdict.key === 'orderDoneP90' ? `≤ ${verdictValue(verdict, verdict.target)}` : `≥ ${verdictValue(verdict, verdict.target)}`;
        return (
          <div key={verdict.key} className={`panel ops-verdict ops-verdict-${state}`} data-testid={`verdict-${verdict.key}`} data-met={state}>
            <div className="ops-verdict-label">{t(`opsFigures.headline.${verdict.key}`)}</div>
            <div className="ops-verdict-value mono">{verdictValue(verdict, verdict.actual)}</div>
            <div className="ops-verdict-target">
              {t('opsFigures.target', { value: target })} · {t(state === 'none' ? 'opsFigures.noData' : state === 'met' ? 'opsFigures.met' : 'opsFigures.missed')}
            </div>
          </div>
        );
      })}
    </div>
  );
}
