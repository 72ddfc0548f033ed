import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { SEVERITY_COLOUR } from '../alarms/alarm-format';
import { core } from '../core/client';
import type { Rule } from '../core/contract';
import { describeError } from '../core/errors';
import { PageToolbar } from '../shell/page-toolbar';
import { STICKY } from '../shell/sticky';
import { typingIn } from '../shell/typing';
import { ruleKeys, useRules } from './queries';
import { RuleDialog } from './rule-dialog';
import { conditionText, scheduleText, scopeText } from './rule-text';
import './rules.css';
import { RowActions } from '../shell/row-actions';

/**
 * Alarm rules (报警规则): what, beyond devices' own alarms, raises an alarm
 * at this site. Everyone on duty may read them; supervisors and IT write
 * them, and every station of the site gets the change.
 */
export function RulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canManage = usePermission('rules.manage');
  const { data, error, isPending } = useRules();
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const done = (text: string) => {
    void queryClient.invalidateQueries({ queryKey: ruleKeys.all });
    void message.success(text);
  };
  const toggle = useMutation({
    mutationFn: ({ updatedBy: _by, updatedAt: _at, ...draft }: Rule) => core.call('rules.save', { ...draft, enabled: !draft.enabled }),
    onSuccess: (rule) => done(t(rule.enabled ? 'rules.enabledNow' : 'rules.disabledNow', { name: rule.name })),
    onError: (failure) => void message.error(describeError(t, failure)),
  });
  const remove = useMutation({
    mutationFn: (rule: Rule) => core.call('rules.delete', { id: rule.id }).then(() => rule),
    onSuccess: (rule) => done(t('rules.deleted', { name: rule.name })),
    onError: (failure) => void message.error(describeError(t, failure)),
  });

  // N: a new rule, as officers create one after another.
  useEffect(() => {
    if (!canManage) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'n' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target) || editing) return;
      event.preventDefault();
      setEditing('new');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canManage, editing]);

  const columns: TableColumnsType<Rule> = [
    {
      key: 'enabled',
      title: t('rules.fields.enabled'),
      width: 70,
      render: (_, rule) => <Switch size="small" checked={rule.enabled} disabled={!canManage} loading={toggle.isPending && toggle.variables?.id === rule.id} onChange={() => toggle.mutate(rule)} aria-label={t('rules.fields.enabled')} />,
    },
    { key: 'name', title: t('rules.fields.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    {
      key: 'severity',
      title: t('rules.fields.severity'),
      width: 80,
      render: (_, rule) => <Tag color={SEVERITY_COLOUR[rule.severity as 'major']}>{t(`alarms.severity.${rule.severity as 'major'}`)}</Tag>,
    },
    { key: 'condition', title: t('rules.fields.condition'), render: (_, rule) => conditionText(t, rule.condition) },
    { key: 'scope', title: t('rules.fields.scope'), render: (_, rule) => scopeText(t, rule.scope) },
    { key: 'schedule', title: t('rules.fields.schedule'), render: (_, rule) => scheduleText(t, rule.schedule) },
    {
      key: 'updated',
      title: t('rules.fields.updated'),
      width: 170,
      render: (_, rule) => (rule.updatedAt ? `${dayjs(rule.updatedAt).format('YYYY-MM-DD HH:mm')} · ${rule.updatedBy}` : t('rules.builtIn')),
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      title: t('users.actions'),
      width: 90,
      render: (_, rule) => (
        <RowActions onEdit={() => setEditing(rule)} onDelete={() => remove.mutate(rule)} confirmDelete={t('rules.confirmDelete', { name: rule.name })} deleteLabel={t('rules.delete')} />
      ),
    });
  }

  return (
    <div className="page" data-testid="page-rules">
      <PageToolbar title={t('rules.title')}>
        <Typography.Text type="secondary">{t('rules.hint')}</Typography.Text>
        <span className="toolbar-spacer" />
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('rules.create')} (N)
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('rules.readOnly')}</Typography.Text>
        )}
      </PageToolbar>
      {error && <Alert type="error" showIcon title={describeError(t, error)} />}
      <Table<Rule> data-testid="rule-table" rowKey="id" size="small" columns={columns} dataSource={data} loading={isPending} pagination={false} sticky={STICKY} rowClassName={(rule) => (rule.enabled ? '' : 'rule-off')} />
      <RuleDialog open={editing !== null} rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </div>
  );
}
