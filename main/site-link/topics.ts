import { z } from 'zod';
import { DeviceStatusSchema } from '../contract';

/**
 * The MQTT topic tree, version 1. Every topic starts `vigil/v1/{site}/`.
 * Device registration and state are retained so a station that connects
 * later learns the whole site at once.
 */
export const TOPIC_ROOT = 'vigil/v1';

export const topics = {
  deviceInfo: (site: string, code: string) => `${TOPIC_ROOT}/${site}/devices/${code}/info`,
  deviceState: (site: string, code: string) => `${TOPIC_ROOT}/${site}/devices/${code}/state`,
  allDevices: (site: string) => `${TOPIC_ROOT}/${site}/devices/+/+`,
};

/** Splits a device topic into its parts, or returns why it is not one. */
export function parseDeviceTopic(topic: string): { site: string; code: string; channel: string } | { error: string } {
  const parts = topic.split('/');
  if (parts.length !== 6 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT || parts[3] !== 'devices') {
    return { error: 'not a vigil/v1/{site}/devices/{code}/{channel} topic' };
  }
  return { site: parts[2]!, code: parts[4]!, channel: parts[5]! };
}

export const DeviceInfoPayload = z.strictObject({
  name: z.string().min(1).max(128),
  area: z.string().min(1).max(64),
  building: z.string().min(1).max(64),
  floor: z.string().min(1).max(64),
  x: z.number().min(0).max(1).optional(),
  y: z.number().min(0).max(1).optional(),
  vendor: z.string().max(64).default(''),
  model: z.string().max(64).default(''),
  streams: z.array(z.object({ profile: z.enum(['main', 'sub']), url: z.string().max(512) })).default([]),
  ts: z.number().int().nonnegative(),
});
export type DeviceInfoPayload = z.input<typeof DeviceInfoPayload>;

export const DeviceStatePayload = z.strictObject({
  status: DeviceStatusSchema,
  ts: z.number().int().nonnegative(),
});
export type DeviceStatePayload = z.input<typeof DeviceStatePayload>;
