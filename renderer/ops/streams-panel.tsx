import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import type { StreamHealth } from '../core/contract';
import { opsKeys } from './keys';

const POLL_MS = 2_000;

/** Every camera stream the gateway runs: who watches, how it flows, how often it came back. */
export function StreamsPanel() {
  const { t } = useTranslation();
  const { data = [] } = useQuery({ queryKey: [...opsKeys.all, 'streams'], queryFn: () => core.call('video.health', {}), refetchInterval: POLL_MS });
  return (
    <section className="panel ops-panel" data-testid="ops-streams">
      <div className="panel-head">{t('ops.streams.title', { count: data.filter((stream) => stream.running).length })}</div>
      <Table<StreamHealth>
        size="small"
        pagination={false}
        rowKey={(stream) => `${stream.camera}/${stream.source}`}
        dataSource={data}
        scroll={{ y: 260 }}
        locale={{ emptyText: t('ops.streams.none') }}
        columns={[
          { title: t('ops.streams.camera'), dataIndex: 'camera', className: 'mono', width: 200 },
          { title: t('ops.streams.source'), dataIndex: 'source', ellipsis: true },
          {
            title: t('ops.streams.state'),
            render: (_, stream) =>
              !stream.running ? (
                <Tag>{t('ops.streams.idle')}</Tag>
              ) : stream.warm && stream.viewers === 0 ? (
                <Tag color="blue" title={t('ops.streams.warmHint')}>
                  {t('ops.streams.warm')}
                </Tag>
              ) : (
                <Tag color="green">{t('ops.streams.running')}</Tag>
              ),
          },
          { title: t('ops.streams.viewers'), dataIndex: 'viewers', align: 'right' },
          { title: 'fps', render: (_, stream) => stream.fragments.toFixed(1), align: 'right' },
          { title: 'kbit/s', render: (_, stream) => Math.round(stream.kbps), align: 'right' },
          { title: t('ops.streams.codec'), render: (_, stream) => `${stream.codec ?? '—'}${stream.transcoding ? ` · ${t('wall.transcoded')}` : ''}` },
          { title: t('ops.streams.restarts'), dataIndex: 'restarts', align: 'right' },
          { title: t('ops.streams.lastFrame'), render: (_, stream) => (stream.lastFragmentAt ? dayjs(stream.lastFragmentAt).format('HH:mm:ss') : '—') },
        ]}
      />
    </section>
  );
}
