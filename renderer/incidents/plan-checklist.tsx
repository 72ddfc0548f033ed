import { Button } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LEVEL_NUMERALS, type IncidentDetail, type StepState } from '../core/contract';
import { useNow } from '../core/use-now';

const overdueMinutes = (step: StepState, now: number) => (step.status === 'active' && step.dueAt !== null && now > step.dueAt ? Math.ceil((now - step.dueAt) / 60_000) : 0);

/** The plan's steps: waiting for their level, active with their deadline (overdue in red), done or skipped with who and when; a step escalated at its deadline says when. */
export function PlanChecklist({ incident, canCommand, onStep }: { incident: IncidentDetail; canCommand: boolean; onStep(step: string, outcome: 'done' | 'skipped'): void }) {
  const { t } = useTranslation();
  const now = useNow(10_000);
  // An ended incident's open steps are left undone, not late.
  const ended = incident.state === 'closed' || incident.state === 'cancelled';
  if (incident.steps.length === 0) return <div className="dim">{t('incidents.detail.noPlan')}</div>;
  return (
    <ol className="plan-steps" data-testid="plan-steps">
      {incident.steps.map((step) => {
        const late = ended ? 0 : overdueMinutes(step, now);
        const status = late > 0 ? 'overdue' : step.status;
        return (
          <li key={step.id} className={`plan-step ${status}`} data-testid="plan-step" data-step={step.id} data-status={status}>
            <div className="plan-step-main">
              <span className="plan-step-title">{step.title}</span>
              <span className="plan-step-owner">{t('incidents.steps.owner', { owner: t(`roles.${step.owner}`, { defaultValue: step.owner }), minutes: step.minutes })}</span>
            </div>
            <div className="plan-step-status">
              {step.status === 'waiting' && t('incidents.steps.waiting', { level: t('incidents.level', { numeral: LEVEL_NUMERALS[step.startLevel] }) })}
              {step.status === 'active' && (late > 0 ? t('incidents.steps.overdue', { minutes: late }) : t('incidents.steps.active', { due: dayjs(step.dueAt).format('HH:mm') }))}
              {(step.status === 'done' || step.status === 'skipped') && t(`incidents.steps.${step.status}`, { by: step.endedBy, time: dayjs(step.endedAt).format('HH:mm:ss') })}
              {step.escalatedAt !== null && (
                <div className="plan-step-escalated" data-testid="step-escalated">
                  {t('incidents.steps.escalated', { time: dayjs(step.escalatedAt).format('HH:mm') })}
                </div>
              )}
            </div>
            {canCommand && step.status === 'active' && !ended && (
              <div className="plan-step-actions">
                <Button size="small" type="primary" onClick={() => onStep(step.id, 'done')} data-testid="step-done">
                  {t('incidents.steps.doneButton')}
                </Button>
                <Button size="small" onClick={() => onStep(step.id, 'skipped')} data-testid="step-skip">
                  {t('incidents.steps.skipButton')}
                </Button>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
