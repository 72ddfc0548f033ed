import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { ContractError, DEVICE_EVENT_TYPE_NAMES, DEVICE_KINDS, DOOR_STATES, RULE_KINDS, type Rule } from '../core/contract';
import { describeError } from '../core/errors';
import { useDeviceTree } from '../devices/queries';
import { ruleKeys } from './queries';
import { NEW_RULE, newRuleId, toDraft, toFormValues, type RuleFormValues } from './rule-form-values';
import { dayName } from './rule-text';

/** What meters and sensors commonly report; any other name a device uses can be typed. */
const METRICS = ['kw', 'kwh', 'm3h', 'm3', 'temperature', 'humidity', 'voltage_a', 'current_a', 'pm25', 'co2'];
/** The site's clock for schedules: the park's, whatever this station's is set to. */
const SITE_TIME_ZONE = 'Asia/Shanghai';
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HHMM = 'HH:mm';

/** Today at HH:mm: the picker wants a moment, the rule keeps a time of day. */
const atTime = (hhmm: string): Dayjs => dayjs().startOf('day').hour(Number(hhmm.slice(0, 2))).minute(Number(hhmm.slice(3)));

/** Issues from the core name the draft's paths; the dialog's fields are flat. */
function fieldOf(path: string): keyof RuleFormValues | null {
  const leaf = path.split('.').at(-1) ?? '';
  const fields: Record<string, keyof RuleFormValues> = { states: 'doorStates', forSeconds: 'forMinutes' };
  return fields[leaf] ?? (leaf in NEW_RULE ? (leaf as keyof RuleFormValues) : null);
}

