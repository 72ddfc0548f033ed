import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState, type HTMLAttributes, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import type { DeviceEventEntry } from '../core/contract';
import { describeError } from '../core/errors';
import { accessLogKeys, useAccessLog, useAccessLogFeed, type AccessLogFilter } from './access-log-query';
import { useAccessUi } from './access-ui';
import { EventTypeTag } from './event-type-tag';
import { PersonCell } from './person-cell';

function formatAt(at: number): string {
  const time = dayjs(at);
  return time.isSame(dayjs(), 'day') ? time.format('HH:mm:ss') : time.format('MM-DD HH:mm:ss');
}

/** Loads the next page when the end of the list scrolls into view. */
function useLoadOnView(root: RefObject<HTMLElement | null>, load: () => void, enabled: boolean) {
  const sentinel = useRef<HTMLDivElement>(null);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    if (!enabled || !sentinel.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && latest.current(), { root: root.current, rootMargin: '200px' });
    observer.observe(sentinel.current);
    return () => observer.disconnect();
  }, [root, enabled]);
  return sentinel;
}

/** The access log: newest first, personal data masked unless a role allowed to asks, audited. */
export function AccessLog() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canSee = usePermission('personal.read');
  const logDoor = useAccessUi((state) => state.logDoor);
  const logArea = useAccessUi((state) => state.logArea);
  const logTypes = useAccessUi((state) => state.logTypes);
  const logFrom = useAccessUi((state) => state.logFrom);
  const logTo = useAccessUi((state) => state.logTo);
  const filter = useMemo<AccessLogFilter>(() => ({ types: logTypes, code: logDoor, area: logArea, from: logFrom, to: logTo }), [logTypes, logDoor, logArea, logFrom, logTo]);
  const log = useAccessLog(filter);
  useAccessLogFeed();
  const entries = useMemo(() => log.data?.pages.flat() ?? [], [log.data]);
  const paused = (log.data?.pages.length ?? 0) > 1;

  const [revealed, setRevealed] = useState<Record<string, string | null>>({});
  const reveal = useMutation({
    mutationFn: (id: string) => core.call('events.person', { id }),
    onSuccess: ({ person }, id) => setRevealed((shown) => ({ ...shown, [id]: person })),
  });
  const hide = (id: string) =>
    setRevealed((shown) => {
      const { [id]: _hidden, ...rest } = shown;
      return rest;
    });

  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useLoadOnView(scroller, () => log.hasNextPage && !log.isFetchingNextPage && void log.fetchNextPage(), !!log.hasNextPage);

  const columns: TableColumnsType<DeviceEventEntry> = [
    { key: 'at', title: t('access.log.time'), dataIndex: 'at', width: 120, render: (at: number) => <span className="mono">{formatAt(at)}</span> },
    { key: 'type', title: t('access.log.type'), dataIndex: 'type', width: 130, render: (type: string) => <EventTypeTag type={type} /> },
    { key: 'door', title: t('access.log.door'), dataIndex: 'deviceName', ellipsis: true, render: (name: string, entry) => name || <span className="mono">{entry.code}</span> },
    { key: 'place', title: t('access.log.place'), width: 170, ellipsis: true, render: (_, entry) => [entry.area, entry.building].filter(Boolean).join(' / ') },
    {
      key: 'person',
      title: t('access.log.person'),
      width: 280,
      render: (_, entry) => (
        <PersonCell
          masked={entry.person}
          revealed={revealed[entry.id]}
          allowed={canSee}
          loading={reveal.isPending && reveal.variables === entry.id}
          onReveal={() => reveal.mutate(entry.id)}
          onHide={() => hide(entry.id)}
        />
      ),
    },
  ];

  return (
    <div className="access-log" data-testid="access-log">
      <div className="access-log-status">
        {paused ? (
          <>
            <Typography.Text type="warning">{t('access.log.paused')}</Typography.Text>
            <Button size="small" onClick={() => void queryClient.resetQueries({ queryKey: accessLogKeys.list(filter) })} data-testid="log-latest">
              {t('access.log.backToLatest')}
            </Button>
          </>
        ) : (
          <Badge status="processing" text={t('access.log.live')} />
        )}
        <span className="toolbar-spacer" />
        <Typography.Text type="secondary" data-testid="log-privacy">
          {canSee ? t('access.log.auditNote') : t('access.log.maskedNote')}
        </Typography.Text>
      </div>
      {log.error && <Alert type="error" showIcon title={describeError(t, log.error)} />}
      {reveal.error && <Alert type="error" showIcon closable title={t('access.log.revealFailed', { message: describeError(t, reveal.error) })} />}
      <div className="access-log-scroll" ref={scroller}>
        <Table<DeviceEventEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={entries}
          loading={log.isPending}
          pagination={false}
          sticky={{ getContainer: () => scroller.current ?? window }}
          locale={{ emptyText: t('access.log.empty') }}
          onRow={(entry) => ({ 'data-testid': 'access-row', 'data-id': entry.id, 'data-type': entry.type }) as HTMLAttributes<HTMLElement>}
        />
        <div ref={sentinel} className="access-log-end">
          {log.hasNextPage ? (
            <Button size="small" type="link" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {t('access.log.loadOlder')}
            </Button>
          ) : (
            entries.length > 0 && <Typography.Text type="secondary">{t('access.log.noMore')}</Typography.Text>
          )}
        </div>
      </div>
    </div>
  );
}
