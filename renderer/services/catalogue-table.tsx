import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { SERVICE_CATEGORIES, type Service, type ServiceCategory } from '../core/contract';
import { describeError } from '../core/errors';
import { serviceKeys } from './queries';
import { hoursText } from './reasons';

type Props = { services: Service[]; loading: boolean; canManage: boolean; onEdit(service: Service): void };

/** The catalogue, filtered by words and category; the property manager edits and deletes from it. */
export function CatalogueTable({ services, loading, canManage, onEdit }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [words, setWords] = useState('');
  const [category, setCategory] = useState<ServiceCategory | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => core.call('services.delete', { id }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: serviceKeys.all }),
    onError: (error) => void message.error(describeError(t, error)),
  });
  const english = i18n.language.startsWith('en');
  const shown = useMemo(() => {
    const needle = words.trim().toLowerCase();
    return services.filter(
      (service) =>
        (!category || service.category === category) &&
        (!needle || [service.name.zh, service.name.en ?? '', service.phone, ...service.tags].some((text) => text.toLowerCase().includes(needle))),
    );
  }, [services, words, category]);

  const columns: TableColumnsType<Service> = [
    {
      key: 'name',
      title: t('services.columns.name'),
      ellipsis: true,
      render: (_, service) => (
        <span data-testid="service-name">
          {english && service.name.en ? service.name.en : service.name.zh}
          <Typography.Text type="secondary" className="service-subname">
            {english ? service.name.zh : service.name.en}
          </Typography.Text>
        </span>
      ),
    },
    { key: 'category', title: t('services.columns.category'), width: 112, render: (_, service) => <Tag>{t(`services.categories.${service.category}`)}</Tag> },
    { key: 'tags', title: t('services.columns.tags'), width: 160, ellipsis: true, render: (_, service) => service.tags.join('、') },
    {
      key: 'where',
      title: t('services.columns.where'),
      width: 180,
      ellipsis: true,
      render: (_, service) => [service.where.building, t('services.distance', { distance: service.where.distance })].filter(Boolean).join(' · '),
    },
    { key: 'hours', title: t('services.columns.hours'), width: 190, ellipsis: true, render: (_, service) => hoursText(t, service.hours) },
    { key: 'suits', title: t('services.columns.suits'), width: 200, ellipsis: true, render: (_, service) => service.suits.map((household) => t(`services.households.${household}`)).join(english ? ', ' : '、') },
    { key: 'phone', title: t('services.columns.phone'), width: 130, render: (_, service) => <span className="mono">{service.phone}</span> },
    {
      key: 'active',
      title: t('services.columns.active'),
      width: 72,
      render: (_, service) => (service.active ? <Tag color="green">{t('services.active')}</Tag> : <Tag>{t('services.inactive')}</Tag>),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('services.columns.actions'),
            width: 120,
            render: (_: unknown, service: Service) => (
              <Space size={0}>
                <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onEdit(service)} data-testid="service-edit">
                  {t('services.edit')}
                </Button>
                <Popconfirm title={t('services.deleteConfirm', { name: service.name.zh })} onConfirm={() => remove.mutate(service.id)}>
                  <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid="service-delete" />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="services-filters">
        <Input.Search allowClear placeholder={t('services.search')} value={words} onChange={(event) => setWords(event.target.value)} style={{ width: 260 }} data-testid="service-search" />
        <Select
          allowClear
          placeholder={t('services.allCategories')}
          value={category}
          onChange={(value) => setCategory(value ?? null)}
          options={SERVICE_CATEGORIES.map((value) => ({ value, label: t(`services.categories.${value}`) }))}
          style={{ width: 150 }}
          data-testid="service-category-filter"
        />
        <Typography.Text type="secondary">{t('services.count', { count: shown.length })}</Typography.Text>
      </div>
      <Table<Service>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={shown}
        loading={loading}
        pagination={false}
        scroll={{ y: 'calc(100vh - 300px)' }}
        onRow={(service) => ({ 'data-id': service.id }) as React.HTMLAttributes<HTMLTableRowElement>}
        data-testid="service-table"
      />
    </>
  );
}
