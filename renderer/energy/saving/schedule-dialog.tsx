import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, TimePicker, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../../core/client';
import { CONTROLLER_OF, ContractError, SAVING_LOADS, type Device, type SavingSchedule } from '../../core/contract';
import { describeError } from '../../core/errors';
import { savingKeys } from './queries';
import { NEW_SCHEDULE, NEW_STEP, newScheduleId, toDraft, toFormValues, type ScheduleFormValues } from './schedule-form-values';
import { dayKey } from './saving-text';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HHMM = 'HH:mm';
const MAX_STEPS = 8;

/** Today at HH:mm: the picker wants a moment, the step keeps a time of day. */
const atTime = (hhmm: string): Dayjs => dayjs().startOf('day').hour(Number(hhmm.slice(0, 2))).minute(Number(hhmm.slice(3)));

/** An issue's path from the core ("steps.1.trigger.time") as the form's field ("steps", 1, "time"). */
function fieldOf(path: string): (string | number)[] | null {
  const parts = path.split('.');
  const [head, index] = parts;
  if (head === 'steps' && index !== undefined && /^\d+$/.test(index)) {
    const leaf = parts.at(-1)!;
    const field = { time: 'time', offsetMinutes: 'offsetMinutes', celsius: 'celsius', on: 'on' }[leaf];
    return field ? ['steps', Number(index), field] : null;
  }
  // The id is not a field: its issue shows in the alert above the form.
  return head && head !== 'id' && head in NEW_SCHEDULE && parts.length <= 2 ? [head] : null;
}

/**
 * Create (schedule null) or edit a schedule: what it drives, on which days,
 * and its steps — each at a time or at sunrise or sunset moved by minutes,
 * switching the load or setting its temperature.
 */
