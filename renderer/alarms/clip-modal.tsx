import { Alert, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POST_ALARM_SECONDS, PRE_ALARM_SECONDS } from '../core/contract';
import { useDevice } from '../devices/queries';
import { LivePlayer, type PlayerStatus } from '../video/live-player';
import { fullTime } from './alarm-format';

type Clip = { camera: string; from: number; to: number };

/**
 * The recorded clip around an alarm, from the NVR through the wall's player.
 * The wall's playback drawer starts from the last ten minutes and cannot be
 * handed a range, so the clip plays here.
 */
export function ClipModal({ clip, onClose }: { clip: Clip; onClose: () => void }) {
  const { t } = useTranslation();
  // A callback ref: the modal draws its content after it mounts, and the player must start once the element is there.
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [status, setStatus] = useState<PlayerStatus>({ state: 'idle', codec: null, transcoded: false });
  const camera = useDevice(clip.camera);

  useEffect(() => {
    if (!video) return;
    const player = new LivePlayer(video, setStatus);
    // A clip whose end is still in the future plays up to now.
    player.startRecording(clip.camera, clip.from, Math.min(clip.to, Date.now()), 1).catch(() => {});
    return () => player.stop();
  }, [video, clip.camera, clip.from, clip.to]);

  return (
    <Modal open width={760} footer={null} onCancel={onClose} destroyOnHidden title={t('alarms.linkage.clipTitle', { name: camera.data?.name ?? clip.camera })} data-testid="alarm-clip">
      <div className="playback-video">
        <video ref={setVideo} muted playsInline data-testid="alarm-clip-video" data-state={status.state} />
      </div>
      <Typography.Text type="secondary" className="mono">
        {fullTime(clip.from)} – {fullTime(clip.to)} · {t('alarms.linkage.clipHint', { pre: PRE_ALARM_SECONDS, post: POST_ALARM_SECONDS })}
      </Typography.Text>
      {status.state === 'failed' && <Alert type="error" showIcon title={status.message} />}
    </Modal>
  );
}
