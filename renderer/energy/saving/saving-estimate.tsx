import { useQuery } from '@tanstack/react-query';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { core } from '../../core/client';
import type { SavingSchedule } from '../../core/contract';
import { formatAmount, siteDateTime } from '../energy-rows';
import { savingKeys } from './queries';

const DAYS = 7;

/**
 * What a schedule saved in the last 7 days, as the core estimates it against
 * its building's learned baseline, said to be an estimate, with how it was
 * reckoned on hover; "—" for a schedule with no building to measure on.
 */
export function SavingEstimateCell({ schedule, timeZone }: { schedule: SavingSchedule; timeZone: string }) {
  const { t } = useTranslation();
  const estimate = useQuery({ queryKey: [...savingKeys.all, 'estimate', schedule.id, schedule.updatedAt], queryFn: () => core.call('energy.savingEstimate', { schedule: schedule.id, days: DAYS }) });
  const found = estimate.data;
  if (!found) return <Typography.Text type="secondary">—</Typography.Text>;
  const day = (at: number) => siteDateTime(at, timeZone).slice(0, 10);
  return (
    <Tooltip
      title={t(`saving.estimate.${found.basis}`, {
        hours: found.hours,
        building: found.building,
        baseline: formatAmount(found.baseline),
        actual: formatAmount(found.actual),
        from: day(found.learnedFrom),
        to: day(found.learnedTo),
      })}
    >
      <span data-testid="schedule-estimate" className={found.saved < 0 ? 'saving-estimate-negative' : ''}>
        {t('saving.estimate.value', { amount: formatAmount(found.saved) })}
      </span>
    </Tooltip>
  );
}
