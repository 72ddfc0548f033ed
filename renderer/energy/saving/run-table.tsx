import { Card, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Device, SavingRun, SavingSchedule } from '../../core/contract';
import { RUN_STATUS_COLOUR } from './saving-format';
import { siteClock, siteDate, stepText } from './saving-text';

/**
 * The last hundred commands the schedules sent, one a device, and what
 * became of each: acknowledged and done, rejected by the device, expired
 * in the outbox, or refused before sending because the device was offline.
 */
export function RunTable({
  runs,
  timeZone,
  loading,
  schedules,
  controllers,
}: {
  runs: SavingRun[];
  timeZone: string;
  loading: boolean;
  schedules: ReadonlyMap<string, SavingSchedule>;
  controllers: ReadonlyMap<string, Device>;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<SavingRun> = [
    { key: 'dueAt', title: t('saving.runs.dueAt'), width: 120, render: (_, run) => `${siteDate(run.dueAt, timeZone).slice(5)} ${siteClock(run.dueAt, timeZone)}` },
    { key: 'schedule', title: t('saving.runs.schedule'), render: (_, run) => schedules.get(run.schedule)?.name ?? run.schedule },
    {
      key: 'step',
      title: t('saving.runs.step'),
      render: (_, run) => {
        const step = schedules.get(run.schedule)?.steps[run.step];
        return step ? stepText(t, step) : `#${run.step + 1}`;
      },
    },
    { key: 'device', title: t('saving.runs.device'), render: (_, run) => controllers.get(run.device)?.name ?? run.device },
    {
      key: 'status',
      title: t('saving.runs.status'),
      width: 90,
      render: (_, run) => (
        <Tag color={RUN_STATUS_COLOUR[run.status]} data-testid="run-status" data-status={run.status}>
          {t(`saving.statuses.${run.status}`)}
        </Tag>
      ),
    },
    { key: 'reason', title: t('saving.runs.reason'), render: (_, run) => run.reason ?? '' },
  ];
  return (
    <Card size="small" title={t('saving.runs.title')} className="saving-runs">
      <Table<SavingRun>
        data-testid="run-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={runs}
        loading={loading}
        pagination={false}
        scroll={{ y: 360 }}
        locale={{ emptyText: t('saving.runs.empty') }}
        onRow={(run) => ({ 'data-schedule': run.schedule, 'data-device': run.device }) as React.HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
