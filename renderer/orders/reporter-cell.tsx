import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import type { OrderDetail } from '../core/contract';

/**
 * Who reported a repair and where they live: masked as the core sends it
 * (the technician sent there gets it in full); a role holding personal.read
 * may show it, and the core writes that to the audit trail.
 */
export function ReporterCell({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const allowed = usePermission('personal.read');
  const [shown, setShown] = useState<{ name: string | null; phone: string | null; unit: string | null } | null>(null);
  const reveal = useMutation({ mutationFn: () => core.call('orders.contact', { id: order.id }), onSuccess: setShown });
  const person = shown ?? { name: order.reporter?.name ?? null, phone: order.reporter?.phone ?? null, unit: order.place.unit ?? null };
  const text = [person.name, person.phone, person.unit && `${t('orders.detail.unit')} ${person.unit}`].filter(Boolean).join(' · ') || order.resident || '—';
  return (
    <span data-testid="order-reporter" data-state={shown ? 'revealed' : 'masked'}>
      {text}
      {allowed && !shown && (
        <Tooltip title={t('services.residents.showHint')}>
          <Button size="small" type="link" icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate()} data-testid="order-reporter-show">
            {t('services.residents.show')}
          </Button>
        </Tooltip>
      )}
      {shown && <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={() => setShown(null)} data-testid="order-reporter-hide">{t('services.residents.hide')}</Button>}
    </span>
  );
}