/** Create (rule null) or edit a rule: condition, which devices, when, and how urgent its alarm is. */
export function RuleDialog({ open, rule, onClose }: { open: boolean; rule: Rule | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RuleFormValues>();
  const kind = Form.useWatch('kind', form);
  const scheduled = Form.useWatch('scheduled', form);
  const tree = useDeviceTree();
  const areas = (tree.data?.children ?? []).map((area) => ({ value: area.name }));

  const save = useMutation({
    mutationFn: (values: RuleFormValues) => core.call('rules.save', toDraft(values, rule?.id ?? newRuleId(), rule?.schedule?.timeZone ?? SITE_TIME_ZONE)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ruleKeys.all });
      void message.success(t('rules.saved', { name: saved.name }));
      onClose();
    },
    onError: (error) => {
      if (!(error instanceof ContractError) || !error.issues) return;
      const fields = error.issues.map((issue) => ({ name: fieldOf(issue.path), errors: [issue.message] })).filter((field) => field.name !== null);
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
    },
  });

  const from = Form.useWatch('from', form);
  const to = Form.useWatch('to', form);
  // Thresholds and statuses both hold for a while.
  const forMinutes = (
    <Form.Item name="forMinutes" label={t('rules.fields.forMinutes')} tooltip={t('rules.hints.forMinutes')}>
      <InputNumber min={0} max={1440} step={1} style={{ width: 110 }} suffix={t('rules.minutes')} />
    </Form.Item>
  );
  return (
    <Modal
      open={open}
      title={rule ? t('rules.edit', { name: rule.name }) : t('rules.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      afterClose={() => save.reset()}
      width={620}
      destroyOnHidden
      // The name takes the keys at once: N, type, on.
      afterOpenChange={(visible) => visible && form.getFieldInstance('name')?.focus()}
    >
      {save.error && <Alert type="error" showIcon title={describeError(t, save.error)} className="auth-alert" data-testid="rule-error" />}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={rule ? toFormValues(rule) : NEW_RULE} onFinish={(values) => save.mutate(values)} className="rule-form" data-testid="rule-form">
        <Form.Item name="name" label={t('rules.fields.name')} rules={[{ required: true, whitespace: true, message: t('rules.errors.name') }]}>
          <Input maxLength={64} data-testid="rule-name" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="severity" label={t('rules.fields.severity')}>
            <Radio.Group optionType="button" options={(['critical', 'major', 'minor'] as const).map((value) => ({ value, label: t(`alarms.severity.${value}`) }))} />
          </Form.Item>
          <Form.Item name="enabled" label={t('rules.fields.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="kind" label={t('rules.fields.kind')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={RULE_KINDS.map((value) => ({ value, label: t(`rules.kinds.${value}`) }))} data-testid="rule-kind" />
        </Form.Item>
        {kind === 'threshold' && (
          <Space size="middle" wrap align="start">
            <Form.Item name="metric" label={t('rules.fields.metric')} rules={[{ required: true, pattern: /^\s*[a-z][a-z0-9_]{0,31}\s*$/, message: t('rules.errors.metric') }]}>
              <AutoComplete options={METRICS.map((value) => ({ value }))} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="op" label={t('rules.fields.op')}>
              <Select style={{ width: 90 }} options={(['above', 'below'] as const).map((value) => ({ value, label: t(`rules.ops.${value}`) }))} />
            </Form.Item>
            <Form.Item name="value" label={t('rules.fields.value')} rules={[{ required: true, message: t('rules.errors.value') }]}>
              <InputNumber style={{ width: 120 }} />
            </Form.Item>
            {forMinutes}
          </Space>
        )}
        {kind === 'event' && (
          <Form.Item name="eventType" label={t('rules.fields.eventType')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={DEVICE_EVENT_TYPE_NAMES.map((value) => ({ value, label: t(`alarms.types.${value}`) }))} />
          </Form.Item>
        )}
        {kind === 'status' && (
          <Space size="middle" wrap align="start">
            <Form.Item name="statuses" label={t('rules.fields.statuses')} rules={[{ required: true, message: t('rules.errors.statuses') }]}>
              <Checkbox.Group options={(['offline', 'fault'] as const).map((value) => ({ value, label: t(`devices.statuses.${value}`) }))} />
            </Form.Item>
            {forMinutes}
          </Space>
        )}
        {kind === 'door' && (
          <Form.Item name="doorStates" label={t('rules.fields.doorStates')} rules={[{ required: true, message: t('rules.errors.doorStates') }]}>
            <Checkbox.Group options={DOOR_STATES.map((value) => ({ value, label: t(`access.views.${value}`) }))} />
          </Form.Item>
        )}
        <Space size="middle" wrap align="start">
          <Form.Item name="kinds" label={t('rules.fields.kinds')} tooltip={t('rules.hints.empty')}>
            <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 260 }} placeholder={t('rules.text.allDevices')} options={DEVICE_KINDS.map((value) => ({ value, label: t(`devices.kinds.${value}`) }))} />
          </Form.Item>
          <Form.Item name="area" label={t('rules.fields.area')} tooltip={t('rules.hints.empty')}>
            <AutoComplete options={areas} allowClear style={{ width: 140 }} placeholder={t('rules.anyArea')} />
          </Form.Item>
          <Form.Item name="devices" label={t('rules.fields.devices')} tooltip={t('rules.hints.devices')}>
            <Select mode="tags" style={{ width: 170 }} tokenSeparators={[',', ' ']} placeholder={t('rules.anyDevice')} />
          </Form.Item>
        </Space>
        <Form.Item name="scheduled" label={t('rules.fields.schedule')} valuePropName="checked">
          <Switch checkedChildren={t('rules.onlyAt')} unCheckedChildren={t('rules.text.always')} data-testid="rule-scheduled" />
        </Form.Item>
        {scheduled && (
          <Space size="middle" wrap align="start">
            <Form.Item name="days" rules={[{ required: true, message: t('rules.errors.days') }]}>
              <Checkbox.Group options={DAYS.map((value) => ({ value, label: dayName(t, value) }))} />
            </Form.Item>
            <Form.Item extra={t('rules.hints.overnight')}>
              <TimePicker.RangePicker
                format={HHMM}
                order={false}
                allowClear={false}
                value={from && to ? [atTime(from), atTime(to)] : undefined}
                onChange={(values) => values?.[0] && values[1] && form.setFieldsValue({ from: (values[0] as Dayjs).format(HHMM), to: (values[1] as Dayjs).format(HHMM) })}
              />
            </Form.Item>
            <Form.Item name="from" hidden>
              <Input />
            </Form.Item>
            <Form.Item name="to" hidden>
              <Input />
            </Form.Item>
          </Space>
        )}
      </Form>
    </Modal>
  );
}
