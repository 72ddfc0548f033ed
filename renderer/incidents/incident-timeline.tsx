import { Timeline, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LEVEL_NUMERALS, type Dispatch, type IncidentDetail, type IncidentState, type LinkKind, type TimelineEntry, type WarningLevel } from '../core/contract';

const COLOUR: Record<string, string> = { open: 'red', level: 'orange', state: 'blue', dispatch: 'purple', reply: 'green', step: 'green', note: 'gray', overdue: 'red' };

/** Everything done about the incident, newest first; what arrived after the incident had moved on is struck through, and says why. */
export function IncidentTimeline({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const names = new Map(incident.dispatches.map((dispatch) => [dispatch.id, dispatch.name]));
  const steps = new Map(incident.steps.map((step) => [step.id, step.title]));
  const what = (entry: TimelineEntry) => {
    const data = entry.data as { level?: WarningLevel; state?: IncidentState; link?: { kind: LinkKind; ref: string }; outcome?: 'done' | 'skipped'; step?: string; commander?: string; name?: string; dispatch?: string; status?: Dispatch['status']; dueAt?: number };
    const link = data.link;
    return t(`incidents.kinds.${entry.kind}`, {
      defaultValue: entry.kind,
      level: data.level ? t('incidents.level', { numeral: LEVEL_NUMERALS[data.level] }) : '',
      state: data.state ? t(`incidents.states.${data.state}`) : '',
      what: link ? `${t(`incidents.links.kinds.${link.kind}`)} ${link.ref}` : '',
      outcome: data.outcome ? t(data.outcome === 'done' ? 'incidents.steps.doneButton' : 'incidents.steps.skipButton') : '',
      step: (data.step && steps.get(data.step)) ?? data.step ?? '',
      commander: data.commander ?? '',
      name: data.name ?? (data.dispatch && names.get(data.dispatch)) ?? '',
      status: data.status ? t(`incidents.dispatch.statuses.${data.status}`) : '',
      due: data.dueAt ? dayjs(data.dueAt).format('HH:mm') : '',
    });
  };
  return (
    <Timeline
      className="incident-timeline"
      data-testid="incident-timeline"
      items={[...incident.timeline].reverse().map((entry) => {
        const line = (
          <span className={entry.applied ? undefined : 'incident-entry-void'}>
            <span className="mono dim">{dayjs(entry.at).format('HH:mm:ss')}</span> <strong>{what(entry)}</strong> · {entry.by}
          </span>
        );
        const text = (entry.data as { text?: string; task?: string }).text || (entry.data as { task?: string }).task;
        return {
          key: entry.id,
          color: entry.applied ? (COLOUR[entry.kind] ?? 'blue') : 'gray',
          content: (
            <div data-testid="incident-entry" data-kind={entry.kind} data-applied={String(entry.applied)}>
              {entry.applied ? line : <Tooltip title={t('incidents.detail.notApplied')}>{line}</Tooltip>}
              {text && <div className="incident-entry-text">{text}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
