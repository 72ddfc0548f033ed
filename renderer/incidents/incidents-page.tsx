import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { describeError } from '../core/errors';
import { useFocus } from '../shell/focus';
import { PageToolbar } from '../shell/page-toolbar';
import { typingIn } from '../shell/typing';
import { IncidentBoard } from './incident-board';
import { IncidentDetail } from './incident-detail';
import { IncidentFigures } from './incident-figures';
import { IncidentFocusBar } from './focus-bar';
import { useFollowedIncident } from './follow';
import { IncidentTimeline } from './incident-timeline';
import { useIncidentsUi, type IncidentsView } from './incidents-ui';
import { NewIncidentDialog } from './new-incident-dialog';
import { IncidentSetup } from './setup/incident-setup';
import { useIncidents } from './queries';
import './incidents.css';

/** N opens a new incident, Esc closes the detail; never while typing or in a dialog. */
function useIncidentKeys(canOpen: boolean): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const inDialog = event.target instanceof Element && !!event.target.closest('[role=dialog]');
      if (typingIn(event.target) || inDialog || event.altKey || event.ctrlKey || event.metaKey) return;
      const { creating, open } = useIncidentsUi.getState();
      if (creating !== null) return;
      if (event.key.toLowerCase() === 'n' && canOpen) {
        event.preventDefault();
        useIncidentsUi.setState({ creating: { at: Date.now() } });
      } else if (event.key === 'Escape' && open !== null) useIncidentsUi.setState({ open: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canOpen]);
}

/** Incident command (事件指挥): the board of incidents by level, one incident's plan, dispatch, links and timeline, and the figures. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const canOpen = usePermission('incidents.open');
  const incidents = useIncidents();
  const view = useIncidentsUi((state) => state.view);
  const open = useIncidentsUi((state) => state.open);
  const creating = useIncidentsUi((state) => state.creating);
  const showEnded = useIncidentsUi((state) => state.showEnded);
  useIncidentKeys(canOpen);
  if (useFocus((state) => state.view) === 'timeline') return <FocusTimeline />;
  return (
    <div className="page incidents-page" data-testid="page-incidents" data-view={view}>
      <PageToolbar title={t('incidents.title')}>
        <Segmented<IncidentsView>
          value={view}
          onChange={(next) => useIncidentsUi.setState({ view: next })}
          options={[
            { value: 'board', label: t('incidents.board') },
            { value: 'figures', label: t('incidents.figures') },
            { value: 'setup', label: t('incidents.setup.view') },
          ]}
          data-testid="incident-view"
        />
        {view === 'board' && (
          <label className="incident-switch">
            <Switch size="small" checked={showEnded} onChange={(checked) => useIncidentsUi.setState({ showEnded: checked })} data-testid="incident-show-ended" />
            {t('incidents.showEnded')}
          </label>
        )}
        <span className="toolbar-spacer" />
        {canOpen && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => useIncidentsUi.setState({ creating: { at: Date.now() } })} data-testid="incident-open">
            {t('incidents.open')} (N)
          </Button>
        )}
      </PageToolbar>
      {incidents.error && <Alert type="error" showIcon title={describeError(t, incidents.error)} />}
      <div className="incidents-body">
        {view === 'board' ? <IncidentBoard incidents={incidents.data ?? []} /> : view === 'figures' ? <IncidentFigures /> : <IncidentSetup />}
        {view === 'board' && open && <IncidentDetail key={open} id={open} />}
      </div>
      {canOpen && <NewIncidentDialog key={creating?.at ?? 0} seed={creating} onClose={() => useIncidentsUi.setState({ creating: null })} />}
    </div>
  );
}

/** A command desk's timeline screen: the incident in focus, everything done about it, newest first, large. */
function FocusTimeline() {
  const { t } = useTranslation();
  const incident = useFollowedIncident();
  return (
    <div className="page incidents-page incident-focus-timeline" data-testid="page-incidents" data-view="timeline">
      {incident ? (
        <>
          <IncidentFocusBar incident={incident} />
          <div className="incident-focus-timeline-body">
            <IncidentTimeline incident={incident} />
          </div>
        </>
      ) : (
        <Alert type="info" showIcon title={t('incidents.focus.none')} />
      )}
    </div>
  );
}
