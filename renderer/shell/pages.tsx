import { ExportOutlined, FireOutlined, WarningOutlined } from '@ant-design/icons';
import { AlertOutlined, ShopOutlined, ToolOutlined, ThunderboltOutlined, AuditOutlined, BulbOutlined, ClusterOutlined, ControlOutlined, DashboardOutlined, EnvironmentOutlined, KeyOutlined, NotificationOutlined, SecurityScanOutlined, SettingOutlined, TeamOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Permission } from '../core/contract';
import type { PageKey } from './ui-store';

export type PageDef = {
  key: PageKey;
  /** Shown to holders of this permission, or of any one of these. */
  permission: Permission | readonly Permission[];
  icon: ReactNode;
  component: LazyExoticComponent<ComponentType>;
};

/** Every page after sign-in, each in its own chunk, shown only to roles holding its permission. */
export const PAGES: PageDef[] = [
  {
    key: 'wall',
    permission: 'video.live',
    icon: <VideoCameraOutlined />,
    component: lazy(() => import('../video/wall-page').then((module) => ({ default: module.WallPage }))),
  },
  {
    key: 'alarms',
    permission: 'alarms.read',
    icon: <AlertOutlined />,
    component: lazy(() => import('../alarms/alarms-page').then((module) => ({ default: module.AlarmsPage }))),
  },
  {
    key: 'map',
    permission: 'devices.read',
    icon: <EnvironmentOutlined />,
    component: lazy(() => import('../map/map-page').then((module) => ({ default: module.MapPage }))),
  },
  {
    key: 'access',
    permission: 'devices.read',
    icon: <KeyOutlined />,
    component: lazy(() => import('../access/access-page').then((module) => ({ default: module.AccessPage }))),
  },
  {
    key: 'intrusion',
    permission: 'devices.read',
    icon: <SecurityScanOutlined />,
    component: lazy(() => import('../intrusion/intrusion-page').then((module) => ({ default: module.IntrusionPage }))),
  },
  {
    key: 'rules',
    permission: 'alarms.read',
    icon: <ControlOutlined />,
    component: lazy(() => import('../rules/rules-page').then((module) => ({ default: module.RulesPage }))),
  },
  {
    key: 'energy',
    permission: 'energy.read',
    icon: <ThunderboltOutlined />,
    component: lazy(() => import('../energy/energy-page').then((module) => ({ default: module.EnergyPage }))),
  },
  {
    key: 'saving',
    permission: 'energy.read',
    icon: <BulbOutlined />,
    component: lazy(() => import('../energy/saving/saving-page').then((module) => ({ default: module.SavingPage }))),
  },
  {
    key: 'devices',
    permission: 'devices.read',
    icon: <ClusterOutlined />,
    component: lazy(() => import('../devices/devices-page').then((module) => ({ default: module.DevicesPage }))),
  },
  {
    key: 'orders',
    // Managers and the front desk read every order; a technician works his own on the same page.
    permission: ['orders.read', 'orders.work'],
    icon: <ToolOutlined />,
    component: lazy(() => import('../orders/orders-page').then((module) => ({ default: module.OrdersPage }))),
  },
  {
    key: 'notices',
    permission: 'notices.read',
    icon: <NotificationOutlined />,
    component: lazy(() => import('../notices/notices-page').then((module) => ({ default: module.NoticesPage }))),
  },
  {
    key: 'services',
    permission: 'services.read',
    icon: <ShopOutlined />,
    component: lazy(() => import('../services/services-page').then((module) => ({ default: module.ServicesPage }))),
  },
  {
    key: 'warnings',
    permission: 'warnings.read',
    icon: <WarningOutlined />,
    component: lazy(() => import('../warnings/warnings-page').then((module) => ({ default: module.WarningsPage }))),
  },
  {
    key: 'incidents',
    permission: 'incidents.read',
    icon: <FireOutlined />,
    component: lazy(() => import('../incidents/incidents-page').then((module) => ({ default: module.IncidentsPage }))),
  },
  {
    key: 'users',
    permission: 'users.read',
    icon: <TeamOutlined />,
    component: lazy(() => import('../users/users-page').then((module) => ({ default: module.UsersPage }))),
  },
  {
    key: 'audit',
    permission: 'audit.read',
    icon: <AuditOutlined />,
    component: lazy(() => import('../audit/audit-page').then((module) => ({ default: module.AuditPage }))),
  },
  {
    key: 'ops',
    permission: 'ops.read',
    icon: <DashboardOutlined />,
    component: lazy(() => import('../ops/ops-page').then((module) => ({ default: module.OpsPage }))),
  },
  {
    key: 'openData',
    permission: 'openData.export',
    icon: <ExportOutlined />,
    component: lazy(() => import('../open-data/open-data-page').then((module) => ({ default: module.OpenDataPage }))),
  },
  {
    key: 'settings',
    permission: 'settings.read',
    icon: <SettingOutlined />,
    component: lazy(() => import('../settings/settings-page').then((module) => ({ default: module.SettingsPage }))),
  },
];

export function allowedPages(permissions: readonly Permission[]): PageDef[] {
  return PAGES.filter((page) => (typeof page.permission === 'string' ? [page.permission] : page.permission).some((permission) => permissions.includes(permission)));
}
