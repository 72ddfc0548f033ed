/**
 * Playback of NVR recordings by time range (DESIGN.md §5 "Video"): the RTSP
 * URL each vendor wants, and the ffmpeg that remuxes the recording to
 * fragmented MP4 as camera-stream.ts does for live video (copy, never
 * transcode).
 *
 * Media time 0 of every playback is `from` (to the second for Hikvision and
 * Dahua, whose URLs take whole seconds), whatever the vendor; at speed s,
 * media time t shows the recording at `from + s·t` (recordingTimeAt). Pause,
 * resume and jump-to-time are the caller's: stop ffmpeg, and start a new one
 * from the position to go on from (recordingTimeAt of the last fragment's
 * decode time), which costs a new init segment and a keyframe. Credentials
 * are never part of these URLs; the caller adds them, and logs none
 * (camera-stream.ts redact).
 */

export type HikvisionRecorder = { vendor: 'hikvision'; host: string; port?: number; channel: number };
export type DahuaRecorder = {
  vendor: 'dahua';
  host: string;
  port?: number;
  channel: number;
  /**
   * The NVR's local time minus UTC, in minutes (CET 60, New York in winter
   * -300): Dahua takes times in its own clock. The sign is the opposite of
   * Date.getTimezoneOffset().
   */
  timeZoneOffsetMinutes: number;
};
/** A server that plays a recording from its start and seeks by PLAY `Range: npt=…` (ONVIF replay, GStreamer). */
export type GenericRecorder = { vendor: 'generic'; baseUrl: string; recordingStart: Date };
export type Recorder = HikvisionRecorder | DahuaRecorder | GenericRecorder;

export type PlaybackTarget = {
  url: string;
  /** Where in what `url` serves playback starts; 0 when the URL itself names the start. */
  seekSeconds: number;
  /** How long to play when the URL cannot say where to stop; null when it does. */
  durationSeconds: number | null;
};

export type PlaybackOptions = {
  seekSeconds: number;
  /** Recording seconds per second of playback, 1/16 to 16. */
  speed: number;
  /** Recording seconds to play, then end; default to the end of what the server sends. */
  durationSeconds?: number | null;
};

const DEFAULT_PORT = 554;
const MAX_RANGE_MS = 24 * 3600_000;
const MAX_CHANNEL = 256;
const MIN_SPEED = 1 / 16;
const MAX_SPEED = 16;

/** The URL that plays `from`–`to` of a recorder's channel, and what the player must seek and stop by itself. */
export function playbackUrl(recorder: Recorder, from: Date, to: Date): PlaybackTarget {
  checkRange(from, to);
  switch (recorder.vendor) {
    case 'hikvision': {
      // Track <channel>01 is the channel's main stream; times in UTC.
      const stamp = (date: Date) => compact(date, 't') + 'z';
      const query = `starttime=${stamp(floorSecond(from))}&endtime=${stamp(ceilSecond(to))}`;
      return { url: `${origin(recorder)}/Streaming/tracks/${checkChannel(recorder.channel)}01?${query}`, seekSeconds: 0, durationSeconds: null };
    }
    case 'dahua': {
      const offset = checkOffset(recorder.timeZoneOffsetMinutes);
      // Dahua's clock is the NVR's local time: shift, then read the fields as if UTC.
      const stamp = (date: Date) => underscored(new Date(date.getTime() + offset * 60_000));
      const query = `channel=${checkChannel(recorder.channel)}&subtype=0&starttime=${stamp(floorSecond(from))}&endtime=${stamp(ceilSecond(to))}`;
      return { url: `${origin(recorder)}/cam/playback?${query}`, seekSeconds: 0, durationSeconds: null };
    }
    case 'generic': {
      const url = checkBaseUrl(recorder.baseUrl);
      const start = recorder.recordingStart.getTime();
      if (Number.isNaN(start)) throw new RangeError('playback: recordingStart is not a valid date');
      if (from.getTime() < start) throw new RangeError(`playback: ${from.toISOString()} is before the recording starts (${recorder.recordingStart.toISOString()})`);
      return { url, seekSeconds: (from.getTime() - start) / 1000, durationSeconds: (to.getTime() - from.getTime()) / 1000 };
    }
    default: {
      const never: never = recorder;
      throw new TypeError(`playback: unknown vendor ${JSON.stringify((never as { vendor: unknown }).vendor)}`);
    }
  }
}

/**
 * ffmpeg arguments that pull a recording over RTSP (TCP interleaved) and
 * remux its video to fragmented MP4 on stdout, fragmented as camera-stream.ts
 * does live video.
 *
 * Seeking: `-ss` before `-i` makes ffmpeg's RTSP demuxer PLAY again with
 * `Range: npt=<seek>-` (after a first PLAY from 0 that probing reads from and
 * a PAUSE). `-seek_timestamp 1` asks for exactly the seek, not the seek plus
 * the stream's start time, and rebases output timestamps by exactly the seek,
 * so media time 0 is the seek point. Why not -copyts: ffmpeg 5.1's parser
 * leaves the first frame after a seek without a timestamp (RTSP packets have
 * no byte position), so it is written at 0, and with -copyts every later
 * frame at 30 s and on: a 30 s hole after the first picture. Rebased, the
 * first frame's stand-in 0 is right. A server that starts at the keyframe
 * before the seek sends frames ffmpeg squashes into the first tick: the
 * player flashes through them to the seek point, as an accurate seek would.
 *
 * Speed: the server has to send faster, since it paces a recording in real
 * time (an NVR, and GStreamer's RTSP server both). `-re`/`-readrate` only
 * slow a reader down, and a player at playbackRate 2 would drain its buffer
 * in seconds. ffmpeg sends no Scale header and has no option for one, but it
 * writes its User-Agent into every request as given, so a second line there
 * is a Scale header (on OPTIONS, DESCRIBE and SETUP too, where RTSP servers
 * ignore it). GStreamer answers Scale s by sending every frame s times as
 * fast, stamped as sent (0.02 s apart at 2x for 25 fps): the player plays at
 * rate 1 and shows the recording at s (playback.test.ts, for 2 and 1/2).
 * Slow motion could be the player's playbackRate alone, but one mechanism
 * keeps media time meaning the same for every speed. Servers that ignore
 * Scale play at 1, which shows as the recording's own frame rate per media
 * second instead of s times it.
 */
