import { FileProtectOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import type { EvidenceExport as Exported } from '../core/contract';
import { useCoreFile } from '../core/use-core-file';

/**
 * Exports an incident's evidence package (证据包): timeline, clips, audit
 * entries and a manifest signed by this station. Clips come from the NVR in
 * real time, so the export shows how far it has come; the result names the
 * fingerprint a recipient checks it with (`vigil verify --trust`).
 */
export function EvidenceExport({ incident }: { incident: string }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const { busy, result, start } = useCoreFile<Exported>();
  useEffect(() => core.on('evidence.progress', (event) => event.incident === incident && setProgress({ done: event.done, total: event.total })), [incident]);

  const run = async () => {
    setProgress({ done: 0, total: 0 });
    await start(() => core.call('evidence.export', { id: incident }));
    setProgress(null);
  };

  return (
    <div className="incident-evidence" data-testid="incident-evidence">
      <Space wrap>
        <Button icon={<FileProtectOutlined />} loading={busy} onClick={() => void run()} data-testid="incident-export-evidence">
          {t('incidents.evidence.export')}
        </Button>
        {progress && progress.total > 0 && <Progress percent={Math.round((100 * progress.done) / progress.total)} size="small" style={{ width: 160 }} />}
      </Space>
      {result && (
        <Typography.Paragraph type="secondary" className="incident-evidence-result" data-testid="incident-evidence-result" data-file={result.file} data-fingerprint={result.fingerprint}>
          {t('incidents.evidence.done', { file: result.file, size: (result.size / 1_048_576).toFixed(1) })}
          <br />
          {t('incidents.evidence.fingerprint')} <Typography.Text code copyable>{result.fingerprint}</Typography.Text>
          {result.missing.length > 0 && (
            <>
              <br />
              <Typography.Text type="warning">{t('incidents.evidence.missing', { count: result.missing.length, reasons: [...new Set(result.missing.map((entry) => entry.reason))].join('; ') })}</Typography.Text>
            </>
          )}
        </Typography.Paragraph>
      )}
    </div>
  );
}
