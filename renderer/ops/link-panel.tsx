import { useTranslation } from 'react-i18next';
import type { LinkState } from '../core/contract';
import { formatDuration, formatTime } from './format';

const FOR = { online: 'ops.link.onlineFor', offline: 'ops.link.offlineFor', connecting: 'ops.link.connectingFor' } as const;

/** The site broker link: state in colour, for how long, and where to. */
export function LinkPanel({ link, now }: { link: LinkState; now: number }) {
  const { t } = useTranslation();
  const configured = link.since > 0;
  return (
    <section className="panel ops-panel">
      <div className="panel-head">{t('ops.link.title')}</div>
      <div className={`ops-link ops-link-${link.state}`} data-testid="ops-link" data-state={link.state}>
        <div className="ops-link-state">
          <span className="ops-dot" />
          {t(`ops.link.states.${link.state}`)}
        </div>
        <div className="ops-link-duration" data-testid="ops-link-duration">
          {configured ? t(FOR[link.state], { duration: formatDuration(t, now - link.since) }) : t('ops.link.notConfigured')}
        </div>
      </div>
      <dl className="ops-facts">
        <dt>{t('ops.link.since')}</dt>
        <dd className="mono">{configured ? formatTime(link.since) : '—'}</dd>
        <dt>{t('ops.link.broker')}</dt>
        <dd className="mono" data-testid="ops-broker" title={link.broker}>
          {link.broker}
        </dd>
      </dl>
    </section>
  );
}
