import { Alert, Button, Empty, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IngestStats, QuarantineEntry } from '../core/contract';
import { describeError } from '../core/errors';
import { STICKY } from '../shell/sticky';
import { formatBytes, kindLabel } from './format';
import { useQuarantinePages } from './queries';

function ReasonCounts({ counts }: { counts: IngestStats['quarantineByKind'] }) {
  const { t } = useTranslation();
  const most = Math.max(1, ...counts.map((entry) => entry.count));
  return (
    <div className="ops-reasons" data-testid="ops-quarantine-reasons">
      <div className="ops-subhead">{t('ops.quarantine.byReason')}</div>
      {counts.length === 0 ? (
        <Typography.Text type="secondary">{t('ops.quarantine.noReasons')}</Typography.Text>
      ) : (
        counts.map(({ kind, count }) => (
          <div key={kind} className="ops-reason" data-reason={kind}>
            <span className="ops-reason-label">{kindLabel(t, kind)}</span>
            <span className="ops-reason-count mono">{count.toLocaleString()}</span>
            <span className="ops-reason-bar" style={{ width: `${(count / most) * 100}%` }} />
          </div>
        ))
      )}
    </div>
  );
}

function EntryDetail({ entry }: { entry: QuarantineEntry }) {
  const { t } = useTranslation();
  return (
    <div className="ops-entry">
      <div>
        <Typography.Text type="secondary">{t('ops.quarantine.topic')}: </Typography.Text>
        <span className="mono">{entry.topic}</span>
      </div>
      <div>
        <Typography.Text type="secondary">{t('ops.quarantine.reason')}: </Typography.Text>
        <span className="mono">{entry.reason}</span>
      </div>
      <pre className="ops-preview-full mono">{entry.preview}</pre>
    </div>
  );
}

/** Messages the core refused, newest first, by reason and one by one. */
export function QuarantinePanel({ counts, total }: { counts: IngestStats['quarantineByKind']; total: number }) {
  const { t } = useTranslation();
  const pages = useQuarantinePages();
  const entries = useMemo(() => pages.data?.pages.flat() ?? [], [pages.data]);
  const columns: TableColumnsType<QuarantineEntry> = [
    { key: 'at', title: t('ops.quarantine.at'), dataIndex: 'at', width: 172, render: (at: number) => <span className="mono ops-at">{dayjs(at).format('YYYY-MM-DD HH:mm:ss')}</span> },
    {
      key: 'topic',
      title: t('ops.quarantine.topic'),
      dataIndex: 'topic',
      width: '34%',
      ellipsis: true,
      render: (topic: string) => (
        <span className="mono ops-topic" title={topic}>
          {topic}
        </span>
      ),
    },
    {
      key: 'reason',
      title: t('ops.quarantine.reason'),
      dataIndex: 'reason',
      width: '22%',
      ellipsis: true,
      render: (reason: string, entry: QuarantineEntry) => (
        <Tooltip title={<span className="mono">{reason}</span>}>
          <span>{kindLabel(t, entry.kind)}</span>
        </Tooltip>
      ),
    },
    { key: 'preview', title: t('ops.quarantine.preview'), dataIndex: 'preview', ellipsis: true, render: (preview: string) => <span className="mono ops-preview">{preview}</span> },
    { key: 'size', title: t('ops.quarantine.size'), dataIndex: 'size', width: 76, align: 'right', render: (size: number) => <span className="mono">{formatBytes(size)}</span> },
  ];
  const empty = !pages.isPending && entries.length === 0;
  return (
    <section className="panel ops-panel">
      <div className="panel-head">
        {t('ops.quarantine.title')}
        <Typography.Text type="secondary" className="ops-head-hint">
          {t('ops.quarantine.hint')}
        </Typography.Text>
        <span className="toolbar-spacer" />
        <Tag color={total > 0 ? 'red' : 'default'} data-testid="ops-quarantine-count">
          {t('ops.quarantine.count', { count: total })}
        </Tag>
      </div>
      <div className="ops-quarantine">
        <ReasonCounts counts={counts} />
        <div className="ops-quarantine-list">
          {pages.error && <Alert type="error" showIcon title={describeError(t, pages.error)} />}
          {empty && !pages.error ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ops.quarantine.empty')} data-testid="ops-quarantine-empty" />
          ) : (
            !empty && (
              <>
                <Table<QuarantineEntry>
                  data-testid="ops-quarantine-table"
                  rowKey="id"
                  size="small"
                  columns={columns}
                  dataSource={entries}
                  loading={pages.isPending}
                  pagination={false}
                  sticky={STICKY}
                  expandable={{ expandedRowRender: (entry) => <EntryDetail entry={entry} />, expandRowByClick: true }}
                />
                <div className="ops-more">
                  {pages.hasNextPage ? (
                    <Button size="small" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                      {t('ops.quarantine.loadOlder')}
                    </Button>
                  ) : (
                    <Typography.Text type="secondary">{t('ops.quarantine.noMore')}</Typography.Text>
                  )}
                </div>
              </>
            )
          )}
        </div>
      </div>
    </section>
  );
}
