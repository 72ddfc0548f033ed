import { CameraOutlined, CloseOutlined, ExpandOutlined, HistoryOutlined, MutedOutlined, SoundOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { describeError } from '../core/errors';
import type { Device, VideoProfile } from '../core/contract';
import { useNow } from '../core/use-now';
import { PlaybackDrawer } from './playback-drawer';
import { LivePlayer, type PlayerStats, type PlayerStatus } from './live-player';
import { PtzPad } from './ptz-pad';
import { useWall, wallActions } from './wall-store';

export const CAMERA_MIME = 'application/x-vigil-camera';
const TILE_MIME = 'application/x-vigil-tile';

function Stats({ player }: { player: LivePlayer }) {
  useNow(1000);
  const stats: PlayerStats = player.stats();
  return (
    <div className="tile-stats mono" data-testid="tile-stats">
      {stats.width}×{stats.height} · {stats.fps} fps · {stats.kbps} kbit/s
      <br />
      lag {stats.lag.toFixed(2)} s · dropped {stats.dropped} · stalls {stats.stalls} · jumps {stats.jumps}
    </div>
  );
}

type Props = {
  index: number;
  camera: Device | null;
  profile: VideoProfile;
  selected: boolean;
  showStats: boolean;
  style?: React.CSSProperties;
};

/** One tile of the wall: a live player, its camera's name and state, and the tile's actions. */
export function VideoTile({ index, camera, profile, selected, showStats, style }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const video = useRef<HTMLVideoElement>(null);
  const [player, setPlayer] = useState<LivePlayer | null>(null);
  const [status, setStatus] = useState<PlayerStatus>({ state: 'idle', codec: null, transcoded: false });
  const [dropping, setDropping] = useState(false);
  const [playback, setPlayback] = useState(false);
  const code = camera?.code ?? '';
  const audible = useWall((state) => !!code && state.audible === code);

  useEffect(() => {
    if (!code || !video.current) return;
    const live = new LivePlayer(video.current, setStatus);
    setPlayer(live);
    live.start(code, profile, audible).catch(() => {});
    return () => {
      live.stop();
      setPlayer(null);
      setStatus({ state: 'idle', codec: null, transcoded: false });
    };
  }, [code, profile, audible]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDropping(false);
    const dropped = event.dataTransfer.getData(CAMERA_MIME);
    const from = event.dataTransfer.getData(TILE_MIME);
    if (dropped) wallActions.place(index, dropped);
    else if (from !== '') wallActions.swap(Number(from), index);
  };

  const snapshot = async () => {
    try {
      const shot = await core.call('video.snapshot', { camera: code });
      message.success(t('wall.snapshotSaved', { file: shot.file }));
    } catch (error) {
      message.error(describeError(t, error));
    }
  };

  return (
    <div
      className={`video-tile${selected ? ' selected' : ''}${dropping ? ' dropping' : ''}`}
      style={style}
      data-testid="video-tile"
      data-index={index}
      data-camera={code}
      data-state={status.state}
      data-audible={audible || undefined}
      onClick={() => wallActions.select(index)}
      onDoubleClick={() => code && wallActions.toggleFullscreen(index)}
      draggable={!!code}
      onDragStart={(event) => event.dataTransfer.setData(TILE_MIME, String(index))}
      onDragOver={(event) => {
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <video ref={video} muted playsInline data-testid="tile-video" />
      {camera ? (
        <>
          <div className="tile-osd">
            <span className="tile-name">{camera.name}</span>
            <span className="toolbar-spacer" />
            {status.transcoded && <span className="tile-note" title={t('wall.transcodedHint')}>{t('wall.transcoded')}</span>}
            {camera.recording && (
              <Tooltip title={t('playback.open')}>
                <Button size="small" type="text" icon={<HistoryOutlined />} onClick={() => setPlayback(true)} aria-label={t('playback.open')} data-testid="tile-playback" />
              </Tooltip>
            )}
            <Tooltip title={audible ? t('wall.mute') : t('wall.sound')}>
              <Button
                size="small"
                type="text"
                icon={audible ? <SoundOutlined /> : <MutedOutlined />}
                onClick={() => wallActions.toggleSound(index)}
                aria-label={audible ? t('wall.mute') : t('wall.sound')}
                aria-pressed={audible}
                data-testid="tile-sound"
              />
            </Tooltip>
            <Tooltip title={t('wall.snapshot')}>
              <Button size="small" type="text" icon={<CameraOutlined />} onClick={() => void snapshot()} aria-label={t('wall.snapshot')} />
            </Tooltip>
            <Tooltip title={t('wall.fullscreen')}>
              <Button size="small" type="text" icon={<ExpandOutlined />} onClick={() => wallActions.toggleFullscreen(index)} aria-label={t('wall.fullscreen')} />
            </Tooltip>
            <Tooltip title={t('wall.closeTile')}>
              <Button size="small" type="text" icon={<CloseOutlined />} onClick={() => wallActions.clear(index)} aria-label={t('wall.closeTile')} />
            </Tooltip>
          </div>
          {status.state !== 'playing' && (
            <div className={`tile-state ${status.state}`} data-testid="tile-state">
              {t(`wall.state.${status.state}`)}
              {status.message && <div className="tile-message">{status.message}</div>}
            </div>
          )}
          {showStats && player && <Stats player={player} />}
          {playback && (
            // The drawer is a portal, but its events still bubble here: keep them from selecting, full-screening or dragging the tile.
            <span onClick={(event) => event.stopPropagation()} onDoubleClick={(event) => event.stopPropagation()} onDragStart={(event) => event.stopPropagation()}>
              <PlaybackDrawer camera={camera} onClose={() => setPlayback(false)} />
            </span>
          )}
          {camera.onvif && <PtzPad camera={code} index={index} />}
        </>
      ) : (
        <div className="tile-empty">{t('wall.dropHere', { index: index + 1 })}</div>
      )}
    </div>
  );
}
