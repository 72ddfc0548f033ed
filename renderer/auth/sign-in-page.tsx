import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../core/errors';
import { AuthFrame } from './auth-frame';
import { DemoAccounts } from './demo-accounts';
import { signIn } from './session';
import { useSession } from './session-store';

type Fields = { username: string; password: string };

const ENDED_MESSAGES = {
  'signed-out': 'auth.endedSignedOut',
  disabled: 'auth.endedDisabled',
  expired: 'auth.endedExpired',
} as const;

export function SignInPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const demo = useSession((state) => !!state.status?.demo);
  const ended = useSession((state) => state.ended);
  const mutation = useMutation({ mutationFn: ({ username, password }: Fields) => signIn(username.trim(), password) });

  return (
    <AuthFrame title={t('auth.signInTitle')}>
      {ended && !mutation.error && (
        <Alert type={ended === 'disabled' ? 'warning' : 'info'} showIcon title={t(ENDED_MESSAGES[ended])} className="auth-alert" />
      )}
      {mutation.error && (
        <Alert type="error" showIcon title={describeError(t, mutation.error)} className="auth-alert" data-testid="sign-in-error" />
      )}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(fields) => mutation.mutate(fields)} autoComplete="off">
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
          {mutation.isPending ? t('auth.signingIn') : t('auth.signIn')}
        </Button>
      </Form>
      {demo && <DemoAccounts onPick={(account) => form.setFieldsValue(account)} />}
    </AuthFrame>
  );
}
