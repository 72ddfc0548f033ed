import { EnvironmentOutlined, SunOutlined } from '@ant-design/icons';
import { Card, Empty, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlannedRun, SitePosition } from '../../core/contract';
import { LOAD_COLOUR } from './saving-format';
import { actionText, dayKey, siteClock, siteDate, siteDays, stepText } from './saving-text';

/**
 * What will run in the next seven days, a column a day on the site's clock:
 * each step at its time, with its schedule and what it does. Steps that
 * follow the sun carry a sun, and the position the sun was reckoned for is
 * shown under the week.
 */
export function WeekPlan({ from, now, timeZone, runs, position, loading }: { from: number; now: number; timeZone: string; runs: PlannedRun[]; position: SitePosition | null; loading: boolean }) {
  const { t } = useTranslation();
  const days = useMemo(() => siteDays(from, 7, timeZone), [from, timeZone]);
  const byDay = useMemo(() => {
    const map = new Map<string, PlannedRun[]>();
    for (const run of runs) {
      const date = siteDate(run.at, timeZone);
      map.set(date, [...(map.get(date) ?? []), run]);
    }
    return map;
  }, [runs, timeZone]);
  const today = siteDate(now, timeZone);

  return (
    <Card size="small" title={t('saving.plan.title')} className="saving-plan" loading={loading && !runs.length} data-testid="saving-plan">
      <div className="saving-week">
        {days.map(({ date, weekday }) => {
          const dayRuns = byDay.get(date) ?? [];
          return (
            <div key={date} className={`saving-day${date === today ? ' saving-today' : ''}${weekday >= 6 ? ' saving-weekend' : ''}`} data-testid="plan-day" data-date={date}>
              <div className="saving-day-head">
                <span>{t(`saving.weekdays.${dayKey(weekday)}`)}</span>
                <span className="saving-day-date">{date === today ? t('saving.plan.today') : date.slice(5)}</span>
              </div>
              {dayRuns.length === 0 && <div className="saving-day-none">{t('saving.plan.none')}</div>}
              {dayRuns.map((run) => (
                <Tooltip key={`${run.schedule}-${run.step}-${run.at}`} title={`${run.name} · ${stepText(t, run)} · ${t('saving.plan.devices', { count: run.devices })}`}>
                  <div className={`saving-run saving-run-${run.load}${run.at < now ? ' saving-run-past' : ''}`} style={{ borderLeftColor: `var(--saving-${LOAD_COLOUR[run.load]})` }} data-testid="plan-run" data-schedule={run.schedule}>
                    <span className="saving-run-time">{siteClock(run.at, timeZone)}</span>
                    {run.trigger.at !== 'time' && <SunOutlined className="saving-sun" aria-label={t(`saving.triggers.${run.trigger.at}`)} />}
                    <span className="saving-run-action">{actionText(t, run.action)}</span>
                    <span className="saving-run-name">{run.name}</span>
                  </div>
                </Tooltip>
              ))}
            </div>
          );
        })}
      </div>
      {!loading && !runs.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {position && (
        <Typography.Text type="secondary" className="saving-position" data-testid="saving-position">
          <EnvironmentOutlined /> {t('saving.plan.position', { latitude: position.latitude.toFixed(2), longitude: position.longitude.toFixed(2) })}
          <span className="saving-position-hint">
            <SunOutlined className="saving-sun" />
            {t('saving.plan.sunMarked')}
          </span>
        </Typography.Text>
      )}
    </Card>
  );
}
