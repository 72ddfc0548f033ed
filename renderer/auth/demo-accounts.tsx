import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const DEMO_ACCOUNTS = [
  { username: 'admin', password: 'Ops!Vigil2026', role: 'admin' },
  { username: 'duty', password: 'Watch!Vigil2026', role: 'duty' },
  { username: 'supervisor', password: 'Shift!Vigil2026', role: 'supervisor' },
  { username: 'commander', password: 'Incident!Vigil2026', role: 'commander' },
  { username: 'property', password: 'Meter!Vigil2026', role: 'property' },
  { username: 'tech', password: 'Repair!Vigil2026', role: 'tech' },
  { username: 'auditor', password: 'Ledger!Vigil2026', role: 'auditor' },
] as const;

/** The demo site's accounts; shown only when the core says it runs the demo. */
export function DemoAccounts({ onPick }: { onPick(account: { username: string; password: string }): void }) {
  const { t } = useTranslation();
  return (
    <div className="demo-accounts" data-testid="demo-accounts">
      <Typography.Text type="secondary">{t('auth.demoAccounts')}</Typography.Text>
      <table>
        <tbody>
          {DEMO_ACCOUNTS.map((account) => (
            <tr key={account.username} onClick={() => onPick(account)}>
              <td>{account.username}</td>
              <td className="mono">{account.password}</td>
              <td>{t(`auth.demoRoles.${account.role}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
