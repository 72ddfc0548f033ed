import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../core/errors';
import { AuthFrame } from './auth-frame';
import { PasswordPolicy } from './password-policy';
import { setUp } from './session';

type Fields = { username: string; displayName: string; password: string; confirm: string };

const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

/** First start: nothing works until the IT administrator exists. */
export function SetupPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const password = Form.useWatch('password', form) ?? '';
  const username = Form.useWatch('username', form) ?? '';
  const mutation = useMutation({
    mutationFn: ({ username, displayName, password }: Fields) => setUp({ username, displayName: displayName.trim(), password }),
  });

  return (
    <AuthFrame title={t('auth.setupTitle')}>
      <Alert type="info" showIcon title={t('auth.setupHint')} className="auth-alert" />
      {mutation.error && (
        <Alert type="error" showIcon title={describeError(t, mutation.error)} className="auth-alert" data-testid="setup-error" />
      )}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(fields) => mutation.mutate(fields)} autoComplete="off">
        <Form.Item
          name="username"
          label={t('auth.username')}
          extra={t('auth.usernameRule')}
          rules={[{ required: true, pattern: USERNAME, message: t('auth.usernameRule') }]}
        >
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('auth.displayName')} rules={[{ required: true, whitespace: true, message: t('auth.displayNameRequired') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordPolicy password={password} username={username} />
        <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
          {t('auth.createAdmin')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
