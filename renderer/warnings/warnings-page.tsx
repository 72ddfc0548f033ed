import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageToolbar } from '../shell/page-toolbar';
import { WarningList } from './warning-list';
import { WarningRules } from './warning-rules';
import './warnings.css';

/**
 * Early warnings (突发事件预警): what the site's warning rules see starting,
 * by hazard and place, at levels I–IV; and the rules, with a dry run of a
 * draft over the stored history before it goes live.
 */
export function WarningsPage() {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="page-warnings">
      <PageToolbar title={t('warnings.title')}>
        <Typography.Text type="secondary">{t('warnings.hint')}</Typography.Text>
      </PageToolbar>
      <Tabs
        items={[
          { key: 'active', label: t('warnings.tabs.active'), children: <WarningList /> },
          { key: 'rules', label: t('warnings.tabs.rules'), children: <WarningRules /> },
        ]}
      />
    </div>
  );
}
