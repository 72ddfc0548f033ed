import { FireOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { ENDED_INCIDENT_STATES, LEVEL_NUMERALS, type IncidentSummary } from '../core/contract';
import { useCoreEvent } from '../core/use-core-event';
import { useSession } from '../auth/session-store';
import { showPage } from '../shell/ui-store';
import { openIncident, watchingIncident } from './incidents-ui';
import { LEVEL_BACKGROUND } from './level-badge';
import { useStepEscalations } from './use-step-escalations';

/**
 * Mounted for the whole signed-in session of incident readers: an incident
 * opened (here, at another station, from a warning) or raised to a graver
 * level is announced, a drill as a drill, and stays until clicked; the
 * click opens it. Plan steps escalated at their deadline are announced too.
 */
export function IncidentBackground() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  useStepEscalations();
  /** The level each incident had when this window last looked; what was there at sign-in is not news. */
  const known = useRef<Map<string, number> | null>(null);
  useEffect(() => {
    void core.call('incidents.list', {}).then((list) => (known.current = new Map(list.map((incident) => [incident.id, incident.level]))));
  }, []);
  const announce = (incident: IncidentSummary, raised: boolean) => {
    const level = t('incidents.level', { numeral: LEVEL_NUMERALS[incident.level] });
    const drill = incident.drill ? `【${t('incidents.drill')}】` : '';
    notification.open({
      key: `incident-${incident.id}`,
      title: `${drill}${level} · ${t(`incidents.types.${incident.type}`)}${raised ? ` · ${t('incidents.detail.raise')}` : ''}`,
      description: `${incident.title} · ${[incident.place.building, incident.place.floor].filter(Boolean).join(' ')}`,
      icon: <FireOutlined style={{ color: LEVEL_BACKGROUND[incident.level] }} />,
      duration: false,
      placement: 'bottomRight',
      closable: true,
      role: 'alert',
      props: { 'data-testid': 'incident-notice', 'data-drill': String(incident.drill) } as React.HTMLAttributes<HTMLDivElement>,
      onClick: () => {
        notification.destroy(`incident-${incident.id}`);
        showPage('incidents');
        openIncident(incident.id);
      },
      style: { cursor: 'pointer', borderLeft: `6px solid ${LEVEL_BACKGROUND[incident.level]}` },
    });
  };
  useCoreEvent('incidents.changed', ({ ids }) => {
    const seen = known.current;
    if (!seen || ids.length === 0) return;
    void core.call('incidents.list', {}).then((list) => {
      for (const incident of list) {
        if (!ids.includes(incident.id) || ENDED_INCIDENT_STATES.includes(incident.state)) continue;
        const before = seen.get(incident.id);
        // What this user did, or is looking at, is not news to them.
        const mine = before === undefined && incident.openedBy === useSession.getState().session?.user.username;
        if (!mine && !watchingIncident(incident.id) && (before === undefined || incident.level < before)) announce(incident, before !== undefined);
      }
      for (const incident of list) seen.set(incident.id, incident.level);
    });
  });
  return null;
}
