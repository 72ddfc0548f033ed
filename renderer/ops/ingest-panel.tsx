import { Statistic, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { IngestStats, LinkState } from '../core/contract';
import { formatDuration, formatRate } from './format';
import { useRateHistory } from './history';
import { SERIES, Sparkline } from './sparkline';

const TOTALS = ['received', 'events', 'telemetry', 'readings', 'states', 'quarantined'] as const;
/** With the link up and nothing heard for this long, the site has likely gone quiet: say so in colour. */
const QUIET_MS = 60_000;

function LastMessage({ at, now, link }: { at: number | null; now: number; link: LinkState['state'] }) {
  const { t } = useTranslation();
  const quiet = at === null || now - at > QUIET_MS;
  return (
    <span className={`ops-last${quiet && link === 'online' ? ' ops-warn' : ''}`} data-testid="ops-last-message">
      {t('ops.ingest.lastMessage')}{' '}
      {at === null ? (
        t('ops.ingest.never')
      ) : (
        <Tooltip title={dayjs(at).format('YYYY-MM-DD HH:mm:ss')}>
          <span className="ops-num">{now - at < 1_000 ? t('ops.ingest.justNow') : t('ops.ingest.ago', { duration: formatDuration(t, now - at) })}</span>
        </Tooltip>
      )}
    </span>
  );
}

/** Messages from the site: rates now and over the last minute, and totals since the core started. */
export function IngestPanel({ ingest, now, link }: { ingest: IngestStats; now: number; link: LinkState['state'] }) {
  const { t } = useTranslation();
  const samples = useRateHistory((state) => state.samples);
  const peak = Math.max(0, ...samples.map((sample) => sample.received));
  return (
    <section className="panel ops-panel">
      <div className="panel-head">
        {t('ops.ingest.title')}
        <span className="toolbar-spacer" />
        <LastMessage at={ingest.lastMessageAt} now={now} link={link} />
      </div>
      <div className="ops-ingest">
        <div className="ops-rates">
          {SERIES.map(({ key, color }) => (
            <Statistic
              key={key}
              className={`ops-rate${key === 'quarantined' && ingest.rates.quarantined > 0 ? ' ops-bad' : ''}`}
              data-testid={`ops-rate-${key}`}
              data-value={ingest.rates[key]}
              title={
                <Tooltip title={t('ops.ingest.rateHint')}>
                  <span className="ops-legend" style={{ borderTop: `3px ${key === 'stored' ? 'dotted' : 'solid'} ${color}` }} />
                  {t(`ops.ingest.rates.${key}`)}
                </Tooltip>
              }
              value={formatRate(ingest.rates[key])}
              suffix={t('ops.ingest.perSecond')}
            />
          ))}
        </div>
        <div className="ops-history">
          <div className="ops-history-caption">
            <span>{t('ops.ingest.history')}</span>
            <span className="ops-num">{t('ops.ingest.peak', { value: formatRate(peak) })}</span>
          </div>
          <Sparkline samples={samples} peak={peak} />
        </div>
        <div className="ops-totals">
          {TOTALS.map((key) => (
            <Statistic
              key={key}
              className={`ops-total${key === 'quarantined' && ingest.totals.quarantined > 0 ? ' ops-bad' : ''}`}
              data-testid={`ops-total-${key}`}
              data-value={ingest.totals[key]}
              title={t(`ops.ingest.totals.${key}`)}
              value={ingest.totals[key]}
            />
          ))}
        </div>
      </div>
    </section>
  );
}
