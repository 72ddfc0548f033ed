import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import { SERVICE_CATEGORIES, type ResidentContact, type ResidentView, type ServiceCategory } from '../core/contract';
import { describeError } from '../core/errors';
import { useRecommendations, useResidents } from './queries';
import { reasonText } from './reasons';

/** Residents as their apps describe them (masked), and what is recommended to the one picked, with the reasons. */
export function ResidentsPanel() {
  const { t, i18n } = useTranslation();
  const residents = useResidents();
  const canSee = usePermission('personal.read');
  const [picked, setPicked] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<Record<string, ResidentContact>>({});
  const reveal = useMutation({
    mutationFn: (id: string) => core.call('services.residentContact', { id }),
    onSuccess: (contact, id) => setRevealed((shown) => ({ ...shown, [id]: contact })),
  });
  const hide = (id: string) =>
    setRevealed((shown) => {
      const { [id]: _hidden, ...rest } = shown;
      return rest;
    });

  const columns: TableColumnsType<ResidentView> = [
    {
      key: 'name',
      title: t('services.residents.name'),
      width: 180,
      render: (_, resident) => {
        const contact = revealed[resident.id];
        return (
          <span className="resident-person" data-testid="resident-name" data-state={contact ? 'revealed' : 'masked'}>
            <span>{contact ? `${contact.name}${contact.unit ? ` · ${contact.unit}` : ''}` : resident.name}</span>
            {canSee && !contact && (
              <Tooltip title={t('services.residents.showHint')}>
                <Button size="small" type="link" icon={<EyeOutlined />} loading={reveal.isPending && reveal.variables === resident.id} onClick={(event) => (event.stopPropagation(), reveal.mutate(resident.id))} data-testid="resident-show">
                  {t('services.residents.show')}
                </Button>
              </Tooltip>
            )}
            {contact && (
              <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={(event) => (event.stopPropagation(), hide(resident.id))} data-testid="resident-hide">
                {t('services.residents.hide')}
              </Button>
            )}
          </span>
        );
      },
    },
    { key: 'phone', title: t('services.residents.phone'), width: 115, render: (_, resident) => <span className="mono" data-testid="resident-phone">{revealed[resident.id]?.phone ?? resident.phone}</span> },
    { key: 'building', title: t('services.residents.building'), width: 100, ellipsis: true, dataIndex: 'building' },
    { key: 'household', title: t('services.residents.household'), width: 96, render: (_, resident) => t(`services.households.${resident.household}`) },
    {
      key: 'interests',
      title: t('services.residents.interests'),
      ellipsis: true,
      render: (_, resident) => resident.interests.map((interest) => ((SERVICE_CATEGORIES as readonly string[]).includes(interest) ? t(`services.categories.${interest as ServiceCategory}`) : interest)).join(i18n.language.startsWith('en') ? ', ' : '、'),
    },
    {
      key: 'consent',
      title: t('services.residents.consent'),
      width: 84,
      render: (_, resident) => (resident.consent ? <Tag color="blue">{t('services.residents.consentYes')}</Tag> : <Tag>{t('services.residents.consentNo')}</Tag>),
    },
    { key: 'updated', title: t('services.residents.updated'), width: 118, render: (_, resident) => <span className="mono">{dayjs(resident.updatedAt).format('MM-DD HH:mm')}</span> },
  ];

  const pickedResident = residents.data?.find((resident) => resident.id === picked) ?? null;
  return (
    <div className="services-residents">
      <Card size="small" title={t('services.residents.title', { count: residents.data?.length ?? 0 })} extra={<Typography.Text type="secondary">{t('services.residents.hint')}</Typography.Text>} className="services-residents-list">
        {reveal.error && <Alert type="error" showIcon title={describeError(t, reveal.error)} />}
        <Table<ResidentView>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={residents.data ?? []}
          loading={residents.isPending}
          pagination={false}
          locale={{ emptyText: t('services.residents.empty') }}
          rowClassName={(resident) => (resident.id === picked ? 'ant-table-row-selected' : '')}
          onRow={(resident) => ({ onClick: () => setPicked(resident.id), 'data-id': resident.id }) as React.HTMLAttributes<HTMLTableRowElement>}
          scroll={{ y: 'calc(100vh - 260px)' }}
          data-testid="resident-table"
        />
      </Card>
      <Recommendations id={picked} name={pickedResident ? (revealed[pickedResident.id]?.name ?? pickedResident.name) : ''} />
    </div>
  );
}

function Recommendations({ id, name }: { id: string | null; name: string }) {
  const { t, i18n } = useTranslation();
  const recommendations = useRecommendations(id);
  const english = i18n.language.startsWith('en');
  const data = recommendations.data;
  return (
    <Card size="small" title={id ? t('services.recommendations.title', { name }) : t('services.tabs.residents')} className="services-recommendations" data-testid="recommendations">
      {!id ? (
        <Empty description={t('services.recommendations.pick')} />
      ) : recommendations.error ? (
        <Alert type="error" showIcon title={describeError(t, recommendations.error)} />
      ) : data && !data.resident.consent ? (
        <Alert type="info" showIcon title={t('services.recommendations.noConsent')} data-testid="recommendations-no-consent" />
      ) : (
        <>
          <Typography.Text type="secondary" className="recommendations-basis">
            {t('services.recommendations.basis')}
          </Typography.Text>
          <List
            size="small"
            loading={recommendations.isPending}
            dataSource={data?.items ?? []}
            locale={{ emptyText: t('services.recommendations.none') }}
            renderItem={(item, index) => (
              <List.Item data-testid="recommendation" data-service={item.service}>
                <div className="recommendation">
                  <div className="recommendation-head">
                    <span className="recommendation-rank">{index + 1}</span>
                    <Typography.Text strong>{english && item.name.en ? item.name.en : item.name.zh}</Typography.Text>
                    <Tag>{t(`services.categories.${item.category}`)}</Tag>
                    <span className="mono recommendation-phone">{item.phone}</span>
                    <Typography.Text type="secondary" className="recommendation-score">
                      {t('services.recommendations.score', { score: item.score })}
                    </Typography.Text>
                  </div>
                  <ul className="recommendation-reasons">
                    {item.reasons.map((reason) => (
                      <li key={reason.code} data-testid="recommendation-reason" data-code={reason.code}>
                        {reasonText(t, reason)}
                      </li>
                    ))}
                  </ul>
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
