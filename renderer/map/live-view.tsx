import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../core/contract';
import { LivePlayer, type PlayerStatus } from '../video/live-player';

const IDLE: PlayerStatus = { state: 'idle', codec: null, transcoded: false };

/**
 * A camera's live picture beside the map: the wall's player, in the wall's
 * tile styling, on the sub-stream (a panel is a small tile). One stream, for
 * as long as the camera stays selected.
 */
export function LiveView({ camera }: { camera: Pick<Device, 'code' | 'name'> }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<PlayerStatus>(IDLE);

  useEffect(() => {
    const player = new LivePlayer(video.current!, setStatus);
    // A refusal (no such camera, no permission) is shown through the status it sets.
    player.start(camera.code, 'sub').catch(() => {});
    return () => {
      player.stop();
      setStatus(IDLE);
    };
  }, [camera.code]);

  return (
    <div className="video-tile map-video" data-testid="map-video" data-camera={camera.code} data-state={status.state}>
      <video ref={video} muted playsInline data-testid="map-video-element" />
      <div className="tile-osd">
        <span className="tile-name">{camera.name}</span>
        <span className="toolbar-spacer" />
        {status.transcoded && <span className="tile-note">{t('wall.transcoded')}</span>}
      </div>
      {status.state !== 'playing' && (
        <div className={`tile-state ${status.state}`}>
          {t(`wall.state.${status.state}`)}
          {status.message && <div className="tile-message">{status.message}</div>}
        </div>
      )}
    </div>
  );
}
