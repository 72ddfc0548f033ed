import { Alert } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuditAnchors } from './queries';

/** What the stations' audit anchors revealed (deleted newest rows, forged or replayed anchors), above the trail; nothing when all is well. */
export function AnchorFindings() {
  const { t } = useTranslation();
  const anchors = useAuditAnchors();
  const findings = (anchors.data ?? []).flatMap((entry) => entry.findings.map((finding) => ({ ...finding, station: entry.station })));
  if (!findings.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="anchor-findings"
      title={t('audit.anchor.title', { count: findings.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {findings.map((finding) => (
            <li key={finding.id}>
              <span className="mono">{dayjs(finding.at).format('YYYY-MM-DD HH:mm:ss')}</span> {finding.station} · <strong>{t(`audit.anchor.kinds.${finding.kind}`)}</strong> · {t('audit.anchor.row', { seq: finding.seq })}: {finding.reason}
            </li>
          ))}
        </ul>
      }
    />
  );
}
