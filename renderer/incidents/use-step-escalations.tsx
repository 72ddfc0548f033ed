import { FieldTimeOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import type { IncidentDetail } from '../core/contract';
import { useCoreEvent } from '../core/use-core-event';
import { showPage } from '../shell/ui-store';
import { openIncident, watchingIncident } from './incidents-ui';

/**
 * Tells the people running incidents (incident readers) of plan steps
 * escalated at their deadline, here or at another station: one notice per
 * incident, a drill's marked as a drill, naming the step, its owner and how
 * late it is; it stays until clicked, and the click opens the incident. Not
 * to a window that has the incident open: its checklist shows it.
 */
export function useStepEscalations(): void {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const announce = (incident: IncidentDetail, stepIds: string[]) => {
    const steps = stepIds.flatMap((id) => incident.steps.find((step) => step.id === id) ?? []);
    const first = steps[0];
    // Whoever has the incident open sees the step turn red on its checklist.
    if (!first || watchingIncident(incident.id)) return;
    const key = `incident-overdue-${incident.id}`;
    const minutes = Math.max(1, Math.ceil((Date.now() - (first.dueAt ?? Date.now())) / 60_000));
    const owner = t(`roles.${first.owner}`, { defaultValue: first.owner });
    const more = steps.length > 1 ? ` ${t('incidents.escalation.more', { count: steps.length - 1 })}` : '';
    notification.warning({
      key,
      title: t(incident.drill ? 'incidents.escalation.drillTitle' : 'incidents.escalation.title'),
      description: `${t('incidents.escalation.body', { incident: incident.title, step: first.title, owner, minutes })}${more} · ${t('incidents.escalation.open')}`,
      icon: <FieldTimeOutlined style={{ color: '#ef5350' }} />,
      duration: false,
      placement: 'bottomRight',
      closable: true,
      role: 'alert',
      props: { 'data-testid': 'step-escalation-notice', 'data-drill': String(incident.drill) } as React.HTMLAttributes<HTMLDivElement>,
      onClick: () => {
        notification.destroy(key);
        showPage('incidents');
        openIncident(incident.id);
      },
      style: { cursor: 'pointer' },
    });
  };
  useCoreEvent('incidents.escalated', ({ ids, steps }) => {
    for (const id of ids) {
      const mine = steps.filter((step) => step.incident === id).map((step) => step.step);
      // A notice needs the incident's title and the steps' owners: it shows once they are read (an incident gone meanwhile is not news).
      void core.call('incidents.get', { id }).then((incident) => announce(incident, mine), () => undefined);
    }
  });
}
