import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Divider, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { ContractError, DEVICE_EVENT_TYPE_NAMES, DEVICE_KINDS, HAZARDS, WARNING_CONDITION_KINDS, WARNING_GROUPINGS, WARNING_LEVELS, type WarningRule, type WarningRuleDraft } from '../core/contract';
import { describeError } from '../core/errors';
import { DryRunPanel } from './dry-run';
import { levelText } from './level';
import { warningKeys } from './queries';

const METRICS = ['temperature', 'humidity', 'co', 'pm25', 'water_level', 'kw', 'm3h', 'people'];
const PART = { threshold: { kind: 'threshold', metric: 'temperature', op: 'above', value: 60, forSeconds: 30 }, rate: { kind: 'rate', metric: 'temperature', direction: 'rising', perMinute: 5, windowSeconds: 60 }, count: { kind: 'count', eventType: 'smoke', atLeast: 1, windowSeconds: 300 } } as const;
const NEW_RULE: WarningRuleDraft = {
  id: '',
  name: '',
  enabled: true,
  hazard: 'fire',
  level: 3,
  scope: { kinds: [], area: '', building: '', floor: '', devices: [] },
  groupBy: 'floor',
  condition: { ...PART.rate },
};
const newId = () => `wr-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** The fields of one condition (a rule's, or one part of a combination's) at `path`. */
function ConditionFields({ path, kind }: { path: (string | number)[]; kind: string | undefined }) {
  const { t } = useTranslation();
  const name = (leaf: string): NamePath => [...path, leaf];
  const seconds = (leaf: string, min: number) => (
    <Form.Item name={name(leaf)} label={t(`warnings.rules.fields.${leaf as 'windowSeconds'}`)} rules={[{ required: true }]}>
      <InputNumber min={min} max={86_400} style={{ width: 120 }} />
    </Form.Item>
  );
  if (kind === 'threshold')
    return (
      <Space wrap align="start">
        <Form.Item name={name('metric')} label={t('warnings.rules.fields.metric')} rules={[{ required: true }]}>
          <AutoComplete options={METRICS.map((value) => ({ value }))} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name={name('op')} label={t('warnings.rules.fields.op')}>
          <Select style={{ width: 90 }} options={(['above', 'below'] as const).map((value) => ({ value, label: t(`warnings.rules.ops.${value}`) }))} />
        </Form.Item>
        <Form.Item name={name('value')} label={t('warnings.rules.fields.value')} rules={[{ required: true }]}>
          <InputNumber style={{ width: 110 }} />
        </Form.Item>
        {seconds('forSeconds', 0)}
      </Space>
    );
  if (kind === 'rate')
    return (
      <Space wrap align="start">
        <Form.Item name={name('metric')} label={t('warnings.rules.fields.metric')} rules={[{ required: true }]}>
          <AutoComplete options={METRICS.map((value) => ({ value }))} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name={name('direction')} label={t('warnings.rules.fields.direction')}>
          <Select style={{ width: 90 }} options={(['rising', 'falling'] as const).map((value) => ({ value, label: t(`warnings.rules.directions.${value}`) }))} />
        </Form.Item>
        <Form.Item name={name('perMinute')} label={t('warnings.rules.fields.perMinute')} rules={[{ required: true }]}>
          <InputNumber min={0} style={{ width: 110 }} />
        </Form.Item>
        {seconds('windowSeconds', 10)}
      </Space>
    );
  if (kind === 'count')
    return (
      <Space wrap align="start">
        <Form.Item name={name('eventType')} label={t('warnings.rules.fields.eventType')}>
          <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 180 }} options={DEVICE_EVENT_TYPE_NAMES.map((value) => ({ value, label: t(`alarms.types.${value}`) }))} />
        </Form.Item>
        <Form.Item name={name('atLeast')} label={t('warnings.rules.fields.atLeast')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10_000} style={{ width: 100 }} />
        </Form.Item>
        {seconds('windowSeconds', 1)}
      </Space>
    );
  return null;
}

/** The parts of a combination, each with its own kind (never a combination). */
function CombinationParts() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<WarningRuleDraft>();
  const parts = Form.useWatch(['condition', 'parts'], form) as { kind: string }[] | undefined;
  return (
    <Form.List name={['condition', 'parts']}>
      {(fields, { add, remove }) => (
        <div className="warning-parts" data-testid="warning-parts">
          {fields.map((field, index) => (
            <div key={field.key} className="warning-part">
              <Space align="start">
                <Form.Item name={[field.name, 'kind']}>
                  <Select
                    style={{ width: 110 }}
                    options={(['threshold', 'rate', 'count'] as const).map((value) => ({ value, label: t(`warnings.rules.kinds.${value}`) }))}
                    onChange={(kind: 'threshold') => form.setFieldValue(['condition', 'parts', field.name], { ...PART[kind] })}
                  />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('warnings.rules.removePart')} onClick={() => remove(field.name)} disabled={fields.length <= 2} />
              </Space>
              {/* Inside the list, names are the list's: the part's own fields are [index, leaf]. */}
              <ConditionFields path={[field.name]} kind={parts?.[index]?.kind} />
            </div>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ ...PART.threshold })} disabled={fields.length >= 6}>
            {t('warnings.rules.addPart')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** Create (rule null) or edit a warning rule, and dry-run the draft over the stored history. */
export function WarningRuleDialog({ open, rule, onClose }: { open: boolean; rule: WarningRule | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<WarningRuleDraft>();
  const kind = Form.useWatch(['condition', 'kind'], form);
  const draftOf = async (): Promise<WarningRuleDraft> => {
    // A field the form itself refuses is named in the dialog; the dry run says so rather than fail without a reason.
    const values = await form.validateFields().catch((invalid: { errorFields?: { errors: string[] }[] }) => {
      throw new Error(invalid.errorFields?.[0]?.errors[0] ?? String(invalid));
    });
    return { ...NEW_RULE, ...values, id: rule?.id ?? (form.getFieldValue('id') as string | undefined) ?? newId() } as WarningRuleDraft;
  };
  const save = useMutation({
    mutationFn: async () => core.call('warningRules.save', await draftOf()),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: warningKeys.rules });
      void message.success(t('warnings.rules.saved', { name: saved.name }));
      onClose();
    },
    onError: (error) => {
      if (!(error instanceof ContractError) || !error.issues) return;
      form.setFields(error.issues.map((issue) => ({ name: issue.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors: [issue.message] })) as Parameters<typeof form.setFields>[0]);
    },
  });
  const changeKind = (next: WarningRuleDraft['condition']['kind']) =>
    form.setFieldValue('condition', next === 'combination' ? { kind: next, windowSeconds: 120, parts: [{ ...PART.count }, { ...PART.rate }] } : { ...PART[next] });
  const { updatedBy: _by, updatedAt: _at, status: _status, ...initial } = rule ?? { ...NEW_RULE, id: newId(), updatedBy: '', updatedAt: 0, status: { places: 0, capped: null } };
  return (
    <Modal
      open={open}
      title={rule ? t('warnings.rules.edit', { name: rule.name }) : t('warnings.rules.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => save.mutate()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      afterClose={() => save.reset()}
      width={760}
      destroyOnHidden
    >
      {save.error && !(save.error instanceof ContractError && save.error.issues) && <Alert type="error" showIcon title={describeError(t, save.error)} />}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={initial} className="warning-rule-form" data-testid="warning-rule-form">
        <Form.Item name="id" hidden>
          <Input />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="name" label={t('warnings.rules.fields.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={64} style={{ width: 260 }} data-testid="warning-rule-name" />
          </Form.Item>
          <Form.Item name="hazard" label={t('warnings.rules.fields.hazard')}>
            <Select style={{ width: 120 }} options={HAZARDS.map((value) => ({ value, label: t(`warnings.hazards.${value}`) }))} />
          </Form.Item>
          <Form.Item name="enabled" label={t('warnings.rules.fields.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="level" label={t('warnings.rules.fields.level')}>
            <Radio.Group optionType="button" options={WARNING_LEVELS.map((value) => ({ value, label: levelText(t, value) }))} />
          </Form.Item>
          <Form.Item name="groupBy" label={t('warnings.rules.fields.groupBy')}>
            <Select style={{ width: 100 }} options={WARNING_GROUPINGS.map((value) => ({ value, label: t(`warnings.groupings.${value}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name={['condition', 'kind']} label={t('warnings.rules.fields.kind')}>
          <Radio.Group optionType="button" buttonStyle="solid" onChange={(event) => changeKind(event.target.value as 'rate')} options={WARNING_CONDITION_KINDS.map((value) => ({ value, label: t(`warnings.rules.kinds.${value}`) }))} data-testid="warning-rule-kind" />
        </Form.Item>
        {kind === 'combination' ? (
          <>
            <Form.Item name={['condition', 'windowSeconds']} label={t('warnings.rules.fields.windowSeconds')} extra={t('warnings.rules.fields.parts')}>
              <InputNumber min={1} max={86_400} style={{ width: 120 }} />
            </Form.Item>
            <CombinationParts />
          </>
        ) : (
          <ConditionFields path={['condition']} kind={kind} />
        )}
        <Divider titlePlacement="start" plain>
          {t('warnings.rules.fields.scope')}
        </Divider>
        <Space wrap align="start">
          <Form.Item name={['scope', 'kinds']} label={t('warnings.rules.fields.kinds')}>
            <Select mode="multiple" allowClear style={{ width: 220 }} placeholder={t('warnings.rules.any')} options={DEVICE_KINDS.map((value) => ({ value, label: t(`devices.kinds.${value}`) }))} />
          </Form.Item>
          {(['area', 'building', 'floor'] as const).map((leaf) => (
            <Form.Item key={leaf} name={['scope', leaf]} label={t(`warnings.rules.fields.${leaf}`)}>
              <Input style={{ width: 120 }} placeholder={t('warnings.rules.any')} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name={['scope', 'devices']} hidden>
          <Select mode="tags" />
        </Form.Item>
      </Form>
      <Divider />
      <DryRunPanel draft={draftOf} />
    </Modal>
  );
}
