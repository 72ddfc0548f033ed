import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordModal } from '../auth/change-password-modal';
import { signOut } from '../auth/session';
import { useSession } from '../auth/session-store';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useSession((state) => state.session?.user);
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  const forced = user.mustChangePassword;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword'), onClick: () => setChanging(true) },
            { type: 'divider' },
            { key: 'sign-out', icon: <LogoutOutlined />, label: t('auth.signOut'), danger: true, onClick: () => void signOut() },
          ],
        }}
      >
        <Button type="text" size="small" data-testid="user-menu">
          <UserOutlined />
          <span data-testid="user-name">{user.displayName}</span>
          <Tag color="blue" className="role-tag" data-testid="user-role">
            {t(`roles.${user.role}`)}
          </Tag>
          <DownOutlined />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing || forced} forced={forced} onClose={() => setChanging(false)} />
    </>
  );
}
