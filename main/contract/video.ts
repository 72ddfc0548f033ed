import { z } from 'zod';

/** Main stream for big tiles, sub-stream for grids of 9 and more. */
export const VideoProfile = z.enum(['main', 'sub']);
export type VideoProfile = z.infer<typeof VideoProfile>;

/** Live streams one window may hold: past this, a clear refusal instead of a wall of stalled tiles. */
export const MAX_STREAMS_PER_WINDOW = 36;

/**
 * A window's stream, as the core reports it before media flows and whenever
 * that changes: `live` comes just before each init segment (with the codec to
 * open MSE with), `reconnecting` while the camera is away.
 */
export const VideoStateSchema = z.object({
  stream: z.number().int(),
  state: z.enum(['starting', 'live', 'reconnecting', 'failed']),
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
  codec: z.string().nullable(),
  transcoding: z.boolean(),
  fragments: z.number(),
  bytes: z.number(),
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
