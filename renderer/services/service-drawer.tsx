import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { ContractError, HOUSEHOLD_TYPES, SERVICE_CATEGORIES, type Service, type ServiceDraft } from '../core/contract';
import { describeError } from '../core/errors';
import { serviceKeys } from './queries';

type Values = Omit<ServiceDraft, 'where' | 'name'> & { nameZh: string; nameEn?: string; building?: string; distance: number };

const NEW: Values = { id: '', nameZh: '', nameEn: '', category: 'shop', tags: [], description: '', phone: '', building: '', distance: 0, hours: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '20:00' }], suits: [], active: true };
const DAYS = [1, 2, 3, 4, 5, 6, 7];

const toValues = (service: Service): Values => ({ ...service, nameZh: service.name.zh, nameEn: service.name.en ?? '', building: service.where.building ?? '', distance: service.where.distance });
function toDraft({ nameZh, nameEn, building, distance, ...rest }: Values): ServiceDraft {
  return { ...rest, name: { zh: nameZh, ...(nameEn?.trim() ? { en: nameEn.trim() } : {}) }, where: { ...(building?.trim() ? { building: building.trim() } : {}), distance } };
}
/** The form field of an issue's path from the core ("where.distance" → distance, "hours.0.to" → hours). */
function fieldOf(path: string): keyof Values {
  const mapped = { 'name.zh': 'nameZh', 'name.en': 'nameEn', 'where.building': 'building', 'where.distance': 'distance' }[path.split('.').slice(0, 2).join('.')];
  const head = path.split('.')[0]!;
  return (mapped ?? (head in NEW ? head : 'nameZh')) as keyof Values;
}

/** A new id from the moment it was made: unique enough among the site's services, and never shown to residents. */
export const newServiceId = (at: number) => `svc-${at.toString(36)}`;

/** Create (service null) or edit a life service; the core checks every field and says which is wrong. */
export function ServiceDrawer({ open, service, freshId, buildings, onClose }: { open: boolean; service: Service | null; freshId: string; buildings: string[]; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [initial] = useState<Values>(() => (service ? toValues(service) : { ...NEW, id: freshId }));
  const save = useMutation({
    mutationFn: (values: Values) => core.call('services.save', toDraft({ ...initial, ...values })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: serviceKeys.all });
      void message.success(t('services.editor.saved'));
      onClose();
    },
    onError: (error) => {
      if (error instanceof ContractError && error.issues) form.setFields(error.issues.map((issue) => ({ name: fieldOf(issue.path), errors: [issue.message] })));
    },
  });
  const required = (field: string) => [{ required: true, message: t('services.editor.required', { field }) }];
  const days = (t('services.weekdayNames', { returnObjects: true }) as string[]).map((label, index) => ({ label, value: DAYS[index]! }));

  return (
    <Drawer
      open={open}
      size={520}
      title={service ? t('services.editor.editTitle') : t('services.editor.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('services.editor.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="service-save">
            {t('services.editor.save')}
          </Button>
        </Space>
      }
    >
      {save.error && !(save.error instanceof ContractError && save.error.issues) && <Alert type="error" showIcon title={describeError(t, save.error)} />}
      <Form form={form} layout="vertical" size="small" initialValues={initial} onFinish={(values) => save.mutate(values)} data-testid="service-form" requiredMark={false}>
        <Space.Compact block>
          <Form.Item name="nameZh" label={t('services.editor.nameZh')} rules={required(t('services.editor.nameZh'))} style={{ flex: 1 }}>
            <Input maxLength={64} autoFocus data-testid="service-name-zh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('services.editor.nameEn')} style={{ flex: 1, marginLeft: 8 }}>
            <Input maxLength={64} data-testid="service-name-en" />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="category" label={t('services.editor.category')} style={{ width: 160 }}>
            <Select options={SERVICE_CATEGORIES.map((value) => ({ value, label: t(`services.categories.${value}`) }))} data-testid="service-category" />
          </Form.Item>
          <Form.Item name="phone" label={t('services.editor.phone')} rules={required(t('services.editor.phone'))} style={{ flex: 1, marginLeft: 8 }}>
            <Input maxLength={20} data-testid="service-phone" />
          </Form.Item>
          <Form.Item name="active" label={t('services.editor.active')} valuePropName="checked" style={{ marginLeft: 8 }}>
            <Switch data-testid="service-active" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="tags" label={t('services.editor.tags')} extra={t('services.editor.tagsHint')}>
          <Select mode="tags" maxCount={10} tokenSeparators={[',', '，']} data-testid="service-tags" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="building" label={t('services.editor.building')} style={{ flex: 1 }}>
            <Select allowClear showSearch options={buildings.map((value) => ({ value, label: value }))} data-testid="service-building" />
          </Form.Item>
          <Form.Item name="distance" label={t('services.editor.distance')} style={{ width: 150, marginLeft: 8 }}>
            <InputNumber min={0} max={50_000} step={10} style={{ width: '100%' }} data-testid="service-distance" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="suits" label={t('services.editor.suits')}>
          <Checkbox.Group options={HOUSEHOLD_TYPES.map((value) => ({ value, label: t(`services.households.${value}`) }))} data-testid="service-suits" />
        </Form.Item>
        <Form.Item label={t('services.editor.hours')} extra={t('services.editor.appointment')}>
          <Form.List name="hours">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <div key={field.key} className="service-hours-row" data-testid="service-hours-row">
                    <Form.Item name={[field.name, 'days']} noStyle>
                      <Checkbox.Group options={days} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'from']} noStyle>
                      <Input style={{ width: 64 }} maxLength={5} aria-label={t('services.editor.hoursFrom')} />
                    </Form.Item>
                    –
                    <Form.Item name={[field.name, 'to']} noStyle>
                      <Input style={{ width: 64 }} maxLength={5} aria-label={t('services.editor.hoursTo')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </div>
                ))}
                {fields.length < 14 && (
                  <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ days: DAYS, from: '08:00', to: '20:00' })} />
                )}
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="description" label={t('services.editor.description')}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="service-description" />
        </Form.Item>
        <Form.Item name="id" label={t('services.editor.id')}>
          <Input disabled className="mono" data-testid="service-id" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
