import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import type { WarningRule } from '../core/contract';
import { describeError } from '../core/errors';
import { STICKY } from '../shell/sticky';
import { LevelTag } from './level';
import { useWarningRules, warningKeys } from './queries';
import { WarningRuleDialog } from './rule-dialog';
import { conditionText, scopeText } from './rule-text';
import { RowActions } from '../shell/row-actions';

const draftOf = ({ updatedBy: _by, updatedAt: _at, status: _status, ...draft }: WarningRule) => draft;

/** The site's warning rules: everyone who sees warnings reads them; commanders, supervisors and IT write them. */
export function WarningRules() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canManage = usePermission('warnings.manage');
  const { data, error, isPending } = useWarningRules();
  const [editing, setEditing] = useState<WarningRule | 'new' | null>(null);
  const done = (text: string) => {
    void queryClient.invalidateQueries({ queryKey: warningKeys.rules });
    void message.success(text);
  };
  const toggle = useMutation({
    mutationFn: (rule: WarningRule) => core.call('warningRules.save', { ...draftOf(rule), enabled: !rule.enabled }),
    onSuccess: (rule) => done(t('warnings.rules.saved', { name: rule.name })),
    onError: (failure) => void message.error(describeError(t, failure)),
  });
  const remove = useMutation({
    mutationFn: (rule: WarningRule) => core.call('warningRules.delete', { id: rule.id }).then(() => rule),
    onSuccess: (rule) => done(t('warnings.rules.deleted', { name: rule.name })),
    onError: (failure) => void message.error(describeError(t, failure)),
  });
  const columns: TableColumnsType<WarningRule> = [
    {
      key: 'enabled',
      title: t('warnings.rules.fields.enabled'),
      width: 60,
      render: (_, rule) => <Switch size="small" checked={rule.enabled} disabled={!canManage} onChange={() => toggle.mutate(rule)} aria-label={t('warnings.rules.fields.enabled')} />,
    },
    { key: 'name', title: t('warnings.rules.fields.name'), render: (_, rule) => <Typography.Text strong>{rule.name}</Typography.Text> },
    { key: 'hazard', title: t('warnings.rules.fields.hazard'), width: 90, render: (_, rule) => <Tag>{t(`warnings.hazards.${rule.hazard}`)}</Tag> },
    { key: 'level', title: t('warnings.rules.fields.level'), width: 150, render: (_, rule) => <LevelTag t={t} level={rule.level} /> },
    { key: 'condition', title: t('warnings.rules.fields.condition'), render: (_, rule) => conditionText(t, rule.condition) },
    { key: 'scope', title: t('warnings.rules.fields.scope'), render: (_, rule) => `${scopeText(t, rule.scope)} → ${t(`warnings.groupings.${rule.groupBy}`)}` },
    {
      key: 'status',
      title: '',
      width: 150,
      render: (_, rule) =>
        rule.status.capped ? <Tag color="warning">{t('warnings.rules.capped', { reason: rule.status.capped })}</Tag> : <Typography.Text type="secondary">{t('warnings.rules.places', { count: rule.status.places })}</Typography.Text>,
    },
  ];
  if (canManage)
    columns.push({
      key: 'actions',
      width: 90,
      render: (_, rule) => (
        <RowActions onEdit={() => setEditing(rule)} onDelete={() => remove.mutate(rule)} confirmDelete={t('warnings.rules.confirmDelete', { name: rule.name })} deleteLabel={t('warnings.rules.delete')} />
      ),
    });
  return (
    <div data-testid="warning-rules">
      <Space className="warning-rules-bar">
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="warning-rule-create">
            {t('warnings.rules.create')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('warnings.rules.readOnly')}</Typography.Text>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={describeError(t, error)} />}
      <Table<WarningRule> rowKey="id" size="small" columns={columns} dataSource={data} loading={isPending} pagination={false} sticky={STICKY} />
      <WarningRuleDialog open={editing !== null} rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </div>
  );
}
