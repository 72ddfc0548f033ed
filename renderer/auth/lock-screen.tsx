import { LockOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../core/errors';
import { AuthFrame } from './auth-frame';
import { signOut, unlock } from './session';
import { useSession } from './session-store';

/** Covers the whole window while the core holds the session locked: nothing behind it is readable. */
export function LockScreen() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const name = useSession((state) => state.session?.user.displayName ?? state.lockedUser?.displayName ?? '');
  const mutation = useMutation({
    mutationFn: ({ password }: { password: string }) => unlock(password),
    onError: () => form.resetFields(),
  });
  return (
    <div className="lock-screen" role="dialog" aria-modal="true" data-testid="lock-screen">
      <AuthFrame title={t('auth.lockedTitle')}>
        <Alert type="warning" showIcon icon={<LockOutlined />} title={t('auth.lockedHint', { name })} className="auth-alert" />
        {mutation.error && <Alert type="error" showIcon title={describeError(t, mutation.error)} className="auth-alert" />}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(fields) => mutation.mutate(fields)}>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
              {t('auth.unlock')}
            </Button>
            <Button block onClick={() => void signOut()}>
              {t('auth.signOutInstead')}
            </Button>
          </Space>
        </Form>
      </AuthFrame>
    </div>
  );
}
