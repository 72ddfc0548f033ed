import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Spin } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission, useSession } from '../auth/session-store';
import type { IncidentAction, IncidentDetail as Incident, IncidentLink, IncidentState, WarningLevel } from '../core/contract';
import { describeError } from '../core/errors';
import { focusIncident } from '../shell/focus';
import { DispatchPanel } from './dispatch-panel';
import { EvidenceExport } from './evidence-export';
import { IncidentLinks } from './incident-links';
import { IncidentTimeline } from './incident-timeline';
import { useIncidentsUi } from './incidents-ui';
import { DrillBadge, LEVEL_BACKGROUND, LevelBadge, StateBadge } from './level-badge';
import { PlanChecklist } from './plan-checklist';
import { useIncident, useIncidentCall } from './queries';

/** An action on this incident (its id is added). */
type Action = IncidentAction extends infer A ? (A extends IncidentAction ? Omit<A, 'id'> : never) : never;

/** Where each state may go next from a station; the fold has the last word. */
const NEXT: Record<IncidentState, Exclude<IncidentState, 'open'>[]> = { open: ['responding', 'contained', 'cancelled'], responding: ['contained', 'closed', 'cancelled'], contained: ['responding', 'closed'], closed: [], cancelled: [] };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="incident-section">
      <div className="incident-section-head">{title}</div>
      {children}
    </section>
  );
}

/** One incident in full, for its commander: level and state large, the plan, who is sent, what is linked, and the timeline. */
export function IncidentDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useIncident(id);
  const incident = detail.data;
  const close = () => useIncidentsUi.setState({ open: null });
  // The incident open here is the desk's focus: the map, wall and timeline windows of a command desk follow it.
  useEffect(() => focusIncident(id), [id]);
  return (
    <aside className="panel incident-detail" data-testid="incident-detail" data-id={id} data-state={incident?.state} style={incident ? { borderTopColor: LEVEL_BACKGROUND[incident.level] } : undefined}>
      <div className="panel-head">
        <span className="toolbar-spacer" />
        <Button size="small" type="text" icon={<CloseOutlined />} onClick={close} aria-label={t('incidents.detail.close')} data-testid="incident-close" />
      </div>
      {detail.error && <Alert type="error" showIcon title={describeError(t, detail.error)} />}
      {!incident && !detail.error && <Spin />}
      {incident && <IncidentBody incident={incident} />}
    </aside>
  );
}

function IncidentBody({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const canCommand = usePermission('incidents.command');
  const canOpen = usePermission('incidents.open');
  const canExport = usePermission('evidence.export');
  const me = useSession((state) => state.session?.user.username ?? '');
  const call = useIncidentCall();
  const [note, setNote] = useState('');
  const act = (action: Action) => call.mutate({ method: 'incidents.act', input: { id: incident.id, ...action } });
  const ended = incident.state === 'closed' || incident.state === 'cancelled';
  const level = (to: number) => to >= 1 && to <= 4 && act({ action: 'level', level: to as WarningLevel, text: '' });
  const place = [incident.place.area, incident.place.building, incident.place.floor].filter(Boolean).join(' · ');
  const source = incident.source;
  const addNote = () => {
    if (!note.trim()) return;
    act({ action: 'note', text: note.trim() });
    setNote('');
  };
  return (
    <div className="panel-body incident-body" data-drill={String(incident.drill)}>
      <div className="incident-head">
        <LevelBadge level={incident.level} large />
        <StateBadge state={incident.state} large />
        {incident.drill && <DrillBadge />}
      </div>
      <div className="incident-title" data-testid="incident-title">
        {t(`incidents.types.${incident.type}`)} · {incident.title}
      </div>
      <div className="incident-facts">
        <span>{place || '—'}</span>
        <span>{t('incidents.openedAt', { time: dayjs(incident.openedAt).format('MM-DD HH:mm:ss') })}</span>
        <span>{t(`incidents.sources.${source.kind}`, { by: incident.openedBy, ref: source.kind === 'alarm' ? source.alarm : source.kind === 'warning' ? source.warning : '' })}</span>
        <span>
          {t('incidents.commander')}: <strong data-testid="incident-commander">{incident.commander ?? t('incidents.noCommander')}</strong>
        </span>
      </div>
      {canCommand && !ended && (
        <div className="incident-commands">
          <Button icon={<ArrowUpOutlined />} disabled={incident.level === 1} onClick={() => level(incident.level - 1)} data-testid="incident-raise">
            {t('incidents.detail.raise')}
          </Button>
          <Button icon={<ArrowDownOutlined />} disabled={incident.level === 4} onClick={() => level(incident.level + 1)} data-testid="incident-lower">
            {t('incidents.detail.lower')}
          </Button>
          {NEXT[incident.state].map((state) => (
            <Button key={state} danger={state === 'cancelled'} type={state === 'closed' ? 'primary' : 'default'} onClick={() => act({ action: 'state', state, text: '' })} data-testid={`incident-to-${state}`}>
              {t(`incidents.detail.toState.${state}`)}
            </Button>
          ))}
          {incident.commander !== me && (
            <Button onClick={() => act({ action: 'commander', commander: me })} data-testid="incident-take-command">
              {t('incidents.detail.takeCommand')}
            </Button>
          )}
        </div>
      )}
      <Section title={t('incidents.detail.plan')}>
        <PlanChecklist incident={incident} canCommand={canCommand} onStep={(step, outcome) => act({ action: 'step', step, outcome, text: '' })} />
      </Section>
      <Section title={t('incidents.detail.dispatch')}>
        <DispatchPanel
          incident={incident}
          canCommand={canCommand}
          onDispatch={(resource, task) => call.mutate({ method: 'incidents.dispatch', input: { id: incident.id, resource, task } })}
          onRelease={(dispatch) => call.mutate({ method: 'incidents.release', input: { id: incident.id, dispatch } })}
        />
      </Section>
      <Section title={t('incidents.detail.links')}>
        <IncidentLinks links={incident.links} canLink={canOpen} onLink={(action, link: IncidentLink) => act({ action, link })} />
      </Section>
      <Section title={t('incidents.detail.timeline')}>
        {canOpen && (
          <div className="incident-note">
            <Input value={note} onChange={(event) => setNote(event.target.value)} onPressEnter={addNote} placeholder={t('incidents.detail.notePlaceholder')} maxLength={1000} data-testid="incident-note" />
            <Button onClick={addNote} disabled={!note.trim()}>
              {t('incidents.detail.addNote')}
            </Button>
          </div>
        )}
        <IncidentTimeline incident={incident} />
      </Section>
      {canExport && (
        <Section title={t('incidents.evidence.title')}>
          <EvidenceExport incident={incident.id} />
        </Section>
      )}
    </div>
  );
}
