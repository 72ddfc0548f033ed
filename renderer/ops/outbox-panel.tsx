import { Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxStats } from '../core/contract';
import { formatDuration } from './format';

/** What this station has still to send to the site, and what it could not deliver in time. */
export function OutboxPanel({ outbox, now }: { outbox: OutboxStats; now: number }) {
  const { t } = useTranslation();
  return (
    <section className="panel ops-panel">
      <div className="panel-head">{t('ops.outbox.title')}</div>
      <div className="ops-grid-stats">
        <Statistic className={outbox.pending > 0 ? 'ops-warn' : ''} data-testid="ops-outbox-pending" data-value={outbox.pending} title={t('ops.outbox.pending')} value={outbox.pending} />
        <Statistic data-testid="ops-outbox-delivered" data-value={outbox.delivered} title={t('ops.outbox.delivered')} value={outbox.delivered} />
        <Statistic className={outbox.expired > 0 ? 'ops-bad' : ''} data-testid="ops-outbox-expired" data-value={outbox.expired} title={t('ops.outbox.expired')} value={outbox.expired} />
        <Statistic
          className={outbox.oldestPendingAt !== null ? 'ops-warn' : ''}
          data-testid="ops-outbox-oldest"
          title={t('ops.outbox.oldestPending')}
          value={outbox.oldestPendingAt === null ? '—' : formatDuration(t, now - outbox.oldestPendingAt)}
        />
      </div>
    </section>
  );
}

export function StationsPanel({ stations }: { stations: number }) {
  const { t } = useTranslation();
  return (
    <section className="panel ops-panel">
      <div className="panel-head">{t('ops.stations.title')}</div>
      <div className="ops-grid-stats">
        <Statistic data-testid="ops-stations" data-value={stations} title={t('ops.stations.connected')} value={stations} />
      </div>
    </section>
  );
}
