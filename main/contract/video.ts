import { z } from 'zod';

/** Main stream for big tiles, sub-stream for grids of 9 and more. */
export const VideoProfile = z.enum(['main', 'sub']);
export type VideoProfile = z.infer<typeof VideoProfile>;

/** Live streams one window may hold: past this, a clear refusal instead of a wall of stalled tiles. */
export const MAX_STREAMS_PER_WINDOW = 36;

/**
 * A camera stops a pan-tilt-zoom move by itself this long after the last
 * `ptz.move`, so a window that dies mid-move cannot leave it turning; the
 * wall repeats the move while the operator holds the control.
 */
export const PTZ_MOVE_TIMEOUT_MS = 5_000;

/** Speed on one axis of a move: -1 to 1, 0 to stand still (pan: left to right, tilt: down to up, zoom: out to in). */
export const PtzSpeed = z.number().min(-1).max(1);

export const PtzPresetSchema = z.object({ token: z.string(), name: z.string() });
export type PtzPreset = z.infer<typeof PtzPresetSchema>;

/**
 * A window's stream, as the core reports it before media flows and whenever
 * that changes: `live` comes just before each init segment (with the codec to
 * open MSE with), `reconnecting` while the camera is away.
 */
export const VideoStateSchema = z.object({
  stream: z.number().int(),
  /** `ended`: a recording played to the end of its range. */
  state: z.enum(['starting', 'live', 'reconnecting', 'failed', 'ended']),
  codec: z.string().nullable(),
  /** The camera's codec could not be decoded here: the core transcodes to H.264 at sub-stream size. */
  transcoded: z.boolean(),
  message: z.string().optional(),
});
export type VideoState = z.infer<typeof VideoStateSchema>;

export const StreamHealthSchema = z.object({
  camera: z.string(),
  profile: VideoProfile,
  source: z.string(),
  viewers: z.number().int(),
  running: z.boolean(),
  /** Kept running with nobody watching, so an alarm's camera shows at once (cameras of armed intrusion zones). */
  warm: z.boolean(),
  codec: z.string().nullable(),
  transcoding: z.boolean(),
  /** Frames per second: one fragment per frame. */
  fragments: z.number(),
  bytes: z.number(),
  kbps: z.number(),
  restarts: z.number().int(),
  lastFragmentAt: z.number().nullable(),
});
export type StreamHealth = z.infer<typeof StreamHealthSchema>;

export const SnapshotSchema = z.object({
  camera: z.string(),
  takenAt: z.number(),
  /** Where the core saved it, relative to the station's data folder. */
  file: z.string(),
  jpegBase64: z.string(),
});

/** A wall an officer saved: its layout, the camera in each tile (or none), and a tour interval. */
export const WallSchema = z.object({
  name: z.string().trim().min(1).max(40),
  layout: z.string().regex(/^(\d{1,2}|\dx\d)$/, 'layout: 1, 4, 6, 8, 9, 16, 25, 36 or CxR'),
  tiles: z.array(z.string().regex(/^(\d{20})?$/, 'a tile holds a 20-digit camera code or nothing')).max(MAX_STREAMS_PER_WINDOW),
  /** Seconds between walls on a tour; 0 for none. */
  tourSeconds: z.number().int().min(0).max(3600).default(0),
});
export type Wall = z.infer<typeof WallSchema>;

/**
 * Where a camera's recordings play from: its NVR by the vendor's RTSP
 * playback URL (Hikvision, Dahua), or a server that seeks by RTSP Range
 * (ONVIF replay, `generic`, with the time its recording starts).
 */
export const RecordingSchema = z.strictObject({
  vendor: z.enum(['hikvision', 'dahua', 'generic']),
  /** rtsp://host:port of the NVR; for `generic` the recording itself. Never with credentials. */
  url: z.string().max(512).regex(/^(rtsps?|demo):\/\/[^@/]+(\/|$)/, 'an rtsp:// address without credentials'),
  channel: z.number().int().min(1).max(256).default(1),
  /** Dahua NVRs take local time: their offset from UTC in minutes. */
  timeZoneOffsetMinutes: z.number().int().min(-720).max(840).default(0),
  /** `generic`: when its recording starts, ms since 1970. */
  start: z.number().int().nonnegative().optional(),
});
export type Recording = z.infer<typeof RecordingSchema>;

/** Recording seconds per second of playback. */
export const PLAYBACK_SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export const PlaybackSpeed = z.union(PLAYBACK_SPEEDS.map((speed) => z.literal(speed)));
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];
