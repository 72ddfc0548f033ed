import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordPolicy } from '../auth/password-policy';
import { core } from '../core/client';
import { ContractError, ROLES, type Role, type User } from '../core/contract';
import { describeError } from '../core/errors';
import { userKeys } from './queries';

const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

function roleOptions(t: TFunction) {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

/** Our own changes show at once, without waiting for the core's `users.changed`. */
function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: userKeys.all });
}

/** The frame of every user dialog: save and cancel, busy while the core works, its refusal shown on top. */
function SaveModal(props: {
  open: boolean;
  title: string;
  mutation: { isPending: boolean; error: Error | null; reset(): void };
  onSave(): void;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { mutation } = props;
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={props.onSave}
      onCancel={props.onClose}
      confirmLoading={mutation.isPending}
      afterClose={() => mutation.reset()}
      destroyOnHidden
    >
      {mutation.error && <Alert type="error" showIcon title={describeError(t, mutation.error)} className="auth-alert" data-testid="user-error" />}
      {props.children}
    </Modal>
  );
}

/** Field-level issues from the core land on the field they name. */
function fieldErrors(error: unknown) {
  if (!(error instanceof ContractError) || !error.issues) return [];
  return error.issues.map((issue) => ({ name: issue.path, errors: [issue.message] }));
}

type CreateFields = { username: string; displayName: string; role: Role; password: string };

export function CreateUserModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshUsers();
  const [form] = Form.useForm<CreateFields>();
  const password = Form.useWatch('password', form) ?? '';
  const username = Form.useWatch('username', form) ?? '';
  const mutation = useMutation({
    mutationFn: (fields: CreateFields) => core.call('users.create', { ...fields, displayName: fields.displayName.trim() }),
    onSuccess: (user) => {
      refresh();
      void message.success(t('users.created', { name: user.username }));
      form.resetFields();
      onClose();
    },
    onError: (error) => form.setFields(fieldErrors(error) as Parameters<typeof form.setFields>[0]),
  });
  return (
    <SaveModal open={open} title={t('users.create')} mutation={mutation} onSave={() => form.submit()} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ role: 'duty_officer' }} onFinish={(fields) => mutation.mutate(fields)}>
        <Form.Item name="username" label={t('users.username')} extra={t('auth.usernameRule')} rules={[{ required: true, pattern: USERNAME, message: t('auth.usernameRule') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('auth.displayNameRequired') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
          <Select options={roleOptions(t)} />
        </Form.Item>
        <Form.Item name="password" label={t('users.initialPassword')} extra={t('users.resetHint')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordPolicy password={password} username={username} />
      </Form>
    </SaveModal>
  );
}

type EditFields = { displayName: string; role: Role; disabled: boolean };

export function EditUserModal({ user, onClose }: { user: User | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshUsers();
  const [form] = Form.useForm<EditFields>();
  const mutation = useMutation({
    mutationFn: (fields: EditFields) => core.call('users.update', { id: user!.id, ...fields, displayName: fields.displayName.trim() }),
    onSuccess: (updated) => {
      refresh();
      void message.success(t('users.updated', { name: updated.username }));
      onClose();
    },
    onError: (error) => form.setFields(fieldErrors(error) as Parameters<typeof form.setFields>[0]),
  });
  return (
    <SaveModal open={!!user} title={`${t('users.edit')} · ${user?.username ?? ''}`} mutation={mutation} onSave={() => form.submit()} onClose={onClose}>
      {user && (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ displayName: user.displayName, role: user.role, disabled: user.disabled }}
          onFinish={(fields) => mutation.mutate(fields)}
        >
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('auth.displayNameRequired') }]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="role" label={t('users.role')}>
            <Select options={roleOptions(t)} />
          </Form.Item>
          <Form.Item name="disabled" label={t('users.disabledSwitch')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      )}
    </SaveModal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshUsers();
  const [form] = Form.useForm<{ password: string }>();
  const password = Form.useWatch('password', form) ?? '';
  const mutation = useMutation({
    mutationFn: ({ password }: { password: string }) => core.call('users.resetPassword', { id: user!.id, password }),
    onSuccess: () => {
      refresh();
      void message.success(t('users.passwordReset', { name: user!.username }));
      onClose();
    },
  });
  return (
    <SaveModal open={!!user} title={`${t('users.resetPassword')} · ${user?.username ?? ''}`} mutation={mutation} onSave={() => form.submit()} onClose={onClose}>
      <Alert type="info" showIcon title={t('users.resetHint')} className="auth-alert" />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(fields) => mutation.mutate(fields)}>
        <Form.Item name="password" label={t('users.temporaryPassword')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordPolicy password={password} username={user?.username ?? ''} />
      </Form>
    </SaveModal>
  );
}
