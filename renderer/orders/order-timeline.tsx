import { Timeline, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OrderStep } from '../core/contract';
import { PhotoStrip } from './photos';

const COLOR: Record<string, string> = { create: 'blue', complete: 'green', confirm: 'green', escalate: 'red', cancel: 'gray', close: 'gray', reopen: 'orange' };

/** Who did what when; a step that arrived after the order had moved past it is struck through, and says why. */
export function OrderTimeline({ steps }: { steps: readonly OrderStep[] }) {
  const { t } = useTranslation();
  const what = (step: OrderStep) =>
    t(`orders.step.${step.action}`, {
      defaultValue: step.action,
      technician: step.technician,
      rating: step.rating,
      priority: step.priority ? t(`orders.priorities.${step.priority}`) : '',
      stage: step.stage ? t(`orders.stages.${step.stage}`) : '',
    });
  return (
    <Timeline
      className="order-timeline"
      data-testid="order-timeline"
      items={steps.map((step) => {
        const line = (
          <span className={step.applied ? undefined : 'order-step-void'}>
            <Typography.Text strong>{what(step)}</Typography.Text> · {step.by} · {t(`orders.via.${step.via}`)} · {dayjs(step.at).format('MM-DD HH:mm:ss')}
          </span>
        );
        return {
          key: step.id,
          color: step.applied ? (COLOR[step.action] ?? 'blue') : 'gray',
          content: (
            <div data-testid="order-step" data-action={step.action} data-applied={String(step.applied)}>
              {step.applied ? line : <Tooltip title={t('orders.detail.notApplied')}>{line}</Tooltip>}
              {step.text && <div className="order-step-text">{step.text}</div>}
              {step.photos && step.photos.length > 0 && <PhotoStrip hashes={step.photos} testId="step-photos" />}
            </div>
          ),
        };
      })}
    />
  );
}
