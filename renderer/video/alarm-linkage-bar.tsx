import { AlertOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWall, wallActions } from './wall-store';

/** While an alarm's or an incident's cameras hold the wall: whose, and the way back to the wall they replaced. */
export function AlarmLinkageBar() {
  const { t } = useTranslation();
  const linkage = useWall((state) => state.linkage);
  if (!linkage) return null;
  return (
    <div className="alarm-linkage-bar" data-testid="alarm-linkage" data-alarm={linkage.alarm}>
      <AlertOutlined />
      <span>{linkage.alarm.startsWith('incident:') ? t('wall.linkage.incident', { title: linkage.label }) : t('wall.linkage.showing', { alarm: linkage.label })}</span>
      <span className="toolbar-spacer" />
      <Button size="small" icon={<RollbackOutlined />} onClick={() => wallActions.endLinkage()}>
        {t('wall.linkage.back')}
      </Button>
    </div>
  );
}
