import { PauseOutlined, CaretRightOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Drawer, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAYBACK_SPEEDS, type Device, type PlaybackSpeed } from '../core/contract';
import { useNow } from '../core/use-now';
import { LivePlayer, type PlayerStatus } from './live-player';

type Segment = { from: number; to: number; speed: PlaybackSpeed };

/** The recording clock: where the segment began plus what has played of it, at its speed. */
function RecordingClock({ player, segment }: { player: LivePlayer; segment: Segment }) {
  useNow(250);
  const at = segment.from + player.played() * segment.speed * 1000;
  return (
    <span className="mono" data-testid="recording-clock" data-at={Math.round(at)}>
      {dayjs(at).format('YYYY-MM-DD HH:mm:ss')}
    </span>
  );
}

/** A camera's recordings: a range, then play, pause, speed and jump within it. */
export function PlaybackDrawer({ camera, onClose }: { camera: Device; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(10, 'minute').startOf('minute'), dayjs().startOf('minute')]);
  const [speed, setSpeed] = useState<PlaybackSpeed>(1);
  const [jumpTo, setJumpTo] = useState<Dayjs | null>(null);
  const [player, setPlayer] = useState<LivePlayer | null>(null);
  const [segment, setSegment] = useState<Segment | null>(null);
  const [status, setStatus] = useState<PlayerStatus>({ state: 'idle', codec: null, transcoded: false });
  const [paused, setPaused] = useState(false);

  useEffect(() => () => player?.stop(), [player]);

  const play = () => {
    player?.stop();
    const next = new LivePlayer(video.current!, setStatus);
    const chosen = { from: range[0].valueOf(), to: range[1].valueOf(), speed };
    setPlayer(next);
    setSegment(chosen);
    setPaused(false);
    next.startRecording(camera.code, chosen.from, chosen.to, speed).catch(() => {});
  };

  const seek = (at: number, nextSpeed: PlaybackSpeed) => {
    if (!player || !segment) return;
    setSegment({ ...segment, from: at, speed: nextSpeed });
    setPaused(false);
    void player.seek(at, nextSpeed);
  };
  const now = () => (player && segment ? segment.from + player.played() * segment.speed * 1000 : range[0].valueOf());

  const togglePause = () => {
    const element = video.current!;
    if (element.paused) void element.play();
    else element.pause();
    setPaused(element.paused);
  };

  return (
    <Drawer open size="large" title={t('playback.title', { name: camera.name })} onClose={onClose} destroyOnHidden data-testid="playback-drawer">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <DatePicker.RangePicker
            showTime
            value={range}
            onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
            disabledDate={(day) => day.isAfter(dayjs())}
            data-testid="playback-range"
          />
          <Select<PlaybackSpeed>
            value={speed}
            style={{ width: 90 }}
            aria-label={t('playback.speed')}
            data-testid="playback-speed"
            onChange={(value) => {
              setSpeed(value);
              if (segment) seek(now(), value);
            }}
            options={PLAYBACK_SPEEDS.map((value) => ({ value, label: `${value}×` }))}
          />
          <Button type="primary" icon={<CaretRightOutlined />} onClick={play} data-testid="playback-play">
            {t('playback.play')}
          </Button>
          <Button icon={paused ? <CaretRightOutlined /> : <PauseOutlined />} disabled={!player} onClick={togglePause} data-testid="playback-pause">
            {paused ? t('playback.resume') : t('playback.pause')}
          </Button>
        </Space>
        <div className="playback-video">
          <video ref={video} muted playsInline data-testid="playback-video" data-state={status.state} />
        </div>
        <Space wrap>
          <Typography.Text type="secondary">{t('playback.at')}</Typography.Text>
          {player && segment ? <RecordingClock player={player} segment={segment} /> : '—'}
          <DatePicker
            showTime
            placeholder={t('playback.jump')}
            value={jumpTo}
            onChange={setJumpTo}
            disabledDate={(day) => day.isBefore(range[0], 'day') || day.isAfter(range[1], 'day')}
            data-testid="playback-jump"
          />
          <Button disabled={!player || !jumpTo} onClick={() => jumpTo && seek(jumpTo.valueOf(), speed)} data-testid="playback-jump-go">
            {t('playback.jumpNow')}
          </Button>
        </Space>
        {status.state === 'ended' && <Alert type="info" showIcon title={t('playback.ended')} />}
        {status.state === 'failed' && <Alert type="error" showIcon title={status.message} />}
        {!player && <Typography.Text type="secondary">{t('playback.hint')}</Typography.Text>}
      </Space>
    </Drawer>
  );
}
