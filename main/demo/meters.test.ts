import { describe, expect, it } from 'vitest';
import { demoMeters, demoRate, DemoRegister, historyMessages } from './meters';
import { demoDevices } from './park';

const meters = demoMeters(demoDevices());
const story = { anchor: Date.parse('2026-12-06T10:00:00Z') };
const DAY = 86_400_000;

describe('demo meters', () => {
  it('read the same register at the same moment at every start, and never go backwards', () => {
    const meter = meters.find((entry) => entry.kind === 'electricity')!;
    const running = new DemoRegister(meter, story);
    let last = 0;
    for (let at = story.anchor - 3 * DAY; at < story.anchor + DAY; at += 7 * 60_000) {
      const value = running.at(at);
      expect(value).toBeGreaterThanOrEqual(last);
      last = value;
    }
    // A restart: a new register, asked only now, reads what the running one reads.
    expect(new DemoRegister(meter, story).at(story.anchor + DAY)).toBe(running.at(story.anchor + DAY));
  });

  it('upload history that ends where the live register goes on', () => {
    const meter = meters.find((entry) => entry.kind === 'water')!;
    const messages = [...historyMessages(new DemoRegister(meter, story), story.anchor - 2 * DAY, story.anchor)];
    // Two days of quarter hours, a day a message.
    expect(messages.map((message) => message.readings.length)).toEqual([96, 96]);
    const last = messages.at(-1)!.readings.at(-1)!;
    expect(new DemoRegister(meter, story).at(last.ts)).toBe(last.value);
    expect(messages.every((message) => message.unit === 'm3' && message.rolloverAt === 1_000_000)).toBe(true);
  });

  it("tell the story: C栋's water leaks two nights before the first start, B栋 overuses for the last ten days", () => {
    const water = meters.find((entry) => entry.kind === 'water' && entry.device.info.building.startsWith('C栋'))!;
    const leakNight = Date.parse('2026-12-03T16:00:00Z'); // 00:00 on 4 December in Shanghai, two days before 6 December
    expect(demoRate(water, leakNight + 3 * 3_600_000, story) - demoRate(water, leakNight - DAY + 3 * 3_600_000, story)).toBeGreaterThan(1.5);
    const power = meters.find((entry) => entry.kind === 'electricity' && entry.device.info.building.startsWith('B栋'))!;
    const noon = (day: number) => Date.parse('2026-12-03T04:00:00Z') + day * DAY;
    expect(demoRate(power, noon(0), story) / demoRate(power, noon(-14), story)).toBeGreaterThan(1.2);
    // The canteen's gas flows in its kitchen's hours only, but for the evening before the first start.
    const gas = meters.find((entry) => entry.kind === 'gas' && entry.device.info.building.startsWith('D栋'))!;
    const evening = (day: number) => Date.parse('2026-12-04T14:00:00Z') + day * DAY; // 22:00 in Shanghai
    expect(demoRate(gas, evening(0), story)).toBe(0);
    expect(demoRate(gas, evening(1), story)).toBeGreaterThan(2);
  });
});
