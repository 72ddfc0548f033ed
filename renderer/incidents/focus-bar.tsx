import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../core/contract';
import { DrillBadge, LevelBadge, StateBadge } from './level-badge';
import './incidents.css';

/**
 * The incident a window follows, large enough to read from across the room:
 * its level, state and title, and every resource sent with where it stands.
 */
export function IncidentFocusBar({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  return (
    <div className="incident-focus-bar" data-testid="incident-focus-bar" data-incident={incident.id}>
      <LevelBadge level={incident.level} large />
      <StateBadge state={incident.state} />
      {incident.drill && <DrillBadge />}
      <span className="incident-focus-title">{incident.title}</span>
      <span className="incident-focus-dispatches">
        {incident.dispatches.map((dispatch) => (
          <span key={dispatch.id} className={`incident-focus-dispatch is-${dispatch.status}`} data-testid="incident-focus-dispatch" data-status={dispatch.status}>
            {dispatch.name} · {t(`incidents.dispatch.statuses.${dispatch.status}`)}
          </span>
        ))}
      </span>
    </div>
  );
}
