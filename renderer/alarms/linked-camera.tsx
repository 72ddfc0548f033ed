import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDevice } from '../devices/queries';
import { LivePlayer, type PlayerStatus } from '../video/live-player';

/** The nearest camera's live picture in the detail panel: the wall's player on the sub-stream, muted. */
export function LinkedCamera({ code }: { code: string }) {
  const { t } = useTranslation();
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [status, setStatus] = useState<PlayerStatus>({ state: 'idle', codec: null, transcoded: false });
  const camera = useDevice(code);

  useEffect(() => {
    if (!video) return;
    const player = new LivePlayer(video, setStatus);
    player.start(code, 'sub').catch(() => {});
    return () => player.stop();
  }, [video, code]);

  return (
    <div className="linked-camera" data-testid="linked-camera" data-camera={code} data-state={status.state}>
      <video ref={setVideo} muted playsInline />
      <div className="tile-osd">
        <span className="tile-name">{camera.data?.name ?? code}</span>
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
