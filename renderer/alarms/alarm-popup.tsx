import { AppstoreAddOutlined, CloseOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { create } from 'zustand';
import { useTranslation } from 'react-i18next';
import type { Alarm } from '../core/contract';
import { useDevice } from '../devices/queries';
import { typingIn } from '../shell/typing';
import { useUi } from '../shell/ui-store';
import { useLinkedAlarm } from '../video/alarm-linkage';
import { CameraView } from '../video/camera-view';
import { wallOpenElsewhere } from '../video/wall-presence';
import { alarmTitle, placeOf, SEVERITY_COLOUR, sourceLabel } from './alarm-format';
import { linkedCamerasToWall } from './linked-to-wall';
// The alarm page's styles too: the severity badge and the linked camera look as in the alarm's detail.
import './alarms.css';
import './alarm-popup.css';

const STORAGE_KEY = 'vigil.alarmPopup';
const listeners = new Set<() => void>();
const popupEnabled = () => localStorage.getItem(STORAGE_KEY) !== 'off';

function setPopupEnabled(on: boolean): void {
  localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  for (const listener of listeners) listener();
}

/** The alarm shown, if any: read by the linkage (is one shown?) outside rendering. */
const usePopup = create<{ shown: { alarm: Alarm; cameras: string[] } | null }>(() => ({ shown: null }));

/** Whether this station pops up alarm video, for the alarm page's toolbar switch. */
export function usePopupEnabled(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore((listener) => (listeners.add(listener), () => listeners.delete(listener)), popupEnabled);
  return [on, setPopupEnabled];
}

/**
 * Alarm linkage where no wall is open (报警弹窗): a new critical or major
 * alarm's nearest camera pops up over whatever page the officer is on, with
 * its other cameras a click away. V puts them all on the wall, Esc closes.
 * A wall open in this window or another of the station takes the alarm
 * instead, as it always has.
 */
export function AlarmPopup() {
  const shown = usePopup((state) => state.shown);
  const [index, setIndex] = useState(0);
  const onWall = useUi((state) => state.page === 'wall');
  useLinkedAlarm(
    () => popupEnabled() && useUi.getState().page !== 'wall' && !wallOpenElsewhere(),
    () => usePopup.getState().shown !== null,
    (alarm, cameras) => {
      usePopup.setState({ shown: { alarm, cameras } });
      setIndex(0);
    },
  );
  const close = () => usePopup.setState({ shown: null });
  const toWall = () => {
    if (shown) linkedCamerasToWall(shown.cameras);
    close();
  };

  useEffect(() => {
    if (!shown || onWall) return;
    const onKey = (event: KeyboardEvent) => {
      if (typingIn(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') close();
      else if (event.key.toLowerCase() === 'v') toWall();
      else return;
      event.preventDefault();
      event.stopPropagation();
    };
    // Capture: the page's own Esc and V (the alarm list's) must not act on the same key.
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  });

  if (!shown || onWall) return null;
  return <PopupPanel alarm={shown.alarm} cameras={shown.cameras} index={index} onIndex={setIndex} onWall={toWall} onClose={close} />;
}

function PopupPanel(props: { alarm: Alarm; cameras: string[]; index: number; onIndex(index: number): void; onWall(): void; onClose(): void }) {
  const { t } = useTranslation();
  const { alarm, cameras, index } = props;
  const code = cameras[index]!;
  const camera = useDevice(code);
  return (
    <aside className="alarm-popup" role="dialog" aria-label={t('alarms.popup.title')} data-testid="alarm-popup" data-alarm={alarm.id} style={{ borderTopColor: SEVERITY_COLOUR[alarm.severity] }}>
      <div className="alarm-popup-head">
        <span className="alarm-detail-severity" style={{ background: SEVERITY_COLOUR[alarm.severity] }}>
          {t(`alarms.severity.${alarm.severity}`)}
        </span>
        <span className="alarm-popup-title">
          {alarmTitle(t, alarm)} · {sourceLabel(alarm)}
        </span>
        <span className="toolbar-spacer" />
        <Tooltip title={t('alarms.popup.close')}>
          <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t('alarms.popup.close')} onClick={props.onClose} data-testid="alarm-popup-close" />
        </Tooltip>
      </div>
      <div className="alarm-popup-place">{placeOf(alarm) || '—'}</div>
      <CameraView key={code} code={code} name={camera.data?.name ?? code} className="linked-camera" testId="alarm-popup-camera" />
      <Space size={4} wrap className="alarm-popup-actions">
        {cameras.length > 1 &&
          cameras.map((other, i) => (
            <Button key={other} size="small" type={i === index ? 'primary' : 'default'} icon={<PictureOutlined />} onClick={() => props.onIndex(i)} aria-label={t('alarms.popup.camera', { n: i + 1 })}>
              {i + 1}
            </Button>
          ))}
        <span className="toolbar-spacer" />
        <Button size="small" type="primary" icon={<AppstoreAddOutlined />} onClick={props.onWall} data-testid="alarm-popup-to-wall">
          {t('alarms.popup.toWall', { count: cameras.length })} (V)
        </Button>
      </Space>
    </aside>
  );
}
