import { Alert, Button } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../core/contract';

/** The core's reasons, in the UI language when known. */
function reasonText(t: TFunction, reason: string | null): string {
  if (!reason) return '';
  if (reason.startsWith('content changed')) return t('audit.reasons.changed');
  if (reason.startsWith('does not follow')) return t('audit.reasons.chain');
  const missing = /^row (\d+) is missing$/.exec(reason);
  return missing ? t('audit.reasons.missing', { id: missing[1] }) : reason;
}

export function VerifyResult({ result, onJump }: { result: AuditVerification; onJump(id: number): void }) {
  const { t } = useTranslation();
  if (result.ok) {
    return <Alert type="success" showIcon data-testid="verify-result" data-ok="true" title={t('audit.verifyOk', { count: result.checked })} />;
  }
  const id = result.firstBadId;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="verify-result"
      data-ok="false"
      title={t('audit.verifyBad', { id: id ?? '?', reason: reasonText(t, result.reason), count: result.checked })}
      action={
        id !== null && (
          <Button size="small" danger onClick={() => onJump(id)}>
            {t('audit.jumpTo', { id })}
          </Button>
        )
      }
    />
  );
}
