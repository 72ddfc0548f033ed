import { CloseOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { AnomalyChart } from '../energy/anomaly-chart';
import { newIncidentFrom } from '../incidents/incidents-ui';
import { AlarmActions } from './alarm-actions';
import { alarmTitle, fullTime, placeOf, SEVERITY_COLOUR, sourceLabel, STATE_COLOUR } from './alarm-format';
import { AlarmLinkage } from './alarm-linkage';
import { useAlarmEntry } from './alarm-store';
import { useAlarmsUi } from './alarms-ui';
import { ProcedureChecklist } from './procedure-checklist';
import { useAlarmCommands } from './use-alarm-commands';

function Section({ title, extra, children }: { title: string; extra?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section className="alarm-section">
      <div className="alarm-section-head">
        {title}
        {extra}
      </div>
      {children}
    </section>
  );
}

/** The selected alarm: where and what, its procedure, the actions, who did what last, and its linkage. */
export function AlarmDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const alarm = useAlarmEntry(id);
  const { canHandle, act, step } = useAlarmCommands();
  const canReadEnergy = usePermission('energy.read');
  const canOpenIncident = usePermission('incidents.open');
  const close = () => useAlarmsUi.setState({ open: null });

  if (!alarm) {
    return (
      <aside className="panel alarm-detail" data-testid="alarm-detail">
        <div className="panel-head">
          <span className="toolbar-spacer" />
          <Button size="small" type="text" icon={<CloseOutlined />} onClick={close} aria-label={t('alarms.detail.close')} />
        </div>
        <div className="panel-body">
          <Typography.Text type="secondary">{t('alarms.detail.notInWindow')}</Typography.Text>
        </div>
      </aside>
    );
  }

  return (
    <aside className="panel alarm-detail" data-testid="alarm-detail" data-id={alarm.id} data-state={alarm.state} style={{ borderTopColor: SEVERITY_COLOUR[alarm.severity] }}>
      <div className="panel-head">
        <span className="alarm-detail-severity" style={{ background: SEVERITY_COLOUR[alarm.severity] }}>
          {t(`alarms.severity.${alarm.severity}`)}
        </span>
        <span className="alarm-detail-title">{alarmTitle(t, alarm)}</span>
        <Tag color={STATE_COLOUR[alarm.state]} data-testid="alarm-detail-state">
          {t(`alarms.states.${alarm.state}`)}
        </Tag>
        {alarm.escalated && (
          <Tooltip title={t('alarms.detail.escalated')}>
            <FieldTimeOutlined className="alarm-escalated" />
          </Tooltip>
        )}
        <span className="toolbar-spacer" />
        {canOpenIncident && (
          <Button size="small" onClick={() => newIncidentFrom({ alarm: alarm.id, title: alarmTitle(t, alarm), place: { area: alarm.area, building: alarm.building, floor: alarm.floor } })} data-testid="alarm-open-incident">
            {t('incidents.fromAlarm')}
          </Button>
        )}
        <Tooltip title={t('alarms.detail.close')}>
          <Button size="small" type="text" icon={<CloseOutlined />} onClick={close} aria-label={t('alarms.detail.close')} data-testid="alarm-detail-close" />
        </Tooltip>
      </div>
      <div className="panel-body alarm-detail-body">
        <Descriptions size="small" column={2} className="alarm-facts">
          {alarm.rule && (
            <Descriptions.Item label={t('alarms.detail.rule')} span={2}>
              <span data-testid="alarm-rule">
                {alarm.rule.name}
                {alarm.rule.metric !== undefined && ` · ${t('alarms.detail.reading', { metric: alarm.rule.metric, value: alarm.rule.value })}`}
              </span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('alarms.columns.source')} span={2}>
            {sourceLabel(alarm)}
          </Descriptions.Item>
          <Descriptions.Item label={t('alarms.columns.code')} span={2}>
            <span className="mono">{alarm.source}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('alarms.columns.place')} span={2}>
            {placeOf(alarm) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('alarms.columns.raisedAt')}>
            <span className="mono">{fullTime(alarm.raisedAt)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('alarms.columns.count')}>
            <span className="mono">{alarm.count}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('alarms.columns.lastAt')} span={2}>
            <span className="mono">{fullTime(alarm.lastAt)}</span>
          </Descriptions.Item>
        </Descriptions>
        {alarm.escalated && alarm.state === 'new' && <Alert type="warning" showIcon title={t('alarms.detail.escalated')} />}
        {alarm.type === 'meter_anomaly' && canReadEnergy && (
          <Section title={t('energy.anomaly.title')}>
            <AnomalyChart key={alarm.id} alarm={alarm.id} />
          </Section>
        )}
        <Section title={t('alarms.detail.procedure')}>
          <ProcedureChecklist alarm={alarm} canHandle={canHandle} onStep={(index) => step(alarm, index)} />
        </Section>
        {canHandle ? <AlarmActions key={alarm.id} alarm={alarm} act={(action, note) => act(alarm, action, note)} /> : <Typography.Text type="secondary">{t('alarms.detail.readOnly')}</Typography.Text>}
        <Section title={t('alarms.detail.history')}>
          <Descriptions size="small" column={1} className="alarm-facts" data-testid="alarm-history">
            <Descriptions.Item label={t('alarms.columns.by')}>{alarm.by || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('alarms.columns.station')}>
              <span className="mono">{alarm.station || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('alarms.columns.note')}>{alarm.note || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('alarms.detail.updatedAt')}>
              <span className="mono">{fullTime(alarm.updatedAt)}</span>
            </Descriptions.Item>
          </Descriptions>
        </Section>
        <Section title={t('alarms.linkage.title')}>
          <AlarmLinkage key={alarm.id} alarm={alarm} />
        </Section>
      </div>
    </aside>
  );
}
