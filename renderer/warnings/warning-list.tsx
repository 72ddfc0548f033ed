import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Input, Modal, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import type { WarningView } from '../core/contract';
import { describeError } from '../core/errors';
import { LevelTag, levelText } from './level';
import { useWarnings, warningKeys } from './queries';

const time = (at: number) => dayjs(at).format('MM-DD HH:mm:ss');

/** One warning: level, place, hazard, since when, how its level went, who acknowledged it. Drawn again only when it changed. */
const WarningCard = memo(function WarningCard({ warning, onAcknowledge }: { warning: WarningView; onAcknowledge?: (warning: WarningView) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className={`warning-card warning-level-${warning.level}${warning.active ? '' : ' warning-cleared'}`} data-testid="warning-card" data-id={warning.id}>
      <Space wrap size="middle" className="warning-head">
        <LevelTag t={t} level={warning.level} />
        <Typography.Text strong className="warning-place">
          {warning.place.label}
        </Typography.Text>
        <Tag>{t(`warnings.hazards.${warning.hazard}`)}</Tag>
        <Typography.Text type="secondary">
          {t('warnings.fields.since')} {time(warning.raisedAt)}
        </Typography.Text>
        {warning.active ? <Tag color="processing">{t('warnings.active')}</Tag> : <Tag>{`${t('warnings.cleared')} ${time(warning.clearedAt!)}`}</Tag>}
        {warning.active && (
          <Button size="small" type={warning.acknowledged.length ? 'default' : 'primary'} onClick={() => onAcknowledge?.(warning)} data-testid="warning-acknowledge">
            {t('warnings.acknowledge')}
          </Button>
        )}
      </Space>
      <Timeline
        className="warning-history"
        items={warning.history.map((event) => ({
          color: event.type === 'cleared' ? 'gray' : event.type === 'acknowledged' ? 'green' : undefined,
          content: (
            <Space size={6} wrap>
              <Typography.Text type="secondary">{time(event.at)}</Typography.Text>
              <span>{t(`warnings.events.${event.type}`)}</span>
              {(event.type === 'raised' || event.type === 'level') && <LevelTag t={t} level={event.level} />}
              {event.type === 'acknowledged' && <Typography.Text>{`${event.by}：${event.note || '—'}`}</Typography.Text>}
            </Space>
          ),
        }))}
      />
    </Card>
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
