import { KeyOutlined, PlusOutlined, UnlockOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STICKY } from '../shell/sticky';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import type { User } from '../core/contract';
import { describeError } from '../core/errors';
import { useNow } from '../core/use-now';
import { userKeys, useUsers } from './queries';
import { CreateUserModal, EditUserModal, ResetPasswordModal } from './user-modals';
import { PageToolbar } from '../shell/page-toolbar';

const time = (at: number | null) => (at === null ? null : dayjs(at).format('YYYY-MM-DD HH:mm'));

const lockedUntil = (user: User, now: number) => (user.lockedUntil && user.lockedUntil > now ? user.lockedUntil : null);

function UserState({ user, now }: { user: User; now: number }) {
  const { t } = useTranslation();
  const until = lockedUntil(user, now);
  return (
    <Space size={4} wrap>
      {user.disabled ? <Tag>{t('users.disabled')}</Tag> : !until && <Tag color="green">{t('users.active')}</Tag>}
      {until && <Tag color="red">{t('users.lockedUntil', { time: dayjs(until).format('HH:mm:ss') })}</Tag>}
      {user.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
    </Space>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canManage = usePermission('users.manage');
  // A lockout ends by itself; re-check every few seconds so the list says so.
  const now = useNow(5_000);
  const { data, error, isPending } = useUsers();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const unlock = useMutation({
    mutationFn: (user: User) => core.call('users.unlock', { id: user.id }),
    onSuccess: (_, user) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void message.success(t('users.unlocked', { name: user.username }));
    },
    onError: (error) => void message.error(describeError(t, error)),
  });

  const columns: TableColumnsType<User> = [
    { key: 'username', title: t('users.username'), dataIndex: 'username', render: (name: string) => <span className="mono">{name}</span> },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
    { key: 'role', title: t('users.role'), dataIndex: 'role', render: (role: User['role']) => <Tag color="blue">{t(`roles.${role}`)}</Tag> },
    { key: 'state', title: t('users.state'), render: (_, user) => <UserState user={user} now={now} /> },
    { key: 'lastSignIn', title: t('users.lastSignIn'), dataIndex: 'lastSignInAt', render: (at: number | null) => time(at) ?? t('users.never') },
    { key: 'createdAt', title: t('users.createdAt'), dataIndex: 'createdAt', render: (at: number) => time(at) },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      title: t('users.actions'),
      width: 120,
      render: (_, user) => (
        <Space size={2}>
          <Tooltip title={t('users.edit')}>
            <Button type="text" icon={<EditOutlined />} aria-label={t('users.edit')} onClick={() => setEditing(user)} />
          </Tooltip>
          <Tooltip title={t('users.resetPassword')}>
            <Button type="text" icon={<KeyOutlined />} aria-label={t('users.resetPassword')} onClick={() => setResetting(user)} />
          </Tooltip>
          {lockedUntil(user, now) !== null && (
            <Tooltip title={t('users.unlock')}>
              <Button type="text" icon={<UnlockOutlined />} aria-label={t('users.unlock')} onClick={() => unlock.mutate(user)} />
            </Tooltip>
          )}
        </Space>
      ),
    });
  }

  return (
    <div className="page" data-testid="page-users">
      <PageToolbar title={t('users.title')}>
        <span className="toolbar-spacer" />
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('users.readOnly')}</Typography.Text>
        )}
      </PageToolbar>
      {error && <Alert type="error" showIcon title={describeError(t, error)} />}
      <Table<User> data-testid="user-table" rowKey="id" size="small" columns={columns} dataSource={data} loading={isPending} pagination={false} sticky={STICKY} />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
