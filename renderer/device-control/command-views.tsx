import { LoadingOutlined } from '@ant-design/icons';
import { Alert, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommandRecord } from '../core/contract';
import { useNow } from '../core/use-now';
import { COMMAND_STEPS, commandPhase, tallyCommands, type CommandOutcome } from './command-progress';
import { useCommandRecords } from './command-store';

const OUTCOME_COLOR: Record<CommandOutcome, string> = { running: 'processing', done: 'success', rejected: 'error', expired: 'error', failed: 'error', unanswered: 'warning' };

/** One command's road, step by step, and how it ended. */
export function CommandSteps({ id }: { id: string }) {
  const { t } = useTranslation();
  const record = useCommandRecords((state) => state.byId[id]);
  const now = useNow(500);
  if (!record) return null;
  const { step, outcome } = commandPhase(record, now);
  const stepStatus = (index: number) => {
    if (index < step) return 'finish' as const;
    if (index > step) return 'wait' as const;
    if (outcome === 'running') return 'process' as const;
    return outcome === 'done' ? ('finish' as const) : ('error' as const);
  };
  return (
    <div className="command-progress" data-testid="command-progress" data-outcome={outcome} data-status={record.status}>
      <Steps
        size="small"
        current={step}
        items={COMMAND_STEPS.map((name, index) => ({
          title: t(`deviceCommands.steps.${name}`),
          status: stepStatus(index),
          ...(index === step && outcome === 'running' && index < 3 ? { icon: <LoadingOutlined /> } : {}),
        }))}
      />
      <div className="command-outcome">
        <Tag color={OUTCOME_COLOR[outcome]} data-testid="command-outcome">
          {t(`deviceCommands.outcomes.${outcome}`)}
        </Tag>
        {outcome === 'running' && <Typography.Text type="secondary">{t('deviceCommands.expiresIn', { s: Math.max(0, Math.ceil((record.expiresAt - now) / 1000)) })}</Typography.Text>}
        {record.reason && <Typography.Text type="secondary">{t('deviceCommands.deviceReason', { reason: record.reason })}</Typography.Text>}
      </div>
    </div>
  );
}

/** A target of a command sent: its command's id, or the core's refusal in words. */
export type BatchEntry = { code: string; name: string; id?: string; error?: string };

/** Many commands at once (a partition): each target's outcome, and the count done. */
export function CommandBatch({ entries }: { entries: BatchEntry[] }) {
  const { t } = useTranslation();
  const byId = useCommandRecords((state) => state.byId);
  const now = useNow(500);
  const records = entries.flatMap((entry) => (entry.id && byId[entry.id] ? [byId[entry.id]!] : []));
  const tally = tallyCommands(records, now);
  const refused = entries.filter((entry) => entry.error).length;
  const finished = tally.running === 0;
  return (
    <div className="command-batch" data-testid="command-batch" data-done={tally.done} data-total={entries.length} data-finished={finished}>
      <div className="command-batch-tally">
        <Typography.Text strong data-testid="command-tally">
          {t('deviceCommands.tally', { done: tally.done, total: entries.length })}
        </Typography.Text>
        {tally.stopped + refused > 0 && <Typography.Text type="danger">{t('deviceCommands.stopped', { count: tally.stopped + refused })}</Typography.Text>}
      </div>
      <div className="command-batch-list">
        {entries.map((entry) => {
          const record = entry.id ? byId[entry.id] : undefined;
          const outcome = record ? commandPhase(record, now).outcome : null;
          return (
            <div key={entry.code} className="command-batch-row" data-testid="command-batch-row" data-code={entry.code} data-outcome={entry.error ? 'refused' : (outcome ?? '')}>
              <span className="command-batch-name">{entry.name}</span>
              {entry.error ? (
                <Typography.Text type="danger" className="command-batch-error">
                  {entry.error}
                </Typography.Text>
              ) : (
                outcome && <Tag color={OUTCOME_COLOR[outcome]}>{t(`deviceCommands.outcomes.${outcome}`)}</Tag>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** A command under way or just ended, beside its door or zone in the list. */
export function CommandBadge({ record }: { record: CommandRecord }) {
  const { t } = useTranslation();
  const now = useNow(500);
  const { outcome } = commandPhase(record, now);
  return (
    <Tag className="command-badge" color={OUTCOME_COLOR[outcome]} icon={outcome === 'running' ? <LoadingOutlined /> : undefined} data-testid="command-badge" data-outcome={outcome}>
      {t(`deviceCommands.outcomes.${outcome}`)}
    </Tag>
  );
}

export function RefusalAlert({ title, message }: { title: string; message: string }) {
  return <Alert type="error" showIcon title={title} description={message} data-testid="command-refused" />;
}
