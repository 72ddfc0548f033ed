import { App, Button, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import type { Device } from '../core/contract';
import { describeError } from '../core/errors';

type Fields = { username: string; password: string; siteDefault: boolean };

/**
 * How the station signs in to a camera's RTSP and ONVIF services, for
 * administrators. What is stored stays in the core: it is never shown again,
 * only replaced.
 */
export function CameraCredentials({ device }: { device: Device }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [saving, setSaving] = useState(false);
  const allowed = usePermission('devices.edit');
  if (!allowed || (device.streams.length === 0 && !device.onvif)) return null;

  const save = async ({ username, password, siteDefault }: Fields) => {
    setSaving(true);
    try {
      await core.call('video.credentials', { scope: siteDefault ? '*' : device.code, username: username.trim(), password });
      message.success(t(siteDefault ? 'devices.credentials.savedDefault' : 'devices.credentials.saved', { name: device.name }));
      form.resetFields();
    } catch (error) {
      message.error(describeError(t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="camera-credentials" data-testid="camera-credentials">
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('devices.credentials.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('devices.credentials.hint')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(fields) => void save(fields)} initialValues={{ siteDefault: false }} autoComplete="off">
        <Form.Item name="username" rules={[{ required: true, whitespace: true, message: t('devices.credentials.usernameRequired') }]}>
          <Input size="small" placeholder={t('devices.credentials.username')} maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item name="password">
          <Input.Password size="small" placeholder={t('devices.credentials.password')} maxLength={128} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="siteDefault" valuePropName="checked">
          <Checkbox>{t('devices.credentials.siteDefault')}</Checkbox>
        </Form.Item>
        <Button size="small" type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Form>
    </div>
  );
}
