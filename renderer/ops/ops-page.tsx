import { useQueryClient } from '@tanstack/react-query';
import { Alert, Spin, Typography } from 'antd';
import { useEffect } from 'react';
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

  return (
    <div className="ops-page" data-testid="page-ops">
      <PageToolbar title={t('ops.title')}>
        <Typography.Text type="secondary">{t('ops.live')}</Typography.Text>
        <DiagnosticsButton />
      </PageToolbar>
      {status.error && <Alert type="error" showIcon title={describeError(t, status.error)} data-testid="ops-error" />}
      {!data ? (
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
