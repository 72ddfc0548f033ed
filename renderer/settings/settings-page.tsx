import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import { SettingsSchema, type Settings } from '../core/contract';
import { describeError } from '../core/errors';
import { settingsKeys } from './queries';
import { PageToolbar } from '../shell/page-toolbar';

// The contract's bounds, read from its schema, so the form refuses out-of-range values before the core does.
const bounds = (name: keyof Settings) => {
  const field = SettingsSchema.shape[name];
  return { name, min: field.minValue ?? 0, max: field.maxValue ?? Number.MAX_SAFE_INTEGER };
};
const FIELDS: { name: keyof Settings; min: number; max: number; group: 'security' | 'data' }[] = [
  { ...bounds('sessionLockMinutes'), group: 'security' },
  { ...bounds('lockoutThreshold'), group: 'security' },
  { ...bounds('lockoutMinutes'), group: 'security' },
  { ...bounds('historyRetentionDays'), group: 'data' },
];

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canEdit = usePermission('settings.edit');
  const [form] = Form.useForm<Settings>();
  const { data, error } = useQuery({ queryKey: settingsKeys.current(), queryFn: () => core.call('settings.get', {}) });
  const save = useMutation({
    mutationFn: (settings: Settings) => core.call('settings.update', settings),
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsKeys.current(), settings);
      void message.success(t('settings.saved'));
    },
  });
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);

  return (
    <div className="page" data-testid="page-settings">
      <PageToolbar title={t('settings.title')}>
        {!canEdit && <Typography.Text type="secondary">{t('settings.readOnly')}</Typography.Text>}
      </PageToolbar>
      {error && <Alert type="error" showIcon title={describeError(t, error)} />}
      {save.error && <Alert type="error" showIcon title={describeError(t, save.error)} />}
      {!data ? (
        <Spin className="page-spinner" />
      ) : (
        <Form form={form} layout="horizontal" labelCol={{ span: 14 }} wrapperCol={{ span: 10 }} className="settings-form" disabled={!canEdit} initialValues={data} onFinish={(values) => save.mutate(values)}>
          {(['security', 'data'] as const).map((group) => (
            <Card key={group} size="small" title={t(`settings.${group}`)} style={{ marginBottom: 10 }}>
              {FIELDS.filter((field) => field.group === group).map(({ name, min, max }) => (
                <Form.Item key={name} name={name} label={t(`settings.${name}`)} extra={t('settings.range', { min, max })} rules={[{ required: true, type: 'integer', min, max }]}>
                  <InputNumber min={min} max={max} precision={0} style={{ width: 120 }} data-testid={`setting-${name}`} />
                </Form.Item>
              ))}
            </Card>
          ))}
          {canEdit && (
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
              {t('common.save')}
            </Button>
          )}
        </Form>
      )}
    </div>
  );
}
