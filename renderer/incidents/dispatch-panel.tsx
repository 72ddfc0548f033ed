import { Button, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dispatch, IncidentDetail } from '../core/contract';
import { useResources } from './queries';

const time = (at: number | null) => (at === null ? '' : dayjs(at).format('HH:mm:ss'));

/** Who is sent, and how far each has got: sent, acknowledged, arrived, released, with times and who answered. */
export function DispatchPanel({ incident, canCommand, onDispatch, onRelease }: { incident: IncidentDetail; canCommand: boolean; onDispatch(resource: string, task: string): void; onRelease(dispatch: string): void }) {
  const { t } = useTranslation();
  const resources = useResources();
  const [resource, setResource] = useState<string | null>(null);
  const [task, setTask] = useState('');
  const ended = incident.state === 'closed' || incident.state === 'cancelled';
  const out = new Set(incident.dispatches.filter((dispatch) => dispatch.status !== 'released').map((dispatch) => dispatch.resource));
  const send = () => {
    if (!resource || !task.trim()) return;
    onDispatch(resource, task.trim());
    setTask('');
    setResource(null);
  };
  return (
    <div className="dispatch-panel" data-testid="dispatch-panel">
      {incident.dispatches.length === 0 && <div className="dim">{t('incidents.dispatch.none')}</div>}
      {incident.dispatches.map((dispatch) => (
        <DispatchRow key={dispatch.id} dispatch={dispatch} canRelease={canCommand && dispatch.status !== 'released'} onRelease={() => onRelease(dispatch.id)} />
      ))}
      {canCommand && !ended && (
        <div className="dispatch-form">
          <Select
            value={resource}
            onChange={setResource}
            placeholder={t('incidents.dispatch.resource')}
            className="dispatch-resource"
            data-testid="dispatch-resource"
            options={(resources.data ?? []).map((item) => ({ value: item.id, label: `${item.name} · ${t(`incidents.dispatch.kinds.${item.kind}`)}`, disabled: out.has(item.id) }))}
          />
          <Input value={task} onChange={(event) => setTask(event.target.value)} onPressEnter={send} placeholder={t('incidents.dispatch.taskPlaceholder')} maxLength={500} data-testid="dispatch-task" />
          <Button type="primary" onClick={send} disabled={!resource || !task.trim()} data-testid="dispatch-send">
            {t('incidents.dispatch.send')}
          </Button>
        </div>
      )}
    </div>
  );
}

function DispatchRow({ dispatch, canRelease, onRelease }: { dispatch: Dispatch; canRelease: boolean; onRelease(): void }) {
  const { t } = useTranslation();
  const stages = [
    { key: 'sent', at: dispatch.sentAt, text: t('incidents.dispatch.sent', { time: time(dispatch.sentAt) }) },
    { key: 'acknowledged', at: dispatch.acknowledgedAt, text: t('incidents.dispatch.acknowledged', { time: time(dispatch.acknowledgedAt), by: dispatch.acknowledgedBy }) },
    { key: 'arrived', at: dispatch.arrivedAt, text: t('incidents.dispatch.arrived', { time: time(dispatch.arrivedAt), by: dispatch.arrivedBy }) },
    { key: 'released', at: dispatch.releasedAt, text: t('incidents.dispatch.released', { time: time(dispatch.releasedAt), by: dispatch.releasedBy }) },
  ];
  return (
    <div className={`dispatch-row ${dispatch.status}`} data-testid="dispatch-row" data-resource={dispatch.resource} data-status={dispatch.status}>
      <div className="dispatch-head">
        <span className="dispatch-name">{dispatch.name}</span>
        <span className={`dispatch-status ${dispatch.status}`}>{t(`incidents.dispatch.statuses.${dispatch.status}`)}</span>
        <span className="toolbar-spacer" />
        {canRelease && (
          <Button size="small" onClick={onRelease} data-testid="dispatch-release">
            {t('incidents.dispatch.release')}
          </Button>
        )}
      </div>
      <div className="dispatch-task">{dispatch.task}</div>
      <div className="dispatch-stages">
        {stages
          .filter((stage) => stage.at !== null)
          .map((stage) => (
            <span key={stage.key} className="dispatch-stage" data-testid={`dispatch-${stage.key}`}>
              {stage.text}
            </span>
          ))}
      </div>
    </div>
  );
}
