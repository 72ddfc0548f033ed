import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { core } from '../../core/client';
import type { Targets } from '../../core/contract';
import { describeError } from '../../core/errors';
import { FormDialog } from '../../shell/form-dialog';
import { opsKeys } from '../keys';
import { shiftName } from './times-table';

const SEVERITIES = ['critical', 'major', 'minor'] as const;

/** IT sets what the SLA report holds this station to: availability, acknowledgement and repair targets, and the shifts. */
export function TargetsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Targets>();
  const current = useQuery({ queryKey: [...opsKeys.all, 'targets'], queryFn: () => core.call('ops.targets.get', {}) });
  const save = useMutation({
    mutationFn: (targets: Targets) => core.call('ops.targets.set', targets),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: opsKeys.all });
      void message.success(t('opsFigures.targetsForm.saved'));
      onClose();
    },
    onError: (failure) => void message.error(describeError(t, failure)),
  });
  // The default shifts show in the UI's language and keep their keys unless IT renames them, so the other language still reads them.
  const shown = (targets: Targets): Targets => ({ ...targets, shifts: targets.shifts.map((shift) => ({ ...shift, name: shiftName(t, shift.name) })) });
  const keyOf = (name: string) => (['day', 'night'] as const).find((key) => t(`opsFigures.shifts.${key}`) === name.trim()) ?? name;
  const stored = (targets: Targets): Targets => ({ ...targets, shifts: targets.shifts.map((shift) => ({ ...shift, name: keyOf(shift.name) })) });
  const percent = (name: keyof Targets, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, type: 'number', min: 0, max: 100, message: t('opsFigures.targetsForm.percent') }]}>
      <InputNumber step={0.1} addonAfter="%" style={{ width: 140 }} data-testid={`target-${name}`} />
    </Form.Item>
  );
  return (
    <FormDialog title={t('opsFigures.targetsForm.title')} width={720} form={form} saving={save.isPending} onSave={(values) => save.mutate(stored(values))} onClose={onClose}>
      {!current.data ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical" requiredMark={false} initialValues={shown(current.data.targets)} data-testid="targets-form">
          <Space size="middle" align="start" wrap>
            {percent('linkAvailabilityPct', t('opsFigures.headline.linkAvailability'))}
            {percent('cameraAvailabilityPct', t('opsFigures.headline.cameraAvailability'))}
            {percent('deviceOnlinePct', t('opsFigures.headline.deviceOnline'))}
          </Space>
          <Space size="middle" align="start" wrap>
            {SEVERITIES.map((severity) => (
              <Form.Item key={severity} name={['ackP90Seconds', severity]} label={t(`opsFigures.headline.ackP90.${severity}`)} rules={[{ required: true, type: 'number', min: 1, max: 86_400, message: t('opsFigures.targetsForm.seconds') }]}>
                <InputNumber addonAfter="s" style={{ width: 140 }} data-testid={`target-ack-${severity}`} />
              </Form.Item>
            ))}
            <Form.Item name="orderDoneP90Hours" label={t('opsFigures.headline.orderDoneP90')} rules={[{ required: true, type: 'number', min: 0.1, max: 744, message: t('opsFigures.targetsForm.hours') }]}>
              <InputNumber addonAfter="h" style={{ width: 140 }} data-testid="target-orderDoneP90Hours" />
            </Form.Item>
          </Space>
          <Form.List name="shifts">
            {(fields, { add, remove }) => (
              <Form.Item label={t('opsFigures.targetsForm.shifts')} extra={t('opsFigures.targetsForm.shiftsHint')}>
                {fields.map((field) => (
                  <Space key={field.key} align="start">
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, max: 32, message: t('opsFigures.targetsForm.shiftName') }]}>
                      <Input maxLength={32} placeholder={t('opsFigures.targetsForm.shiftName')} style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'start']} rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('opsFigures.targetsForm.shiftStart') }]}>
                      <Input maxLength={5} placeholder="08:00" style={{ width: 90 }} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} disabled={fields.length === 1} onClick={() => remove(field.name)} aria-label={t('opsFigures.targetsForm.removeShift')} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} disabled={fields.length >= 6} onClick={() => add({ name: '', start: '' })}>
                  {t('opsFigures.targetsForm.addShift')}
                </Button>
              </Form.Item>
            )}
          </Form.List>
        </Form>
      )}
    </FormDialog>
  );
}