export function ScheduleDialog({
  open,
  schedule,
  taken,
  controllers,
  onClose,
}: {
  open: boolean;
  schedule: SavingSchedule | null;
  /** The ids in use, so a new one is not one of them. */
  taken: ReadonlySet<string>;
  controllers: ReadonlyMap<string, Device>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ScheduleFormValues>();
  const load = Form.useWatch('load', form) ?? schedule?.load ?? NEW_SCHEDULE.load;
  const name = Form.useWatch('name', form) ?? '';
  const steps = Form.useWatch('steps', form);
  const [openedAt] = useState(() => Date.now());
  // A new schedule's id follows its name until it is saved.
  const id = useMemo(() => (schedule ? schedule.id : newScheduleId(name, taken, openedAt)), [schedule, name, taken, openedAt]);
  const devices = useMemo(() => [...controllers.values()].filter((device) => device.kind === CONTROLLER_OF[load]), [controllers, load]);
  const buildings = useMemo(() => [...new Set([...controllers.values()].map((device) => device.building))].map((value) => ({ value })), [controllers]);

  const save = useMutation({
    mutationFn: (values: ScheduleFormValues) => core.call('energy.saveSchedule', toDraft({ ...values, id })),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: savingKeys.all });
      void message.success(t('saving.saved', { name: saved.name }));
      onClose();
    },
    onError: (error) => {
      if (!(error instanceof ContractError) || !error.issues) return;
      const fields = error.issues.flatMap((issue) => {
        const name = fieldOf(issue.path);
        return name ? [{ name, errors: [issue.message] }] : [];
      });
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
    },
  });

  return (
    <Modal
      open={open}
      title={schedule ? t('saving.edit', { name: schedule.name }) : t('saving.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      afterClose={() => save.reset()}
      width={720}
      destroyOnHidden
      afterOpenChange={(visible) => visible && form.getFieldInstance('name')?.focus()}
    >
      {save.error && <Alert type="error" showIcon title={describeError(t, save.error)} className="saving-form-alert" data-testid="schedule-error" />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={schedule ? toFormValues(schedule) : NEW_SCHEDULE}
        onFinish={(values) => save.mutate(values)}
        className="saving-form"
        data-testid="schedule-form"
      >
        <Space size="middle" align="start" wrap>
          <Form.Item name="name" label={t('saving.fields.name')} rules={[{ required: true, whitespace: true, message: t('saving.errors.name') }]}>
            <Input maxLength={64} style={{ width: 300 }} data-testid="schedule-name" />
          </Form.Item>
          <Form.Item label={t('saving.fields.id')} tooltip={t('saving.form.idHint')}>
            <Input value={id} disabled style={{ width: 200 }} data-testid="schedule-id" />
          </Form.Item>
          <Form.Item name="enabled" label={t('saving.fields.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Space size="middle" align="start" wrap>
          <Form.Item name="load" label={t('saving.fields.load')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              disabled={!!schedule}
              options={SAVING_LOADS.map((value) => ({ value, label: t(`saving.loads.${value}`) }))}
              // Another load has other controllers: the chosen ones no longer fit.
              onChange={() => form.setFieldValue('devices', [])}
              data-testid="schedule-load"
            />
          </Form.Item>
          <Form.Item name="building" label={t('saving.fields.building')}>
            <AutoComplete options={buildings} allowClear style={{ width: 260 }} placeholder={t('saving.form.buildingPlaceholder')} />
          </Form.Item>
        </Space>
        <Form.Item name="devices" label={t('saving.fields.devices')} tooltip={t('saving.form.devicesHint')} rules={[{ required: true, type: 'array', min: 1, message: t('saving.errors.devices') }]}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('saving.form.devicesPlaceholder')}
            options={devices.map((device) => ({ value: device.code, label: device.name }))}
            data-testid="schedule-devices"
          />
        </Form.Item>
        <Form.Item name="days" label={t('saving.fields.days')} rules={[{ required: true, type: 'array', min: 1, message: t('saving.errors.days') }]}>
          <Checkbox.Group options={DAYS.map((value) => ({ value, label: t(`saving.days.${dayKey(value)}`) }))} data-testid="schedule-days" />
        </Form.Item>
        <Form.Item label={t('saving.fields.steps')} required>
          <Form.List
            name="steps"
            rules={[{ validator: async (_, value: unknown[]) => (value.length >= 1 && value.length <= MAX_STEPS ? undefined : Promise.reject(new Error(t('saving.errors.steps')))) }]}
          >
            {(fields, { add, remove }, { errors }) => (
              <div className="saving-steps">
                {fields.map((field, index) => {
                  const at = steps?.[index]?.at ?? 'time';
                  return (
                    <Space key={field.key} size="small" align="start" className="saving-step" data-testid="schedule-step">
                      <span className="saving-step-number">{index + 1}</span>
                      <Form.Item name={[field.name, 'at']}>
                        <Select style={{ width: 90 }} options={(['time', 'sunrise', 'sunset'] as const).map((value) => ({ value, label: t(`saving.triggers.${value}`) }))} data-testid="step-trigger" />
                      </Form.Item>
                      {at === 'time' ? (
                        <Form.Item name={[field.name, 'time']} rules={[{ required: true, message: t('saving.errors.time') }]} getValueProps={(value: string) => ({ value: value ? atTime(value) : null })} getValueFromEvent={(value: Dayjs | null) => value?.format(HHMM) ?? ''}>
                          <TimePicker format={HHMM} needConfirm={false} allowClear={false} style={{ width: 110 }} data-testid="step-time" />
                        </Form.Item>
                      ) : (
                        <Tooltip title={t('saving.form.offsetHint')}>
                          <Form.Item name={[field.name, 'offsetMinutes']}>
                            <InputNumber min={-180} max={180} step={5} precision={0} prefix={t('saving.form.offset')} suffix={t('saving.form.minutes')} style={{ width: 170 }} data-testid="step-offset" />
                          </Form.Item>
                        </Tooltip>
                      )}
                      {load === 'hvac' ? (
                        <Form.Item name={[field.name, 'celsius']}>
                          <InputNumber min={16} max={30} step={0.5} prefix={t('saving.form.celsius')} suffix="°C" style={{ width: 170 }} data-testid="step-celsius" />
                        </Form.Item>
                      ) : (
                        <Form.Item name={[field.name, 'on']}>
                          <Radio.Group
                            optionType="button"
                            buttonStyle="solid"
                            options={[
                              { value: true, label: t('saving.form.on') },
                              { value: false, label: t('saving.form.off') },
                            ]}
                            data-testid="step-switch"
                          />
                        </Form.Item>
                      )}
                      <Tooltip title={t('saving.form.removeStep')}>
                        <Button type="text" icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(field.name)} aria-label={t('saving.form.removeStep')} />
                      </Tooltip>
                    </Space>
                  );
                })}
                <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= MAX_STEPS} onClick={() => add({ ...NEW_STEP })} data-testid="step-add">
                  {t('saving.form.addStep')}
                </Button>
                <Form.ErrorList errors={errors} />
              </div>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
