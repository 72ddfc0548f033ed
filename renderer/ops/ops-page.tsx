import { useQueryClient } from '@tanstack/react-query';
import { Alert, Segmented, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../core/errors';
import { useNow } from '../core/use-now';
import { IngestPanel } from './ingest-panel';
import { LinkPanel } from './link-panel';
import { OutboxPanel, StationsPanel } from './outbox-panel';
import { QuarantinePanel } from './quarantine-panel';
import { StreamsPanel } from './streams-panel';
import { bindOpsEvents, useOpsStatus } from './queries';
import { DiagnosticsButton } from './diagnostics-button';
import { FiguresSection } from './figures/figures-section';
import './ops.css';
import { PageToolbar } from '../shell/page-toolbar';

/** 平台运维: the health of this station's link to the site, live. */
export function OpsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useOpsStatus();
  const now = useNow(1_000);
  useEffect(() => bindOpsEvents(queryClient), [queryClient]);
  const data = status.data;
  // 实时状态 (live health) or 服务指标 (service figures over a period).
  const [view, setView] = useState<'live' | 'figures'>('live');

  return (
    <div className="ops-page" data-testid="page-ops">
      <PageToolbar title={t('ops.title')}>
        <Segmented value={view} onChange={setView} options={[{ value: 'live', label: t('opsFigures.tabs.live') }, { value: 'figures', label: t('opsFigures.tabs.figures') }]} data-testid="ops-view" />
        {view === 'live' && <Typography.Text type="secondary">{t('ops.live')}</Typography.Text>}
        <DiagnosticsButton />
      </PageToolbar>
      {view === 'figures' && <FiguresSection />}
      {view === 'live' && status.error && <Alert type="error" showIcon title={describeError(t, status.error)} data-testid="ops-error" />}
      {view === 'figures' ? null : !data ? (
        !status.error && <Spin className="page-spinner" />
      ) : (
        <>
          <div className="ops-top">
            <LinkPanel link={data.link} now={now} />
            <IngestPanel ingest={data.ingest} now={now} link={data.link.state} />
            <div className="ops-column">
              <OutboxPanel outbox={data.outbox} now={now} />
              <StationsPanel stations={data.stations} />
            </div>
          </div>
          <StreamsPanel />
          <QuarantinePanel counts={data.ingest.quarantineByKind} total={data.ingest.totals.quarantined} />
        </>
      )}
    </div>
  );
}
