import { Alert } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCoreLink } from '../core/link-status';

/** Shown across the top whenever this window cannot reach the core. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { status, lostAt, attempts } = useCoreLink();
  if (status !== 'lost') return null;
  return (
    <Alert
      banner
      type="error"
      className="connection-banner"
      data-testid="connection-banner"
      title={lostAt ? t('connection.lostSince', { time: dayjs(lostAt).format('HH:mm:ss'), attempt: attempts }) : t('connection.lost')}
    />
  );
}
