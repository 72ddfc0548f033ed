import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Input, Modal, Popconfirm, Progress, Space, Table, Tabs, Timeline, Typography, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import type { Notice } from '../core/contract';
import { describeError } from '../core/errors';
import { targetsOf } from './audience';
import { useNotice, useReceipts } from './queries';
import { RichEditor } from './rich-editor';
import { StateTag, formatTime } from './state-tag';

/** One notice: its text in both languages, who did what, its receipts per part of the audience, and the steps the user may take. */
export function NoticeDetail({ id, onClose, onEdit }: { id: string | null; onClose: () => void; onEdit: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const notice = useNotice(id);
  const receipts = useReceipts(id);
  const data = notice.data;
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={data?.title.zh ?? ''} destroyOnHidden data-testid="notice-detail" extra={data && <Actions notice={data} onEdit={onEdit} />}>
      {notice.error && <Alert type="error" showIcon title={describeError(t, notice.error)} />}
      {data && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('notices.fields.state')}>
              <StateTag state={data.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.fields.audience')}>
              {t(`notices.audience.${data.audience.kind}`)} {targetsOf(data.audience).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.fields.publishAt')}>{data.publishAt === null ? t('notices.onApproval') : formatTime(data.publishAt)}</Descriptions.Item>
            <Descriptions.Item label={t('notices.fields.expiresAt')}>{data.expiresAt === null ? t('notices.untilRevoked') : formatTime(data.expiresAt)}</Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('notices.receipts.title')} data-testid="notice-receipts">
            <Table
              size="small"
              pagination={false}
              rowKey="group"
              loading={receipts.isPending}
              dataSource={receipts.data ? [...receipts.data.groups, { group: '', terminals: receipts.data.terminals, received: receipts.data.received, read: receipts.data.read }] : []}
              locale={{ emptyText: t('notices.receipts.none') }}
              columns={[
                { title: t('notices.receipts.group'), dataIndex: 'group', render: (group: string) => (group === '' ? <b>{t('notices.receipts.total')}</b> : group === 'signage' ? t('notices.audience.signage') : group) },
                { title: t('notices.receipts.terminals'), dataIndex: 'terminals', align: 'right', width: 80 },
                { title: t('notices.receipts.received'), key: 'received', width: 200, render: (_, row) => <Progress size="small" percent={row.terminals ? Math.floor((row.received / row.terminals) * 100) : 0} format={() => `${row.received}/${row.terminals}`} /> },
                { title: t('notices.receipts.read'), key: 'read', width: 200, render: (_, row) => <Progress size="small" percent={row.terminals ? Math.floor((row.read / row.terminals) * 100) : 0} format={() => `${row.read}/${row.terminals}`} /> },
              ]}
            />
          </Card>
          <Tabs
            size="small"
            items={[
              { key: 'zh', label: '中文', children: <RichEditor value={data.body.zh} editable={false} testId="notice-read-zh" /> },
              ...(data.body.en ? [{ key: 'en', label: 'English', children: <><Typography.Title level={5}>{data.title.en}</Typography.Title><RichEditor value={data.body.en} editable={false} /></> }] : []),
            ]}
          />
          <Card size="small" title={t('notices.history')}>
            <Timeline
              items={[...data.history].reverse().map((step) => ({
                key: `${step.action}-${step.at}`,
                color: step.action === 'rejected' || step.action === 'revoked' ? 'red' : step.action === 'approved' ? 'green' : 'blue',
                content: `${formatTime(step.at)} · ${step.by} · ${t(`notices.actions.${step.action}`)}${step.reason ? `: ${step.reason}` : ''}`,
              }))}
            />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}

function Actions({ notice, onEdit }: { notice: Notice; onEdit: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canDraft = usePermission('notices.draft');
  const canPublish = usePermission('notices.publish');
  const [approving, setApproving] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [publishAt, setPublishAt] = useState<number | null>(notice.publishAt);
  const [reason, setReason] = useState('');
  const act = useMutation({
    mutationFn: (step: () => Promise<Notice>) => step(),
    onSuccess: (changed) => {
      void message.success(t(`notices.done.${changed.state}`, { title: changed.title.zh }));
      setApproving(false);
      setRejecting(false);
    },
    onError: (error) => void message.error(describeError(t, error)),
  });
  const editable = notice.state === 'draft' || notice.state === 'rejected';
  return (
    <Space>
      {canDraft && editable && <Button onClick={() => onEdit(notice)} data-testid="notice-edit">{t('notices.editButton')}</Button>}
      {canDraft && editable && <Button onClick={() => act.mutate(() => core.call('notices.submit', { id: notice.id }))} data-testid="notice-submit-detail">{t('notices.submit')}</Button>}
      {canPublish && (notice.state === 'submitted' || notice.state === 'draft') && (
        <>
          <Button danger disabled={notice.state !== 'submitted'} onClick={() => setRejecting(true)} data-testid="notice-reject">{t('notices.reject')}</Button>
          <Button type="primary" onClick={() => setApproving(true)} data-testid="notice-approve">{t('notices.approve')}</Button>
        </>
      )}
      {canPublish && (notice.state === 'scheduled' || notice.state === 'published') && (
        <Popconfirm title={t('notices.confirmRevoke', { title: notice.title.zh })} okText={t('notices.revoke')} okButtonProps={{ danger: true, 'data-testid': 'notice-revoke-confirm' } as ButtonProps} onConfirm={() => act.mutate(() => core.call('notices.revoke', { id: notice.id }))}>
          <Button danger data-testid="notice-revoke">{t('notices.revoke')}</Button>
        </Popconfirm>
      )}
      <Modal open={approving} title={t('notices.approveTitle')} okText={t('notices.approve')} onOk={() => act.mutate(() => core.call('notices.approve', { id: notice.id, publishAt }))} onCancel={() => setApproving(false)} confirmLoading={act.isPending} okButtonProps={{ 'data-testid': 'notice-approve-ok' } as ButtonProps}>
        <Space orientation="vertical">
          <Typography.Text>{t('notices.approveHint')}</Typography.Text>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={publishAt === null ? null : dayjs(publishAt)} onChange={(value) => setPublishAt(value ? value.valueOf() : null)} placeholder={t('notices.onApproval')} data-testid="notice-approve-at" />
        </Space>
      </Modal>
      <Modal open={rejecting} title={t('notices.rejectTitle')} okText={t('notices.reject')} okButtonProps={{ danger: true, disabled: !reason.trim() }} onOk={() => act.mutate(() => core.call('notices.reject', { id: notice.id, reason }))} onCancel={() => setRejecting(false)}>
        <Input.TextArea value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} rows={3} placeholder={t('notices.rejectReason')} data-testid="notice-reject-reason" />
      </Modal>
    </Space>
  );
}
