import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ENDED_INCIDENT_STATES, WARNING_LEVELS, type IncidentSummary } from '../core/contract';
import { openIncident, useIncidentsUi } from './incidents-ui';
import { DrillBadge, LEVEL_BACKGROUND, LevelBadge, StateBadge } from './level-badge';

const placeOf = (place: IncidentSummary['place']) => [place.area, place.building, place.floor].filter(Boolean).join(' · ');

/** Incidents by level, gravest first, one column each: what a commander reads from across the room. */
export function IncidentBoard({ incidents }: { incidents: readonly IncidentSummary[] }) {
  const { t } = useTranslation();
  const showEnded = useIncidentsUi((state) => state.showEnded);
  const selected = useIncidentsUi((state) => state.open);
  const shown = incidents.filter((incident) => showEnded || !ENDED_INCIDENT_STATES.includes(incident.state));
  return (
    <div className="incident-board" data-testid="incident-board">
      {WARNING_LEVELS.map((level) => {
        const column = shown.filter((incident) => incident.level === level);
        return (
          <section key={level} className="incident-column" style={{ borderTopColor: LEVEL_BACKGROUND[level] }} data-testid="incident-column" data-level={level}>
            <div className="incident-column-head">
              <LevelBadge level={level} />
              <span className="incident-column-count">{column.length}</span>
            </div>
            {column.map((incident) => (
              <button
                type="button"
                key={incident.id}
                className={`incident-card${incident.drill ? ' drill' : ''}${selected === incident.id ? ' selected' : ''}`}
                style={{ borderLeftColor: LEVEL_BACKGROUND[incident.level] }}
                onClick={() => openIncident(incident.id)}
                data-testid="incident-card"
                data-id={incident.id}
                data-state={incident.state}
              >
                <div className="incident-card-head">
                  <span className="incident-card-type">{t(`incidents.types.${incident.type}`)}</span>
                  {incident.drill && <DrillBadge />}
                  <span className="toolbar-spacer" />
                  <StateBadge state={incident.state} />
                </div>
                <div className="incident-card-title">{incident.title}</div>
                <div className="incident-card-meta">
                  {placeOf(incident.place) || '—'} · {dayjs(incident.openedAt).format('HH:mm')}
                  {incident.active > 0 && <> · {t('incidents.active', { count: incident.active })}</>}
                </div>
              </button>
            ))}
          </section>
        );
      })}
      {shown.length === 0 && <div className="incident-empty">{t('incidents.empty')}</div>}
    </div>
  );
}
