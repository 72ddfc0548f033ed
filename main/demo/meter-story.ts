import fs from 'node:fs';
import path from 'node:path';
import { energyKindOf } from '../contract';
import type { Core } from '../core';
import type { Logger } from '../logging/logger';
import type { MeterStory } from './meters';
import type { SiteSimulator } from './simulator';

/** A year and two months: the last month's 同比 has the whole month a year before it to compare with. */
const HISTORY_MS = 430 * 86_400_000;

export type DemoStory = { story: MeterStory; firstStart: boolean };

/** The park's story as the station's data folder keeps it, anchored now at the first start. */
export function demoStory(dataDir: string): DemoStory {
  const file = path.join(dataDir, 'demo-meters.json');
  try {
    return { story: JSON.parse(fs.readFileSync(file, 'utf8')) as MeterStory, firstStart: false };
  } catch {
    const story = { anchor: Date.now() };
    fs.writeFileSync(file, JSON.stringify(story));
    return { story, firstStart: true };
  }
}

/**
 * Starts the demo park's meters on a station. The story is anchored at the
 * station's first start and kept in its data folder, so a restart continues
 * the same registers; only the first start uploads the year of history.
 * Readings wait until the station knows the meters: before that it would
 * refuse them as unknown devices.
 */
export function startDemoMeters(core: Core, simulator: SiteSimulator, { story, firstStart }: DemoStory, logger: Logger): void {
  const meters = simulator.devices.filter((device) => energyKindOf(device.kind)).map((device) => device.code);
  const started = Date.now();
  const timer = setInterval(() => {
    if (!meters.every((code) => core.registry.has(code))) {
      if (Date.now() - started > 60_000) {
        clearInterval(timer);
        logger.warn('demo meters: the station never registered the park\'s meters; they stay silent');
      }
      return;
    }
    clearInterval(timer);
    simulator
      .startMeters(story, firstStart ? story.anchor - HISTORY_MS : undefined)
      .catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'demo meters stopped'));
  }, 100);
  timer.unref();
}
