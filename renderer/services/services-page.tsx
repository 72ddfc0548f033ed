import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import type { Service } from '../core/contract';
import { describeError } from '../core/errors';
import { PageToolbar } from '../shell/page-toolbar';
import { typingIn } from '../shell/typing';
import { CatalogueTable } from './catalogue-table';
import { useCatalogue } from './queries';
import { ResidentsPanel } from './residents-panel';
import { newServiceId, ServiceDrawer } from './service-drawer';
import './services.css';

/**
 * Life services (生活服务): the site's catalogue of services, kept by the
 * property manager (services.manage) and read by the front desk; the
 * residents as their apps describe them, masked, and what is recommended to
 * each, with the reasons.
 */
export function ServicesPage() {
  const { t } = useTranslation();
  const canManage = usePermission('services.manage');
  const catalogue = useCatalogue();
  const [tab, setTab] = useState<'catalogue' | 'residents'>('catalogue');
  const [editing, setEditing] = useState<{ service: Service | null; freshId: string; opened: number } | null>(null);
  const [opened, setOpened] = useState(0);
  const edit = (service: Service | null) => {
    setOpened((count) => count + 1);
    setEditing({ service, freshId: newServiceId(Date.now()), opened: opened + 1 });
  };
  const buildings = useMemo(() => [...new Set((catalogue.data ?? []).flatMap((service) => (service.where.building ? [service.where.building] : [])))].sort(), [catalogue.data]);

  // N: a new service, as on the other pages that keep records.
  useEffect(() => {
    if (!canManage) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'n' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target) || editing) return;
      event.preventDefault();
      setTab('catalogue');
      setOpened((count) => count + 1);
      setEditing({ service: null, freshId: newServiceId(Date.now()), opened: opened + 1 });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canManage, editing, opened]);

  return (
    <div className="page services-page" data-testid="page-services">
      <PageToolbar title={t('services.title')}>
        <Typography.Text type="secondary">{t('services.hint')}</Typography.Text>
        <span className="toolbar-spacer" />
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => (setTab('catalogue'), edit(null))} data-testid="service-create">
            {t('services.create')} (N)
          </Button>
        ) : (
          <Typography.Text type="secondary" data-testid="services-read-only">
            {t('services.readOnly')}
          </Typography.Text>
        )}
      </PageToolbar>
      {catalogue.error && <Alert type="error" showIcon title={describeError(t, catalogue.error)} />}
      <Tabs
        size="small"
        activeKey={tab}
        onChange={(key) => setTab(key as typeof tab)}
        items={[
          { key: 'catalogue', label: t('services.tabs.catalogue'), children: <CatalogueTable services={catalogue.data ?? []} loading={catalogue.isPending} canManage={canManage} onEdit={edit} /> },
          { key: 'residents', label: t('services.tabs.residents'), children: <ResidentsPanel /> },
        ]}
        data-testid="services-tabs"
      />
      {canManage && editing && <ServiceDrawer key={editing.opened} open service={editing.service} freshId={editing.freshId} buildings={buildings} onClose={() => setEditing(null)} />}
    </div>
  );
}
