import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../auth/session-store';
import { core } from '../../core/client';
import { INCIDENT_TYPES, LEVEL_NUMERALS, type PlanDraft, type ResourceDraft } from '../../core/contract';
import { describeError } from '../../core/errors';
import { RowActions } from '../../shell/row-actions';
import { useUsers } from '../../users/queries';
import { useResources } from '../queries';
import { PlanDialog } from './plan-dialog';
import { ResourceDialog } from './resource-dialog';
import { usePlans, useSetupChange } from './queries';


/**
 * The site's response plans (one per incident type) and the teams, vehicles
 * and equipment a commander can send: read by everyone on the incident desk,
 * kept by those holding plans.manage, shared with every station.
 */
export function IncidentSetup() {
  const { t } = useTranslation();
  const canManage = usePermission('plans.manage');
  const plans = usePlans();
  const resources = useResources();
  const users = useUsers(usePermission('users.read'));
  const [plan, setPlan] = useState<PlanDraft | 'new' | null>(null);
  const [resource, setResource] = useState<ResourceDraft | 'new' | null>(null);
  const removePlan = useSetupChange((id: PlanDraft['id']) => core.call('plans.delete', { id }), t('incidents.setup.deleted'));
  const removeResource = useSetupChange((id: string) => core.call('resources.delete', { id }), t('incidents.setup.deleted'));
  // Owners are whoever the plans already name, and the resources: a step is the fire team's, or the duty officer's.
  const owners = [...new Set([...(plans.data ?? []).flatMap((kept) => kept.steps.map((step) => step.owner)), ...(resources.data ?? []).map((kept) => kept.name)])];
  const error = plans.error ?? resources.error;
  // The demo's and a fresh site's own were never edited by anyone.
  const updated = (record: { updatedAt: number; updatedBy: string }) => (record.updatedAt ? `${dayjs(record.updatedAt).format('YYYY-MM-DD HH:mm')} · ${record.updatedBy}` : t('rules.builtIn'));
  return (
    <div className="incident-setup" data-testid="incident-setup">
      {error && <Alert type="error" showIcon title={describeError(t, error)} />}
      <Card
        size="small"
        title={t('incidents.setup.plans')}
        extra={canManage && <Button icon={<PlusOutlined />} onClick={() => setPlan('new')} disabled={(plans.data?.length ?? 0) >= INCIDENT_TYPES.length} data-testid="plan-create">{t('incidents.setup.newPlan')}</Button>}
      >
        <Table
          size="small"
          rowKey="id"
          loading={plans.isPending}
          pagination={false}
          dataSource={plans.data ?? []}
          data-testid="plan-table"
          expandable={{
            expandedRowRender: (kept) => (
              <ol className="plan-step-list">
                {kept.steps.map((step) => (
                  <li key={step.id}>
                    {step.title} <Typography.Text type="secondary">· {step.owner} · {t('incidents.setup.within', { minutes: step.minutes })} · {t('incidents.setup.fromLevel', { numeral: LEVEL_NUMERALS[step.startLevel] })}</Typography.Text>
                  </li>
                ))}
              </ol>
            ),
          }}
          columns={[
            { key: 'type', title: t('incidents.form.type'), width: 110, render: (_, kept) => <Tag>{t(`incidents.types.${kept.id}`)}</Tag> },
            { key: 'name', title: t('incidents.setup.planName'), dataIndex: 'name' },
            { key: 'steps', title: t('incidents.setup.steps'), width: 90, render: (_, kept) => kept.steps.length },
            { key: 'updated', title: t('incidents.setup.updated'), width: 200, render: (_, kept) => updated(kept) },
            ...(canManage
              ? [{ key: 'actions', width: 90, render: (_: unknown, kept: PlanDraft) => <RowActions onEdit={() => setPlan(kept)} onDelete={() => removePlan.mutate(kept.id)} confirmDelete={t('incidents.setup.confirmDeletePlan', { name: kept.name })} deleteLabel={t('incidents.setup.delete')} testId="plan" /> }]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('incidents.setup.resources')} extra={canManage && <Button icon={<PlusOutlined />} onClick={() => setResource('new')} data-testid="resource-create">{t('incidents.setup.newResource')}</Button>}>
        <Table
          size="small"
          rowKey="id"
          loading={resources.isPending}
          pagination={false}
          dataSource={resources.data ?? []}
          data-testid="resource-table"
          columns={[
            { key: 'name', title: t('incidents.setup.resourceName'), dataIndex: 'name' },
            { key: 'kind', title: t('incidents.setup.kind'), width: 90, render: (_, kept) => t(`incidents.dispatch.kinds.${kept.kind}`) },
            { key: 'members', title: t('incidents.setup.members'), render: (_, kept) => kept.members.map((member) => <Tag key={member}>{member}</Tag>) },
            { key: 'updated', title: t('incidents.setup.updated'), width: 200, render: (_, kept) => updated(kept) },
            ...(canManage
              ? [{ key: 'actions', width: 90, render: (_: unknown, kept: ResourceDraft) => <RowActions onEdit={() => setResource(kept)} onDelete={() => removeResource.mutate(kept.id)} confirmDelete={t('incidents.setup.confirmDeleteResource', { name: kept.name })} deleteLabel={t('incidents.setup.delete')} testId="resource" /> }]
              : []),
          ]}
        />
      </Card>
      {plan !== null && <PlanDialog plan={plan === 'new' ? null : plan} takenTypes={(plans.data ?? []).map((kept) => kept.id)} owners={owners} onClose={() => setPlan(null)} />}
      {resource !== null && <ResourceDialog resource={resource === 'new' ? null : resource} takenIds={(resources.data ?? []).map((kept) => kept.id)} people={(users.data ?? []).map((user) => user.username)} onClose={() => setResource(null)} />}
    </div>
  );
}
