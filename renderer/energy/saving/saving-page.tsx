import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../auth/session-store';
import type { SavingSchedule } from '../../core/contract';
import { describeError } from '../../core/errors';
import { useNow } from '../../core/use-now';
import { PageToolbar } from '../../shell/page-toolbar';
import { typingIn } from '../../shell/typing';
import { useControllers, usePlan, useRuns, useSchedules } from './queries';
import { RunTable } from './run-table';
import { ScheduleDialog } from './schedule-dialog';
import { ScheduleTable } from './schedule-table';
import { SITE_TIME_ZONE, siteDayStart } from './saving-text';
import { WeekPlan } from './week-plan';
import './saving.css';

const EMPTY = new Map();

/**
 * Energy saving (节能控制): the schedules that switch the site's public
 * lighting, set HVAC back in empty hours and rest its pumps; the week they
 * will run; and what became of the commands they sent. Everyone reads it;
 * the property manager (energy.control) changes it and runs a step at once.
 */
export function SavingPage() {
  const { t } = useTranslation();
  const canControl = usePermission('energy.control');
  const schedules = useSchedules();
  const controllers = useControllers();
  const runs = useRuns();
  // The week starts at the site's midnight today, and moves on at the next; the core names the site's clock.
  const now = useNow(60_000);
  const [timeZone, setTimeZone] = useState(SITE_TIME_ZONE);
  const from = siteDayStart(now, timeZone);
  const plan = usePlan(from);
  const planZone = plan.data?.timeZone;
  if (planZone && planZone !== timeZone) setTimeZone(planZone);
  const [editing, setEditing] = useState<SavingSchedule | 'new' | null>(null);
  // Each opening gets a dialog of its own: a form kept from the last one would show its values.
  const [opened, setOpened] = useState(0);
  const edit = (target: SavingSchedule | 'new') => {
    setOpened((count) => count + 1);
    setEditing(target);
  };
  const byId = useMemo(() => new Map((schedules.data ?? []).map((schedule) => [schedule.id, schedule])), [schedules.data]);
  const taken = useMemo(() => new Set(byId.keys()), [byId]);

  // N: a new schedule, as on the rules page.
  useEffect(() => {
    if (!canControl) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'n' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target) || editing) return;
      event.preventDefault();
      setOpened((count) => count + 1);
      setEditing('new');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canControl, editing]);

  const error = schedules.error ?? plan.error ?? runs.error ?? controllers.error;
  return (
    <div className="page saving-page" data-testid="page-saving">
      <PageToolbar title={t('saving.title')}>
        <Typography.Text type="secondary">{t('saving.hint')}</Typography.Text>
        <span className="toolbar-spacer" />
        {canControl ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => edit('new')} data-testid="schedule-create">
            {t('saving.create')} (N)
          </Button>
        ) : (
          <Typography.Text type="secondary" data-testid="saving-read-only">
            {t('saving.readOnly')}
          </Typography.Text>
        )}
      </PageToolbar>
      {error && <Alert type="error" showIcon title={describeError(t, error)} />}
      <Card size="small" title={t('saving.schedules', { count: schedules.data?.length ?? 0 })} className="saving-schedules">
        <ScheduleTable schedules={schedules.data ?? []} loading={schedules.isPending} controllers={controllers.data ?? EMPTY} canControl={canControl} timeZone={timeZone} onEdit={edit} />
      </Card>
      <WeekPlan from={from} now={now} timeZone={timeZone} runs={plan.data?.runs ?? []} position={plan.data?.position ?? null} loading={plan.isPending} />
      <RunTable runs={runs.data ?? []} timeZone={timeZone} loading={runs.isPending} schedules={byId} controllers={controllers.data ?? EMPTY} />
      {canControl && (
        <ScheduleDialog key={opened} open={editing !== null} schedule={editing === 'new' ? null : editing} taken={taken} controllers={controllers.data ?? EMPTY} onClose={() => setEditing(null)} />
      )}
    </div>
  );
}
