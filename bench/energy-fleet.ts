import { METER_OF, type EnergyKind } from '../main/contract';
import { DemoRegister, readingsMessage, type DemoMeter, type MeterStory } from '../main/demo/meters';

/**
 * The energy benchmark's site: meters spread over 20 buildings, every
 * building holding each kind (60 % electricity, 25 % water, 15 % gas), their
 * registers from the demo park's generator (a working day's load, seasons,
 * weekends, noise; C栋's water leaking through the night two days before the
 * last reading, B栋 using 40 % more electricity the last ten days), read
 * every 15 minutes and sent a day's buffer (96 readings) a message, as a
 * meter gateway uploads them. Deterministic: the publisher process and the
 * bare reference loop make the same samples from the same numbers.
 */

export const QUARTER_MS = 900_000;
export const READINGS_PER_MESSAGE = 96;
export const BUILDINGS = Array.from({ length: 20 }, (_, n) => `${String.fromCharCode(65 + n)}栋`);
const TYPE_CODES: Record<EnergyKind, string> = { electricity: '150', water: '151', gas: '152' };
/** Kinds in turn: 12 electricity, 5 water, 3 gas in every 20, mixed so that a few meters already hold each kind. */
const KINDS: EnergyKind[] = ['water', 'electricity', 'gas', 'electricity', 'water', 'electricity', 'electricity', 'water', 'electricity', 'gas', 'electricity', 'water', 'electricity', 'electricity', 'water', 'electricity', 'gas', 'electricity', 'electricity', 'electricity'];

export type Fleet = { meters: DemoMeter[]; days: number; /** the first reading's time; readings every 15 min from it */ first: number; story: MeterStory };

/** `count` meters with `days` days of readings, the last one at `last` (a quarter-hour boundary). */
export function fleet(count: number, days: number, last: number): Fleet {
  const meters = Array.from({ length: count }, (_, n): DemoMeter => {
    const kind = KINDS[Math.floor(n / BUILDINGS.length) % KINDS.length]!;
    const building = BUILDINGS[n % BUILDINGS.length]!;
    const code = `3206120101${TYPE_CODES[kind]}0${String(n + 1).padStart(6, '0')}`;
    const floor = `${(Math.floor(n / BUILDINGS.length) % 10) + 1}F`;
    return { device: { code, kind: METER_OF[kind], info: { name: `${building} ${floor} ${kind} ${n + 1}`, area: n % 2 ? '南区' : '北区', building, floor } }, kind, seed: n + 1 };
  });
  return { meters, days, first: last - (days * READINGS_PER_MESSAGE - 1) * QUARTER_MS, story: { anchor: last } };
}

export const samplesOf = (fleet: Fleet) => fleet.meters.length * fleet.days * READINGS_PER_MESSAGE;

/** Each meter's register, read on to just before the first reading (years of quarters: done before any timing). */
export function registers(fleet: Fleet): DemoRegister[] {
  return fleet.meters.map((meter) => {
    const register = new DemoRegister(meter, fleet.story);
    register.at(fleet.first);
    return register;
  });
}

/** Day `day`'s readings of one meter: 96 of them, from its register. */
export function dayReadings(fleet: Fleet, register: DemoRegister, day: number): { ts: number; value: number }[] {
  const from = fleet.first + day * READINGS_PER_MESSAGE * QUARTER_MS;
  return Array.from({ length: READINGS_PER_MESSAGE }, (_, k) => {
    const ts = from + k * QUARTER_MS;
    return { ts, value: register.at(ts) };
  });
}

/** Day `day`'s message of every meter, serialised as the gateway sends it. */
export function dayPayloads(fleet: Fleet, registerOf: DemoRegister[], day: number): Buffer[] {
  return registerOf.map((register) => Buffer.from(JSON.stringify(readingsMessage(register.meter, dayReadings(fleet, register, day)))));
}
