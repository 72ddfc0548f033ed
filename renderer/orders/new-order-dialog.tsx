import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_CATEGORIES, ORDER_PRIORITIES, type OrderCategory, type OrderPriority } from '../core/contract';
import { PhotoPicker } from './photos';
import { openOrder } from './orders-ui';
import { useOrderCall } from './use-order-call';

type Values = { category: OrderCategory; priority: OrderPriority; title: string; description?: string; building: string; floor?: string; unit?: string };

/** The front desk opens an order from a resident's call or what an officer saw. Enter submits, Esc closes. */
export function NewOrderDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<string[]>([]);
  const call = useOrderCall();
  const submit = (values: Values) => {
    const place = { building: values.building.trim(), ...(values.floor?.trim() ? { floor: values.floor.trim() } : {}), ...(values.unit?.trim() ? { unit: values.unit.trim() } : {}) };
    call.mutate(
      { method: 'orders.create', input: { title: values.title, description: values.description ?? '', category: values.category, priority: values.priority, place, photos } },
      {
        onSuccess: (order) => {
          message.success(t('orders.form.created', { id: order.id }));
          onClose();
          openOrder(order.id);
        },
      },
    );
  };
  return (
    <Modal open={open} title={t('orders.form.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('orders.form.submit')} confirmLoading={call.isPending} destroyOnHidden data-testid="order-new" width={560}>
      <Form form={form} layout="vertical" size="small" initialValues={{ category: 'plumbing', priority: 'normal' }} onFinish={submit} className="order-form">
        <div className="order-form-row">
          <Form.Item name="category" label={t('orders.form.category')} rules={[{ required: true }]}>
            <Select data-testid="new-category" options={ORDER_CATEGORIES.map((category) => ({ value: category, label: t(`orders.categories.${category}`) }))} />
          </Form.Item>
          <Form.Item name="priority" label={t('orders.form.priority')} rules={[{ required: true }]}>
            <Select data-testid="new-priority" options={ORDER_PRIORITIES.map((priority) => ({ value: priority, label: t(`orders.priorities.${priority}`) }))} />
          </Form.Item>
        </div>
        <Form.Item name="title" label={t('orders.form.what')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input placeholder={t('orders.form.whatPlaceholder')} autoFocus data-testid="new-title" />
        </Form.Item>
        <Form.Item name="description" label={t('orders.form.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <div className="order-form-row three">
          <Form.Item name="building" label={t('orders.form.building')} rules={[{ required: true, whitespace: true, max: 64 }]}>
            <Input data-testid="new-building" />
          </Form.Item>
          <Form.Item name="floor" label={t('orders.form.floor')} rules={[{ max: 64 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="unit" label={t('orders.form.unit')} rules={[{ max: 32 }]}>
            <Input />
          </Form.Item>
        </div>
        <Form.Item label={t('orders.form.photos')}>
          <PhotoPicker value={photos} onChange={setPhotos} />
        </Form.Item>
        {/* Enter in a field submits, as in every dialog of the app. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
