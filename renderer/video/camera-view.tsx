import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LivePlayer, type PlayerStatus } from './live-player';

const IDLE: PlayerStatus = { state: 'idle', codec: null, transcoded: false };

/**
 * One camera's live picture outside the wall (the map's device panel, an
 * alarm's detail): the wall's player in the wall's tile styling, on the
 * sub-stream, since a panel is a small tile. One stream while it is shown.
 */
export function CameraView({ code, name, className, testId }: { code: string; name: string; className: string; testId: string }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<PlayerStatus>(IDLE);

  useEffect(() => {
    const player = new LivePlayer(video.current!, setStatus);
    // A refusal (no such camera, no permission) is shown through the status it sets.
    player.start(code, 'sub').catch(() => {});
    return () => {
      player.stop();
      setStatus(IDLE);
    };
  }, [code]);

  return (
    <div className={`video-tile ${className}`} data-testid={testId} data-camera={code} data-state={status.state}>
      <video ref={video} muted playsInline data-testid={`${testId}-element`} />
      <div className="tile-osd">
        <span className="tile-name">{name}</span>
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
