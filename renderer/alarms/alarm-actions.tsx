import { Button, Input, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALARM_ACTIONS, PROCEDURES } from '../core/contract';
import type { AlarmEntry } from './alarm-entry';
import { stepsDone } from './alarm-format';
import { allowedActions, procedureDone, waitsForProcedure, type AlarmAction } from './alarm-rules';

const KEYS: Partial<Record<AlarmAction, string>> = { acknowledge: 'A', handle: 'H' };

/** The note and the four actions; resolve and close wait for the procedure and say why. */
export function AlarmActions({ alarm, act }: { alarm: AlarmEntry; act: (action: AlarmAction, note?: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<AlarmAction | null>(null);
  const allowed = allowedActions(alarm);
  const total = PROCEDURES[alarm.type].length;
  const ready = procedureDone(alarm);

  const run = async (action: AlarmAction) => {
    setBusy(action);
    if (await act(action, note)) setNote('');
    setBusy(null);
  };

  return (
    <div className="alarm-actions">
      <Input.TextArea
        value={note}
        onChange={(event) => setNote(event.target.value)}
        placeholder={t('alarms.detail.note')}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={1000}
        data-testid="alarm-note"
      />
      <Space wrap size={6}>
        {ALARM_ACTIONS.map((action) => {
          const blocked = allowed[action] && waitsForProcedure(alarm, action);
          const button = (
            <Button
              key={action}
              size="small"
              type={action === 'acknowledge' && allowed.acknowledge ? 'primary' : 'default'}
              danger={action === 'acknowledge' && alarm.severity === 'critical' && allowed.acknowledge}
              disabled={!allowed[action] || blocked || busy !== null}
              loading={busy === action}
              onClick={() => void run(action)}
              data-testid={`alarm-${action}`}
            >
              {t(`alarms.actions.${action}`)}
              {KEYS[action] && <kbd>{KEYS[action]}</kbd>}
            </Button>
          );
          return blocked ? (
            <Tooltip key={action} title={t('alarms.detail.resolveNeedsSteps', { count: total - stepsDone(alarm.steps, total) })}>
              {/* A disabled button shows no tooltip of its own. */}
              <span data-testid={`alarm-${action}-blocked`}>{button}</span>
            </Tooltip>
          ) : (
            button
          );
        })}
      </Space>
      {allowed.resolve && !ready && (
        <div className="alarm-hint" data-testid="alarm-resolve-hint">
          {t('alarms.detail.resolveNeedsSteps', { count: total - stepsDone(alarm.steps, total) })}
        </div>
      )}
    </div>
  );
}
