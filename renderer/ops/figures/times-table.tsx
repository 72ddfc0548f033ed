import { useTranslation } from 'react-i18next';
import type { Durations, Figures } from '../../core/contract';
import { seconds } from './period';

/** What the shifts are called on screen: the default shifts in the UI's language, IT's own names as IT wrote them. */
export function shiftName(t: (key: 'opsFigures.shifts.day' | 'opsFigures.shifts.night') => string, name: string): string {
  return name === 'day' || name === 'night' ? t(`opsFigures.shifts.${name}`) : name;
}

const hours = (ms: number | null) => (ms === null ? '–' : `${(ms / 3_600_000).toFixed(1)} h`);

/** Response and handling times overall, by severity and by shift; repair orders and incidents beside them. */
export function TimesTable({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const row = (key: string, scope: string, response: Durations, handling: Durations | null, long = false) => (
    <tr key={key}>
      <td>{scope}</td>
      <td className="mono num">{response.count}</td>
      <td className="mono num">{long ? `${hours(response.p50)} / ${hours(response.p90)}` : `${seconds(response.p50)} / ${seconds(response.p90)} s`}</td>
      <td className="mono num">{handling ? `${seconds(handling.p50)} / ${seconds(handling.p90)} s` : ''}</td>
    </tr>
  );
  return (
    <table className="ops-figures-times" data-testid="figures-times">
      <thead>
        <tr>
          <th>{t('opsFigures.times.scope')}</th>
          <th className="num">{t('opsFigures.times.count')}</th>
          <th className="num">{t('opsFigures.times.response')}</th>
          <th className="num">{t('opsFigures.times.handling')}</th>
        </tr>
      </thead>
      <tbody>
        {row('all', t('opsFigures.times.all'), figures.alarms.response, figures.alarms.handling)}
        {figures.alarms.bySeverity.map((entry) => row(`s-${entry.severity}`, t('opsFigures.times.severity', { name: t(`alarms.severity.${entry.severity}` as 'alarms.severity.critical') }), entry.response, entry.handling))}
        {figures.alarms.byShift.map((entry) => row(`h-${entry.shift}`, t('opsFigures.times.shift', { name: shiftName(t, entry.shift) }), entry.response, entry.handling))}
        {row('orders', t('opsFigures.times.orders'), figures.orders, null, true)}
        {row('incidents', t('opsFigures.times.incidents'), figures.incidents, null, true)}
      </tbody>
    </table>
  );
}
