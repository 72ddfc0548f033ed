import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { STICKY } from '../shell/sticky';
import type { AuditEntry } from '../core/contract';

const OUTCOME_COLOR: Record<AuditEntry['outcome'], string> = { ok: 'green', denied: 'red', failed: 'orange' };

function AuditDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <div className="audit-expanded" data-testid={`audit-detail-${entry.id}`}>
      <div>
        <Typography.Text type="secondary">{t('audit.station')}: </Typography.Text>
        <span className="mono">{entry.station}</span>
      </div>
      <div>
        <Typography.Text type="secondary">{t('audit.hash')}: </Typography.Text>
        <Typography.Text className="mono" copyable>
          {entry.hash}
        </Typography.Text>
      </div>
      <Typography.Text type="secondary">{t('audit.detail')}:</Typography.Text>
      <pre className="audit-detail mono">{Object.keys(entry.detail).length ? JSON.stringify(entry.detail, null, 2) : '—'}</pre>
    </div>
  );
}

type Props = {
  entries: AuditEntry[];
  loading: boolean;
  badId: number | null;
  expanded: number[];
  onExpand(keys: number[]): void;
};

export function AuditTable({ entries, loading, badId, expanded, onExpand }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<AuditEntry> = [
    { key: 'id', title: t('audit.id'), dataIndex: 'id', width: 80, render: (id: number) => <span className="mono">#{id}</span> },
    { key: 'at', title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: number) => <span className="mono">{dayjs(at).format('YYYY-MM-DD HH:mm:ss')}</span> },
    { key: 'actor', title: t('audit.actor'), dataIndex: 'actor', width: 120, ellipsis: true },
    { key: 'role', title: t('audit.role'), dataIndex: 'role', width: 170, ellipsis: true, render: (role: string) => (role ? t(`roles.${role}` as 'roles.it_admin', { defaultValue: role }) : '—') },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <span>
          {t(`audit.actions.${action.replace('.', '_')}` as 'audit.actions.auth_signIn', { defaultValue: action })}{' '}
          <Typography.Text type="secondary" className="mono">
            {action}
          </Typography.Text>
        </span>
      ),
    },
    { key: 'target', title: t('audit.target'), dataIndex: 'target', ellipsis: true, render: (target: string) => <span className="mono">{target}</span> },
    {
      key: 'outcome',
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 80,
      render: (outcome: AuditEntry['outcome']) => <Tag color={OUTCOME_COLOR[outcome]}>{t(`audit.outcomes.${outcome}`)}</Tag>,
    },
  ];
  return (
    <Table<AuditEntry>
      data-testid="audit-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={entries}
      loading={loading}
      pagination={false}
      sticky={STICKY}
      rowClassName={(entry) => (entry.id === badId ? 'audit-row-bad' : '')}
      expandable={{
        expandedRowKeys: expanded,
        onExpandedRowsChange: (keys) => onExpand(keys.map(Number)),
        expandedRowRender: (entry) => <AuditDetail entry={entry} />,
        expandRowByClick: true,
      }}
    />
  );
}
