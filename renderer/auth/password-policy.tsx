import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The core's policy, mirrored as a live hint; the core alone decides. */
function checks(password: string, username: string) {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  return [
    { key: 'length', ok: password.length >= 10 },
    { key: 'classes', ok: classes >= 3 },
    { key: 'username', ok: !username || !password.toLowerCase().includes(username.toLowerCase()) },
  ] as const;
}

export function PasswordPolicy({ password, username }: { password: string; username: string }) {
  const { t } = useTranslation();
  return (
    <div className="password-policy" data-testid="password-policy">
      <Typography.Text type="secondary">{t('policy.title')}</Typography.Text>
      <ul>
        {checks(password, username).map(({ key, ok }) => (
          <li key={key} className={ok ? 'ok' : undefined}>
            {ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} {t(`policy.${key}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
