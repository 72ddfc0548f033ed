import { AimOutlined, AlertOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { mapActions, useMapUi } from './map-store';

/**
 * The map's alarm linkage, laid over the top of the map so that it never
 * shifts the plan under the pointer: which alarm the map went to (or offers
 * to go to), the way back to where the officer was, and a dismiss.
 */
export function FollowBar() {
  const { t } = useTranslation();
  const follow = useMapUi((state) => state.follow);
  const back = useMapUi((state) => state.followBack);
  if (!follow) return null;
  return (
    <div className="alarm-linkage-bar map-follow-bar" data-testid="map-follow" data-alarm={follow.alarm} data-shown={follow.shown}>
      <AlertOutlined />
      <span className="map-follow-text">{t(follow.shown ? 'map.follow.showing' : 'map.follow.offered', { alarm: follow.label })}</span>
      {!follow.shown && (
        <Button size="small" type="primary" danger icon={<AimOutlined />} onClick={() => void mapActions.showFollowed().catch(() => {})} data-testid="map-follow-show">
          {t('map.follow.show')}
        </Button>
      )}
      {back && (
        <Button size="small" icon={<RollbackOutlined />} onClick={mapActions.followBack} data-testid="map-follow-back">
          {t('map.follow.back')}
        </Button>
      )}
      <Tooltip title={t('map.follow.dismiss')}>
        <Button size="small" type="text" icon={<CloseOutlined />} onClick={mapActions.endFollow} aria-label={t('map.follow.dismiss')} data-testid="map-follow-dismiss" />
      </Tooltip>
    </div>
  );
}
