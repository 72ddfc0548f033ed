import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { describeError } from '../core/errors';
import { PasswordPolicy } from './password-policy';
import { passwordChanged } from './session';
import { useSession } from './session-store';

type Fields = { current: string; next: string; confirm: string };

/** Change one's own password; forced (no cancel) after an administrator reset it. */
export function ChangePasswordModal({ open, forced, onClose }: { open: boolean; forced: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const next = Form.useWatch('next', form) ?? '';
  const username = useSession((state) => state.session?.user.username ?? '');
  const mutation = useMutation({
    mutationFn: ({ current, next }: Fields) => core.call('auth.changePassword', { current, next }),
    onSuccess: () => {
      passwordChanged();
      void message.success(t('auth.passwordChanged'));
      form.resetFields();
      onClose();
    },
  });
  const close = () => {
    form.resetFields();
    mutation.reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={forced ? undefined : close}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon title={t('auth.mustChange')} className="auth-alert" />}
      {mutation.error && <Alert type="error" showIcon title={describeError(t, mutation.error)} className="auth-alert" />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(fields) => mutation.mutate(fields)}>
        <Form.Item name="current" label={t('auth.currentPassword')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="next" label={t('auth.newPassword')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['next']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordPolicy password={next} username={username} />
      </Form>
    </Modal>
  );
}
