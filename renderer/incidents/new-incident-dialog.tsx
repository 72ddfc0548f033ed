import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TYPES, LEVEL_NUMERALS, WARNING_LEVELS, type IncidentType, type WarningLevel } from '../core/contract';
import { openIncident, type IncidentSeed } from './incidents-ui';
import { useIncidentCall } from './queries';

type Values = { type: IncidentType; level: WarningLevel; title: string; drill: boolean; area?: string; building?: string; floor?: string };

/** Opens an incident by hand, or from an alarm (the same incident a-{alarm} at every station). Enter submits, Esc closes. */
export function NewIncidentDialog({ seed, onClose }: { seed: IncidentSeed | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const call = useIncidentCall();
  const submit = (values: Values) => {
    const trimmed = { area: values.area?.trim(), building: values.building?.trim(), floor: values.floor?.trim() };
    const place = Object.fromEntries(Object.entries(trimmed).filter(([, value]) => value));
    const input = { type: values.type, title: values.title, level: values.level, drill: values.drill, place, ...(seed?.alarm ? { from: { alarm: seed.alarm } } : {}) };
    call.mutate(
      { method: 'incidents.open', input },
      {
        onSuccess: (incident) => {
          message.success(t('incidents.form.opened', { id: incident.id }));
          onClose();
          openIncident(incident.id);
        },
      },
    );
  };
  return (
    <Modal
      open={seed !== null}
      title={seed?.alarm ? t('incidents.form.fromAlarm', { alarm: seed.alarm }) : t('incidents.form.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('incidents.form.submit')}
      confirmLoading={call.isPending}
      destroyOnHidden
      data-testid="incident-new"
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={{ type: 'fire', level: 3, drill: false, title: seed?.title ?? '', ...seed?.place }} onFinish={submit} className="incident-form">
        <div className="incident-form-row">
          <Form.Item name="type" label={t('incidents.form.type')} rules={[{ required: true }]}>
            <Select data-testid="new-incident-type" options={INCIDENT_TYPES.map((type) => ({ value: type, label: t(`incidents.types.${type}`) }))} />
          </Form.Item>
          <Form.Item name="level" label={t('incidents.form.level')} rules={[{ required: true }]}>
            <Select data-testid="new-incident-level" options={WARNING_LEVELS.map((level) => ({ value: level, label: `${t('incidents.level', { numeral: LEVEL_NUMERALS[level] })} · ${t(`incidents.levelName.${LEVEL_NUMERALS[level]}`)}` }))} />
          </Form.Item>
        </div>
        <Form.Item name="title" label={t('incidents.form.what')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input placeholder={t('incidents.form.whatPlaceholder')} autoFocus data-testid="new-incident-title" />
        </Form.Item>
        <div className="incident-form-row three">
          <Form.Item name="area" label={t('incidents.form.area')} rules={[{ max: 64 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="building" label={t('incidents.form.building')} rules={[{ max: 64 }]}>
            <Input data-testid="new-incident-building" />
          </Form.Item>
          <Form.Item name="floor" label={t('incidents.form.floor')} rules={[{ max: 64 }]}>
            <Input data-testid="new-incident-floor" />
          </Form.Item>
        </div>
        <Form.Item name="drill" valuePropName="checked">
          <Checkbox data-testid="new-incident-drill">{t('incidents.form.drill')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
