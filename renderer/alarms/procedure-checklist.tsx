import { Checkbox, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROCEDURES } from '../core/contract';
import type { AlarmEntry } from './alarm-entry';
import { stepsDone } from './alarm-format';

/**
 * The alarm type's procedure as a checklist. A step once done stays done
 * (the core never undoes one), so a checked box is also a disabled one.
 */
export function ProcedureChecklist({ alarm, canHandle, onStep }: { alarm: AlarmEntry; canHandle: boolean; onStep: (step: number) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<number | null>(null);
  const steps = PROCEDURES[alarm.type];
  const closed = alarm.stateRank >= 3;

  if (steps.length === 0) return <Typography.Text type="secondary">{t('alarms.detail.noProcedure')}</Typography.Text>;
  return (
    <ol className="procedure" data-testid="procedure">
      {steps.map((step, index) => {
        const done = (alarm.steps & (1 << index)) !== 0;
        return (
          <li key={index} className={done ? 'done' : undefined} data-testid="procedure-step" data-done={done}>
            <Checkbox
              checked={done}
              disabled={done || closed || !canHandle || busy !== null}
              onChange={() => {
                setBusy(index);
                void onStep(index).finally(() => setBusy(null));
              }}
            >
              {i18n.language === 'en' ? step.en : step.zh}
            </Checkbox>
          </li>
        );
      })}
      <Typography.Text type="secondary" className="procedure-progress">
        {t('alarms.detail.stepsDone', { done: stepsDone(alarm.steps, steps.length), total: steps.length })}
      </Typography.Text>
    </ol>
  );
}
