import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Input, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { describeError } from '../core/errors';
import { AnchorFindings } from './anchor-findings';
import { AuditTable } from './audit-table';
import { useAuditPages, type AuditFilter } from './queries';
import { VerifyResult } from './verify-result';
import { PageToolbar } from '../shell/page-toolbar';

function useDebounced(value: string, ms = 300): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function AuditPage() {
  const { t } = useTranslation();
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [jump, setJump] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<number[]>([]);
  const debouncedActor = useDebounced(actor.trim());
  const debouncedAction = useDebounced(action.trim());
  const filter = useMemo<AuditFilter>(
    () => ({ actor: debouncedActor || undefined, action: debouncedAction || undefined, beforeId: jump === null ? undefined : jump + 1 }),
    [debouncedActor, debouncedAction, jump],
  );
  const pages = useAuditPages(filter);
  const entries = useMemo(() => pages.data?.pages.flat() ?? [], [pages.data]);
  const verify = useMutation({ mutationFn: () => core.call('audit.verify', {}) });
  const badId = verify.data && !verify.data.ok ? verify.data.firstBadId : null;

  const jumpTo = (id: number) => {
    setActor('');
    setAction('');
    setJump(id);
    setExpanded([id]);
  };

  return (
    <div className="page" data-testid="page-audit">
      <PageToolbar title={t('audit.title')}>
        <Input allowClear placeholder={t('audit.actorFilter')} value={actor} onChange={(event) => setActor(event.target.value)} style={{ width: 160 }} />
        <Input allowClear placeholder={t('audit.actionFilter')} value={action} onChange={(event) => setAction(event.target.value)} style={{ width: 180 }} />
        {jump !== null && <Button onClick={() => setJump(null)}>{t('audit.backToLatest')}</Button>}
        <span className="toolbar-spacer" />
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
          {verify.isPending ? t('audit.verifying') : t('audit.verify')}
        </Button>
      </PageToolbar>
      <AnchorFindings />
      {verify.data && <VerifyResult result={verify.data} onJump={jumpTo} />}
      {verify.error && <Alert type="error" showIcon title={describeError(t, verify.error)} />}
      {pages.error && <Alert type="error" showIcon title={describeError(t, pages.error)} />}
      <AuditTable entries={entries} loading={pages.isPending} badId={badId} expanded={expanded} onExpand={setExpanded} />
      <div style={{ textAlign: 'center' }}>
        {pages.hasNextPage ? (
          <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
            {t('audit.loadOlder')}
          </Button>
        ) : (
          !pages.isPending && <Typography.Text type="secondary">{t('audit.noMore')}</Typography.Text>
        )}
      </div>
    </div>
  );
}
