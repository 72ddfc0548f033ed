import { PlayCircleOutlined, SunOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { core } from '../../core/client';
import type { Device, SavingSchedule } from '../../core/contract';
import { describeError } from '../../core/errors';
import { savingKeys } from './queries';
import { SavingEstimateCell } from './saving-estimate';
import { LOAD_COLOUR } from './saving-format';
import { daysText, stepText } from './saving-text';
import { RowActions } from '../../shell/row-actions';

/**
 * The site's schedules: what each drives, when, and its steps in words.
 * With energy.control a row switches on and off, is edited or deleted, and
 * runs one of its steps at once (a technician checking the wiring).
 */
export function ScheduleTable({
  schedules,
  loading,
  controllers,
  canControl,
  timeZone,
  onEdit,
}: {
  schedules: SavingSchedule[];
  loading: boolean;
  controllers: ReadonlyMap<string, Device>;
  canControl: boolean;
  /** The site's, for the estimate's dates. */
  timeZone: string;
  onEdit(schedule: SavingSchedule): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const done = (text: string) => {
    void queryClient.invalidateQueries({ queryKey: savingKeys.all });
    void message.success(text);
  };
  const failed = (failure: unknown) => void message.error(describeError(t, failure));
  const toggle = useMutation({
    mutationFn: ({ updatedBy: _by, updatedAt: _at, ...draft }: SavingSchedule) => core.call('energy.saveSchedule', { ...draft, enabled: !draft.enabled }),
    onSuccess: (schedule) => done(t(schedule.enabled ? 'saving.enabledNow' : 'saving.disabledNow', { name: schedule.name })),
    onError: failed,
  });
  const remove = useMutation({
    mutationFn: (schedule: SavingSchedule) => core.call('energy.deleteSchedule', { id: schedule.id }).then(() => schedule),
    onSuccess: (schedule) => done(t('saving.deleted', { name: schedule.name })),
    onError: failed,
  });
  const run = useMutation({
    mutationFn: (request: { schedule: string; step: number }) => core.call('energy.runStep', request),
    onSuccess: ({ sent }) => {
      void queryClient.invalidateQueries({ queryKey: savingKeys.runs() });
      if (sent.length) void message.success(t('saving.sent', { count: sent.length }));
      else void message.warning(t('saving.noneSent'));
    },
    onError: failed,
  });

  const deviceName = (code: string) => controllers.get(code)?.name ?? code;
  const columns: TableColumnsType<SavingSchedule> = [
    {
      key: 'enabled',
      title: t('saving.fields.enabled'),
      width: 64,
      render: (_, schedule) => (
        <Switch
          size="small"
          checked={schedule.enabled}
          disabled={!canControl}
          loading={toggle.isPending && toggle.variables?.id === schedule.id}
          onChange={() => toggle.mutate(schedule)}
          aria-label={t('saving.fields.enabled')}
        />
      ),
    },
    {
      key: 'name',
      title: t('saving.fields.name'),
      render: (_, schedule) => (
        <>
          <Typography.Text strong>{schedule.name}</Typography.Text>
          {schedule.building && <div className="saving-secondary">{schedule.building}</div>}
        </>
      ),
    },
    { key: 'load', title: t('saving.fields.load'), width: 76, render: (_, schedule) => <Tag color={LOAD_COLOUR[schedule.load]}>{t(`saving.loads.${schedule.load}`)}</Tag> },
    {
      key: 'devices',
      title: t('saving.fields.devices'),
      width: 80,
      render: (_, schedule) => (
        <Tooltip title={schedule.devices.map((code) => <div key={code}>{deviceName(code)}</div>)}>
          <span className="saving-devices" data-testid="schedule-devices-count">
            {t('saving.devicesCount', { count: schedule.devices.length })}
          </span>
        </Tooltip>
      ),
    },
    { key: 'days', title: t('saving.fields.days'), width: 130, render: (_, schedule) => daysText(t, schedule.days) },
    {
      key: 'steps',
      title: t('saving.fields.steps'),
      render: (_, schedule) => (
        <div className="saving-step-list">
          {schedule.steps.map((step, index) => (
            <div key={index}>
              {step.trigger.at !== 'time' && <SunOutlined className="saving-sun" />}
              {stepText(t, step)}
            </div>
          ))}
        </div>
      ),
    },
    { key: 'estimate', title: t('saving.estimate.title'), width: 120, align: 'right', render: (_, schedule) => <SavingEstimateCell schedule={schedule} timeZone={timeZone} /> },
  ];
  if (canControl) {
    columns.push({
      key: 'actions',
      title: t('saving.fields.actions'),
      width: 210,
      render: (_, schedule) => (
        <RowActions onEdit={() => onEdit(schedule)} onDelete={() => remove.mutate(schedule)} confirmDelete={t('saving.confirmDelete', { name: schedule.name })} deleteLabel={t('saving.delete')} testId="schedule">
            <Dropdown
              trigger={['click']}
              menu={{
                items: schedule.steps.map((step, index) => ({ key: String(index), label: stepText(t, step), icon: step.trigger.at === 'time' ? undefined : <SunOutlined /> })),
                onClick: ({ key }) => run.mutate({ schedule: schedule.id, step: Number(key) }),
              }}
            >
              <Button size="small" icon={<PlayCircleOutlined />} loading={run.isPending && run.variables?.schedule === schedule.id} data-testid="schedule-run">
                {t('saving.runNow')}
              </Button>
            </Dropdown>
        </RowActions>
      ),
    });
  }

  return (
    <Table<SavingSchedule>
      data-testid="schedule-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={schedules}
      loading={loading}
      pagination={false}
      rowClassName={(schedule) => (schedule.enabled ? '' : 'saving-off')}
      onRow={(schedule) => ({ 'data-id': schedule.id }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
