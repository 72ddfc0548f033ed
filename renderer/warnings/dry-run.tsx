import { useMutation } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Empty, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import type { WarningRuleDraft } from '../core/contract';
import { describeError } from '../core/errors';
import { LevelTag } from './level';

/** What a draft would have raised, upgraded and cleared over the stored history: a timeline per place. */
export function DryRunPanel({ draft }: { draft: () => Promise<WarningRuleDraft> }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(7, 'day'), dayjs()]);
  const run = useMutation({ mutationFn: async () => core.call('warningRules.dryRun', { rule: await draft(), from: range[0].valueOf(), to: range[1].valueOf() }) });
  const result = run.data;
  // Places whose warning was already up when the range starts (read from before it): not raised in the range, but warning.
  const holding = result?.places.filter(({ steps }) => steps[0]?.type === 'holding').length ?? 0;
  return (
    <div className="warning-dry-run" data-testid="warning-dry-run">
      <Typography.Text strong>{t('warnings.dryRun.title')}</Typography.Text>
      <Space wrap className="warning-dry-run-controls">
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          value={range}
          allowClear={false}
          aria-label={t('warnings.dryRun.range')}
          disabledDate={(day) => day.isAfter(dayjs()) || day.isBefore(dayjs().subtract(31, 'day'))}
          onChange={(values) => values?.[0] && values[1] && setRange([values[0], values[1]])}
        />
        <Button onClick={() => run.mutate()} loading={run.isPending} data-testid="warning-dry-run-start">
          {t('warnings.dryRun.run')}
        </Button>
      </Space>
      {run.error && <Alert type="error" showIcon title={describeError(t, run.error)} />}
      {result && (
        <>
          <Typography.Paragraph type="secondary" data-testid="warning-dry-run-summary">
            {holding
              ? t('warnings.dryRun.summaryHolding', { evaluated: result.evaluated, raised: result.raised, holding, places: result.places.length })
              : t('warnings.dryRun.summary', { evaluated: result.evaluated, raised: result.raised, places: result.places.length })}
            <br />
            {t('warnings.dryRun.lookBack', { minutes: Math.ceil(result.lookBackMs / 60_000) })}
          </Typography.Paragraph>
          {result.stopped && <Alert type="warning" showIcon title={t('warnings.dryRun.stopped', { reason: result.stopped })} />}
          {!result.places.length && <Empty description={t('warnings.dryRun.none')} />}
          {result.places.slice(0, 50).map(({ place, steps }) => (
            <div key={`${place.groupBy}|${place.key}`} className="warning-dry-run-place">
              <Typography.Text strong>{place.label}</Typography.Text>
              <div className="warning-dry-run-steps">
                {steps.slice(0, 60).map((step, index) => (
                  <span key={index} className={`warning-dry-run-step step-${step.type}`}>
                    <Typography.Text type="secondary">{dayjs(step.at).format('MM-DD HH:mm:ss')}</Typography.Text> {step.type === 'holding' ? t('warnings.dryRun.holding') : t(`warnings.events.${step.type}`)} {step.level !== null && <LevelTag t={t} level={step.level} />}
                  </span>
                ))}
              </div>
            </div>
          ))}
        </>
      )}
    </div>
  );
}
