import { Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { core } from '../../core/client';
import { RESOURCE_KINDS, type ResourceDraft } from '../../core/contract';
import { SetupDialog } from './setup-dialog';

/** A team, vehicle or piece of equipment, and the people whose handhelds answer for it. */
export function ResourceDialog(props: { resource: ResourceDraft | null; takenIds: string[]; people: string[]; onClose(): void }) {
  const { resource, takenIds, people, onClose } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<ResourceDraft>();
  return (
    <SetupDialog
      title={resource ? t('incidents.setup.editResource', { name: resource.name }) : t('incidents.setup.newResource')}
      width={640}
      form={form}
      save={(values: ResourceDraft) => core.call('resources.save', values)}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={resource ?? { id: '', name: '', kind: 'team', members: [] }} data-testid="resource-form">
        <Space size="middle" align="start">
          <Form.Item
            name="id"
            label={t('incidents.setup.resourceId')}
            extra={t('incidents.setup.resourceIdHint')}
            rules={[
              { required: true, pattern: /^[a-z0-9_-]{2,40}$/, message: t('incidents.setup.resourceIdHint') },
              { validator: async (_, id: string) => void (!resource && takenIds.includes(id) && Promise.reject(new Error(t('incidents.setup.resourceIdTaken')))) },
            ]}
          >
            <Input disabled={resource !== null} maxLength={40} style={{ width: 200 }} data-testid="resource-id" />
          </Form.Item>
          <Form.Item name="name" label={t('incidents.setup.resourceName')} rules={[{ required: true, whitespace: true, message: t('incidents.setup.required') }]}>
            <Input maxLength={64} style={{ width: 220 }} data-testid="resource-name" />
          </Form.Item>
          <Form.Item name="kind" label={t('incidents.setup.kind')}>
            <Select style={{ width: 120 }} options={RESOURCE_KINDS.map((kind) => ({ value: kind, label: t(`incidents.dispatch.kinds.${kind}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="members" label={t('incidents.setup.members')} extra={t('incidents.setup.membersHint')} rules={[{ required: true, type: 'array', min: 1, message: t('incidents.setup.membersRequired') }]}>
          <Select mode="tags" maxCount={50} options={people.map((value) => ({ value }))} tokenSeparators={[',', '，', ' ']} data-testid="resource-members" />
        </Form.Item>
      </Form>
    </SetupDialog>
  );
}
