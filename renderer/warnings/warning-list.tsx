import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Empty, Input, Modal, Typography } from 'antd';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { LEVEL_COLOURS, type WarningLevel, type WarningView } from '../core/contract';
import { describeError } from '../core/errors';
import { levelText } from './level';
import { useWarnings, warningKeys } from './queries';

const time = (at: number) => dayjs(at).format('MM-DD HH:mm:ss');

/** A level in a card: the same colour and words as LevelTag, without an antd component to mount. */
function LevelMark({ t, level }: { t: TFunction; level: WarningLevel }) {
  return (
    <span className={`warning-mark warning-mark-${LEVEL_COLOURS[level]}`} data-testid="warning-level" data-level={level}>
      {levelText(t, level)}
    </span>
  );
}

/**
 * One warning: level, place, hazard, since when, how its level went, who
 * acknowledged it. Drawn again only when it changed. Plain elements styled
 * in warnings.css: in a fire the page holds hundreds of these, and each
 * antd component a new card mounts registers its styles again (a scan of
 * every style in the document), which kept the newest card from the
 * screen for milliseconds a card.
 */
const WarningCard = memo(function WarningCard({ warning, onAcknowledge }: { warning: WarningView; onAcknowledge?: (warning: WarningView) => void }) {
  const { t } = useTranslation();
  return (
    <article className={`warning-card warning-level-${warning.level}${warning.active ? '' : ' warning-cleared'}`} data-testid="warning-card" data-id={warning.id}>
      <header className="warning-head">
        <LevelMark t={t} level={warning.level} />
        <strong className="warning-place">{warning.place.label}</strong>
        <span className="warning-chip">{t(`warnings.hazards.${warning.hazard}`)}</span>
        <span className="warning-muted">
          {t('warnings.fields.since')} {time(warning.raisedAt)}
        </span>
        {warning.active ? <span className="warning-chip warning-chip-active">{t('warnings.active')}</span> : <span className="warning-chip">{`${t('warnings.cleared')} ${time(warning.clearedAt!)}`}</span>}
        {warning.active && (
          <button type="button" className={`warning-ack${warning.acknowledged.length ? '' : ' warning-ack-first'}`} onClick={() => onAcknowledge?.(warning)} data-testid="warning-acknowledge">
            {t('warnings.acknowledge')}
          </button>
        )}
      </header>
      <ol className="warning-history">
        {warning.history.map((event, index) => (
          <li key={index} className={`warning-step-${event.type}`}>
            <span className="warning-muted">{time(event.at)}</span> <span>{t(`warnings.events.${event.type}`)}</span> {(event.type === 'raised' || event.type === 'level') && <LevelMark t={t} level={event.level} />}
            {event.type === 'acknowledged' && <span>{`${event.by}：${event.note || '—'}`}</span>}
          </li>
        ))}
      </ol>
    </article>
  );
});

/** Active warnings, gravest first, then those cleared lately. */
export function WarningList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data, error, isPending } = useWarnings();
  const [acknowledging, setAcknowledging] = useState<WarningView | null>(null);
  const [note, setNote] = useState('');
  const startAcknowledging = useCallback((warning: WarningView) => (setNote(''), setAcknowledging(warning)), []);
  const acknowledge = useMutation({
    mutationFn: ({ id }: WarningView) => core.call('warnings.acknowledge', { id, note }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: warningKeys.all });
      void message.success(t('warnings.acknowledgedNow'));
      setAcknowledging(null);
    },
    onError: (failure) => void message.error(describeError(t, failure)),
  });
  const active = (data ?? []).filter((warning) => warning.active);
  const recent = (data ?? []).filter((warning) => !warning.active).slice(0, 20);
  return (
    <div className="warning-list" data-testid="warning-list">
      {error && <Alert type="error" showIcon title={describeError(t, error)} />}
      {!isPending && !active.length && <Empty description={t('warnings.empty')} />}
      {active.map((warning) => (
        <WarningCard key={warning.id} warning={warning} onAcknowledge={startAcknowledging} />
      ))}
      {recent.length > 0 && <Typography.Title level={5}>{t('warnings.recent')}</Typography.Title>}
      {recent.map((warning) => (
        <WarningCard key={warning.id} warning={warning} />
      ))}
      <Modal
        open={acknowledging !== null}
        title={acknowledging && `${t('warnings.acknowledgeTitle', { place: acknowledging.place.label })} · ${levelText(t, acknowledging.level)}`}
        okText={t('warnings.acknowledge')}
        cancelText={t('common.cancel')}
        confirmLoading={acknowledge.isPending}
        onOk={() => acknowledging && acknowledge.mutate(acknowledging)}
        onCancel={() => setAcknowledging(null)}
        destroyOnHidden
      >
        <Input.TextArea rows={3} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} placeholder={t('warnings.notePlaceholder')} aria-label={t('warnings.note')} data-testid="warning-note" autoFocus />
      </Modal>
    </div>
  );
}
