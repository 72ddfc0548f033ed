import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shell/language-switch';
import { useSession } from './session-store';
import { stationId } from './station';

/** The frame around sign-in, first-run and lock: site, demo badge, version. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const status = useSession((state) => state.status);
  return (
    <div className="auth-page">
      <div className="auth-language">
        <LanguageSwitch />
      </div>
      <div className="auth-card">
        <div className="auth-brand">
          <span className="auth-logo">VIGIL</span>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="site-name">
              {status?.site ?? t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('app.name')}
              {status ? ` · ${t('app.version', { version: status.version })}` : ''}
            </Typography.Text>
          </div>
          {status?.demo && (
            <Tag color="gold" className="auth-demo" data-testid="demo-badge">
              {t('app.demo')}
            </Tag>
          )}
        </div>
        <Typography.Title level={5}>{title}</Typography.Title>
        {children}
        <Typography.Text type="secondary" className="auth-station">
          {t('auth.station', { station: stationId() })}
        </Typography.Text>
      </div>
    </div>
  );
}
