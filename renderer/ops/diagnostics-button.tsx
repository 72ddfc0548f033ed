import { MedicineBoxOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import type { DiagnosticsBundle } from '../core/contract';
import { useCoreFile } from '../core/use-core-file';

/**
 * 诊断包: IT makes the station's diagnostics bundle and downloads it at once
 * (in a browser; the desktop app names where it is in the data folder). It
 * takes a second or two, so there is no progress, only the button's spinner.
 */
export function DiagnosticsButton() {
  const { t } = useTranslation();
  const allowed = usePermission('ops.diagnose');
  const { busy, result, start } = useCoreFile<DiagnosticsBundle>();
  if (!allowed) return null;
  const run = () => start(() => core.call('ops.diagnostics', {}));

  return (
    <span className="ops-diagnostics">
      {result && (
        <Typography.Text type="secondary" data-testid="ops-diagnostics-result" data-file={result.file}>
          {t('diagnostics.done', { file: result.file, size: Math.max(1, Math.round(result.size / 1024)), count: result.files.length + 1 })}{' '}
          <Tooltip title={`${t('diagnostics.manifest')} ${result.manifestSha256}`}>
            <Typography.Text code>{result.manifestSha256.slice(0, 12)}</Typography.Text>
          </Tooltip>
        </Typography.Text>
      )}
      <Tooltip title={t('diagnostics.hint')}>
        <Button icon={<MedicineBoxOutlined />} loading={busy} onClick={() => void run()} data-testid="ops-diagnostics">
          {t('diagnostics.make')}
        </Button>
      </Tooltip>
    </span>
  );
}
