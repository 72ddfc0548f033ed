import { randomBytes } from 'node:crypto';
import { topicOf } from '../site-link/interface/topics';
import { DEMO_SITE, demoDevices, type DemoDevice } from './park';

/** What a detector in a room reads before anything burns. */
export const AMBIENT_CELSIUS = 24;
/** How long a smoke detector that reported smoke is left to the fire: the park stops reporting its room's ambient temperature. */
export const FIRE_MUTES_AMBIENT_MS = 10 * 60_000;

export type FireOptions = {
  building: string;
  floor: string;
  site?: string;
  /** Seconds between temperature readings (default 5). */
  stepSeconds?: number;
  /** How fast the room heats once the fire takes (default 8 °C a minute: the demo's rate rule fires at 5). */
  climbPerMinute?: number;
  /** Readings after the smoke (default 12: a minute of climbing at 5 s). */
  readings?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

/** The park's smoke detectors of one floor, which report its temperature too. */
export function floorDetectors(building: string, floor: string, devices: readonly DemoDevice[] = demoDevices()): DemoDevice[] {
  const found = devices.filter((device) => device.kind === 'smoke_detector' && device.info.building === building && device.info.floor === floor);
  if (!found.length) throw new Error(`the demo park has no smoke detector on ${building} ${floor}`);
  return found;
}

/**
 * A scripted fire on one floor, published through the site interface as
 * the floor's smoke detector would: first its smoke event, then its
 * temperature climbing `climbPerMinute` a minute, a reading every
 * `stepSeconds`, paced in real time (tests pass their own clock and
 * sleep). With the demo's fire rules the floor's warning is raised at IV on
 * the smoke and goes to II once half a minute of readings shows the climb.
 * Returns the smoke event's id and the detector.
 */
export async function playFire(publish: (topic: string, payload: string) => Promise<unknown>, options: FireOptions): Promise<{ event: string; detector: string }> {
  const { building, floor, site = DEMO_SITE.id, stepSeconds = 5, climbPerMinute = 8, readings = 12, now = Date.now, sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)) } = options;
  const detector = floorDetectors(building, floor)[0]!.code;
  const event = `fire-${randomBytes(6).toString('hex')}`;
  const start = now();
  await publish(topicOf('deviceEvent', { site, code: detector }), JSON.stringify({ id: event, type: 'smoke', severity: 'critical', ts: start }));
  for (let reading = 0; reading <= readings; reading++) {
    if (reading) await sleep(stepSeconds * 1000);
    const ts = now();
    const celsius = Math.round((AMBIENT_CELSIUS + ((ts - start) / 60_000) * climbPerMinute) * 10) / 10;
    await publish(topicOf('telemetry', { site, code: detector }), JSON.stringify({ ts, values: { temperature: celsius } }));
  }
  return { event, detector };
}
