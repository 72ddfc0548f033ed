import { QuestionCircleOutlined } from '@ant-design/icons';
import { Empty, Layout, Menu, Popover, Spin, Tag, Typography } from 'antd';
import { Suspense, lazy, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useHeartbeat } from '../auth/heartbeat';
import { usePermission, useSession } from '../auth/session-store';
import { Clock } from './clock';
import { useDomainEvents } from './domain-events';
import { LanguageSwitch } from './language-switch';
import { LayoutAtSignIn, ScreenLayoutsButton } from './screen-layouts';
import { allowedPages } from './pages';
import { useShortcuts } from './shortcuts';
import { SiteLinkState } from './site-link';
import { showPage, useUi } from './ui-store';
import { UserMenu } from './user-menu';

// In its own chunk: sign-in and the first page do not wait for it.
const AlarmBackground = lazy(() => import('../alarms/alarm-background').then((module) => ({ default: module.AlarmBackground })));
const IncidentBackground = lazy(() => import('../incidents/incident-background').then((module) => ({ default: module.IncidentBackground })));
const OrderBackground = lazy(() => import('../orders/order-background').then((module) => ({ default: module.OrderBackground })));

function ShortcutHelp() {
  const { t } = useTranslation();
  return (
    <Popover
      title={t('shell.shortcuts')}
      content={
        <div className="shortcut-list">
          <div>{t('shell.shortcutList.search')}</div>
          <div>{t('shell.shortcutList.pages')}</div>
          <div>{t('wall.keys')}</div>
          <div>{t('alarms.keys')}</div>
          <div>{t('map.keys')}</div>
          <div>{t('orders.keys')}</div>
        </div>
      }
    >
      <QuestionCircleOutlined className="header-icon" aria-label={t('shell.shortcuts')} />
    </Popover>
  );
}

/** Everything after sign-in: header, navigation by permission, and the current page. */
export function AppShell() {
  const { t } = useTranslation();
  const permissions = useSession((state) => state.session?.permissions);
  const status = useSession((state) => state.status);
  const pages = useMemo(() => allowedPages(permissions ?? []), [permissions]);
  const requested = useUi((state) => state.page);
  const current = pages.find((page) => page.key === requested) ?? pages[0];
  useEffect(() => {
    if (current && current.key !== requested) showPage(current.key);
  }, [current, requested]);
  useHeartbeat();
  useDomainEvents();
  useShortcuts(pages);
  const hearsAlarms = usePermission('alarms.read');
  const hearsLateOrders = usePermission('orders.manage');
  const hearsIncidents = usePermission('incidents.read');

  const Page = current?.component;
  return (
    <Layout className="app-shell">
      <LayoutAtSignIn />
      {hearsAlarms && (
        <Suspense fallback={null}>
          <AlarmBackground />
        </Suspense>
      )}
      {hearsLateOrders && (
        <Suspense fallback={null}>
          <OrderBackground />
        </Suspense>
      )}
      {hearsIncidents && (
        <Suspense fallback={null}>
          <IncidentBackground />
        </Suspense>
      )}
      <Layout.Header className="app-header">
        <span className="header-logo">VIGIL</span>
        <Typography.Text strong className="header-site" data-testid="header-site">
          {status?.site}
        </Typography.Text>
        {status?.demo && <Tag color="gold">{t('app.demo')}</Tag>}
        <span className="header-spacer" />
        <SiteLinkState />
        <Clock />
        <LanguageSwitch />
        <ScreenLayoutsButton />
        <ShortcutHelp />
        <UserMenu />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={148} collapsible collapsedWidth={52} breakpoint="lg" className="app-sider">
          <Menu
            mode="inline"
            selectedKeys={current ? [current.key] : []}
            onClick={({ key }) => showPage(key as (typeof pages)[number]['key'])}
            items={pages.map((page) => ({ key: page.key, icon: page.icon, label: t(`nav.${page.key}`) }))}
            data-testid="nav"
          />
        </Layout.Sider>
        <Layout.Content className="app-content">
          {Page ? (
            <Suspense fallback={<Spin className="page-spinner" />}>
              <Page />
            </Suspense>
          ) : (
            <Empty description={t('shell.noPages')} />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
