import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Input, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { NOTICE_STATES, type Notice, type NoticeState } from '../core/contract';
import { describeError } from '../core/errors';
import { PageToolbar } from '../shell/page-toolbar';
import { typingIn } from '../shell/typing';
import { targetsOf } from './audience';
import { Composer } from './composer';
import { NoticeDetail } from './detail';
import { useNotices } from './queries';
import { StateTag, formatTime } from './state-tag';
import './notices.css';

/**
 * Community announcements (社区公告): duty officers and supervisors draft
 * them, the property manager approves, schedules and revokes them; residents'
 * apps and signage receive them and their receipts are counted here. Found by
 * words, state and date; read only for roles that may neither draft nor publish.
 */
export function NoticesPage() {
  const { t } = useTranslation();
  const canDraft = usePermission('notices.draft');
  const canPublish = usePermission('notices.publish');
  const [text, setText] = useState('');
  const [state, setState] = useState<NoticeState | undefined>(undefined);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const list = useNotices({ text: text.trim() || undefined, state, from: range?.[0]?.startOf('day').valueOf(), to: range?.[1]?.endOf('day').valueOf(), limit: 200 });
  const queue = useNotices({ state: 'submitted', limit: 200 });
  const [opened, setOpened] = useState<string | null>(null);
  const [composing, setComposing] = useState<{ key: number; notice: Notice | null } | null>(null);
  const compose = (notice: Notice | null) => setComposing({ key: Date.now(), notice });

  // N: a new announcement, as on the rules and saving pages.
  useEffect(() => {
    if (!canDraft) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'n' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target) || composing || opened) return;
      event.preventDefault();
      setComposing({ key: Date.now(), notice: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canDraft, composing, opened]);

  const columns = [
    { title: t('notices.fields.title'), key: 'title', render: (_: unknown, notice: Notice) => <a onClick={() => setOpened(notice.id)}>{notice.title.zh}{notice.title.en ? <Typography.Text type="secondary"> · {notice.title.en}</Typography.Text> : null}</a> },
    { title: t('notices.fields.state'), dataIndex: 'state', width: 90, render: (value: NoticeState) => <StateTag state={value} /> },
    { title: t('notices.fields.audience'), key: 'audience', width: 220, ellipsis: true, render: (_: unknown, notice: Notice) => `${t(`notices.audience.${notice.audience.kind}`)} ${targetsOf(notice.audience).join('、')}` },
    { title: t('notices.fields.publishAt'), dataIndex: 'publishAt', width: 140, render: (value: number | null) => (value === null ? t('notices.onApproval') : formatTime(value)) },
    { title: t('notices.fields.updated'), key: 'updated', width: 190, render: (_: unknown, notice: Notice) => `${formatTime(notice.updatedAt)} · ${notice.updatedBy}` },
  ];
  const error = list.error ?? queue.error;
  return (
    <div className="page notices-page" data-testid="page-notices">
      <PageToolbar title={t('notices.title')}>
        <Input.Search allowClear placeholder={t('notices.search')} onSearch={setText} onChange={(event) => !event.target.value && setText('')} style={{ width: 240 }} data-testid="notice-search" />
        <Select allowClear placeholder={t('notices.fields.state')} value={state} onChange={setState} options={NOTICE_STATES.map((value) => ({ value, label: t(`notices.states.${value}`) }))} style={{ width: 120 }} data-testid="notice-state-filter" />
        <DatePicker.RangePicker value={range} onChange={(value) => setRange(value)} />
        <span className="toolbar-spacer" />
        {canDraft ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => compose(null)} data-testid="notice-create">
            {t('notices.create')} (N)
          </Button>
        ) : (
          <Typography.Text type="secondary" data-testid="notices-read-only">
            {t('notices.readOnly')}
          </Typography.Text>
        )}
      </PageToolbar>
      {error && <Alert type="error" showIcon title={describeError(t, error)} />}
      {canPublish && (queue.data?.length ?? 0) > 0 && (
        <Card size="small" title={t('notices.queue', { count: queue.data!.length })} className="notices-queue" data-testid="notice-queue">
          <Table size="small" rowKey="id" pagination={false} dataSource={queue.data} columns={columns} />
        </Card>
      )}
      <Card size="small" title={t('notices.all', { count: list.data?.length ?? 0 })}>
        <Table size="small" rowKey="id" loading={list.isPending} dataSource={list.data ?? []} columns={columns} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="notice-table" />
      </Card>
      <NoticeDetail id={opened} onClose={() => setOpened(null)} onEdit={(notice) => (setOpened(null), compose(notice))} />
      {composing && <Composer key={composing.key} open notice={composing.notice} onClose={() => setComposing(null)} />}
    </div>
  );
}