export function playbackArguments(url: string, options: PlaybackOptions): string[] {
  const { seekSeconds, speed } = options;
  if (!Number.isFinite(seekSeconds) || seekSeconds < 0) throw new RangeError(`playback: seekSeconds ${seekSeconds} is not a time in the recording`);
  if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) throw new RangeError(`playback: speed ${speed} is outside ${MIN_SPEED}–${MAX_SPEED}`);
  const duration = options.durationSeconds ?? null;
  if (duration !== null && !(Number.isFinite(duration) && duration > 0)) throw new RangeError(`playback: durationSeconds ${duration} is not positive`);
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
    // No -fflags nobuffer, unlike live: the frames read while probing are the start of the range.
    // No -timeout: ffmpeg 4 (the one shipped by @ffmpeg-installer) reads it as "listen", 5 as a socket timeout.
    // Video only, as the wall shows it. With sound too, ffmpeg times the streams by RTCP
    // sender reports, and after a seek GStreamer's recordings came out with frames squashed.
    ...['-rtsp_transport', 'tcp', '-allowed_media_types', 'video', '-probesize', '32768', '-analyzeduration', '0'],
    ...(speed === 1 ? [] : ['-user_agent', `Vigil\r\nScale: ${Number(speed.toFixed(4))}`]),
    ...['-seek_timestamp', '1'],
    ...(seekSeconds > 0 ? ['-ss', seekSeconds.toFixed(3)] : []),
    // Input -t counts media time, which runs 1/speed as fast as the recording.
    ...(duration !== null ? ['-t', (duration / speed).toFixed(3)] : []),
    ...['-i', url, '-map', '0:v:0', '-c', 'copy', '-an'],
    ...['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-frag_duration', '100000', '-flush_packets', '1', 'pipe:1'],
  ];
}

/** The recording time a playback started at `from` shows at `mediaSeconds` (a fragment's decode time): where to resume or show the clock. */
export function recordingTimeAt(from: Date, speed: number, mediaSeconds: number): Date {
  return new Date(from.getTime() + Math.round(mediaSeconds * speed * 1000));
}

function checkRange(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime())) throw new RangeError('playback: from is not a valid date');
  if (Number.isNaN(to.getTime())) throw new RangeError('playback: to is not a valid date');
  if (to.getTime() <= from.getTime()) throw new RangeError(`playback: to (${to.toISOString()}) must be after from (${from.toISOString()})`);
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw new RangeError('playback: a range may span 24 hours at most');
}

function checkChannel(channel: number): number {
  if (!Number.isInteger(channel) || channel < 1 || channel > MAX_CHANNEL) throw new RangeError(`playback: channel ${channel} is not 1–${MAX_CHANNEL}`);
  return channel;
}

function checkOffset(minutes: number): number {
  // UTC-12:00 to UTC+14:00 are the zones there are.
  if (!Number.isInteger(minutes) || minutes < -720 || minutes > 840) throw new RangeError(`playback: timeZoneOffsetMinutes ${minutes} is not -720–840`);
  return minutes;
}

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const IPV6 = /^\[?([0-9A-Fa-f:.]+)\]?$/;

/** rtsp://host:port, for a host name or an IPv4 or IPv6 address, and never with credentials. */
function origin(recorder: HikvisionRecorder | DahuaRecorder): string {
  const port = recorder.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new RangeError(`playback: port ${port} is not 1–65535`);
  const { host } = recorder;
  const v6 = host.includes(':') ? IPV6.exec(host) : null;
  if (v6) return `rtsp://[${v6[1]}]:${port}`;
  if (!HOST.test(host)) throw new RangeError(`playback: host ${JSON.stringify(host)} is not a host name or address (credentials go in later)`);
  return `rtsp://${host}:${port}`;
}

function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new RangeError(`playback: baseUrl ${JSON.stringify(baseUrl)} is not a URL`);
  }
  if (url.protocol !== 'rtsp:' && url.protocol !== 'rtsps:') throw new RangeError(`playback: baseUrl must be rtsp:// or rtsps://, not ${url.protocol}//`);
  if (url.username || url.password) throw new RangeError('playback: baseUrl must not carry credentials; the caller adds them');
  return baseUrl;
}

const floorSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);
const ceilSecond = (date: Date) => new Date(Math.ceil(date.getTime() / 1000) * 1000);
const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const fields = (date: Date) => [
  pad(date.getUTCFullYear(), 4),
  pad(date.getUTCMonth() + 1),
  pad(date.getUTCDate()),
  pad(date.getUTCHours()),
  pad(date.getUTCMinutes()),
  pad(date.getUTCSeconds()),
];
/** YYYYMMDD<sep>HHMMSS of the UTC fields. */
const compact = (date: Date, separator: string) => {
  const [y, mo, d, h, mi, s] = fields(date);
  return `${y}${mo}${d}${separator}${h}${mi}${s}`;
};
/** YYYY_MM_DD_HH_MM_SS of the UTC fields. */
const underscored = (date: Date) => fields(date).join('_');
