import { DEFAULT_ANOMALY_THRESHOLDS, energyKindOf, ENERGY_UNITS, type AnomalyThresholds, type EnergyKind } from '../contract';
import type { MeterReadings } from '../site-link/interface/payloads';
import type { DemoDevice } from './park';
import { SCHEDULES_SET_UP_BEFORE_MS } from './saving';

const QUARTER_MS = 900_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** The demo park keeps Beijing time (UTC+8, no daylight saving). */
const LOCAL_OFFSET_MS = 8 * HOUR_MS;
/** How far back the meters' registers start counting: before any history the demo shows. */
const REGISTER_ORIGIN = Date.UTC(2024, 0, 1) - LOCAL_OFFSET_MS;
const WATER_ROLLOVER = 1_000_000;

/** Peak use per hour of each kind of meter, by the building it serves (kWh/h, m³/h). */
const PEAK: Record<EnergyKind, number> = { electricity: 120, water: 3, gas: 8 };

/** The canteen's kitchen cooks from 05:00 to 21:00; its gas flows at no other time. */
const CANTEEN = 'D栋 食堂';
const KITCHEN_HOURS = { fromHour: 5, toHour: 21 };

/** The demo park's anomaly thresholds: the defaults, and the canteen's gas on its kitchen's schedule. */
export const DEMO_ANOMALY_THRESHOLDS: AnomalyThresholds = { ...DEFAULT_ANOMALY_THRESHOLDS, gas: { ...DEFAULT_ANOMALY_THRESHOLDS.gas, scheduled: { [CANTEEN]: [KITCHEN_HOURS] } } };

/**
 * The story the demo's meters tell, anchored at the station's first start
 * so a restart continues it: C栋's water leaks through the night two days
 * before (a floor of 1.8 m³/h from 01:00 to 05:00), the canteen's burner
 * is left on the evening before (2.5 m³/h from 21:00 to 23:30), B栋 has
 * used 40 % more electricity than usual for the last ten days, and A栋 uses
 * 30 % less on weekday nights since its HVAC schedule was set up three
 * weeks before.
 */
export type MeterStory = { anchor: number };

/** A number in [0, 1) fixed by its inputs: the same jitter for the same meter and quarter at every start. */
function noise(seed: number, quarter: number): number {
  let x = (seed * 374_761_393 + quarter * 668_265_263) | 0;
  x = Math.imul(x ^ (x >>> 13), 1_274_126_177);
  return ((x ^ (x >>> 16)) >>> 0) / 4_294_967_296;
}

/** Load of a park by local hour: low at night, a morning ramp, a lunch dip, an evening tail (0.2–1). */
export function dayLoad(hour: number): number {
  const working = Math.exp(-((hour - 10.5) ** 2) / 8) + 0.8 * Math.exp(-((hour - 15) ** 2) / 6);
  return Math.min(1, 0.2 + 0.8 * working);
}

export type DemoMeter = { device: DemoDevice; kind: EnergyKind; seed: number };

export function demoMeters(devices: DemoDevice[]): DemoMeter[] {
  return devices.flatMap((device, index) => {
    const kind = energyKindOf(device.kind);
    return kind ? [{ device, kind, seed: index + 1 }] : [];
  });
}

/** Cooking by local hour: breakfast, lunch and dinner, with a floor of pilot flames and water heaters. */
const meals = (hour: number, floor: number) => Math.min(1, floor + Math.exp(-((hour - 6.5) ** 2) / 1.5) + Math.exp(-((hour - 11.75) ** 2) / 1.5) + Math.exp(-((hour - 17.75) ** 2) / 1.5));
/** A kitchen's gas only flows in its hours; homes cook at the same times, with water heaters on between. */
const kitchenLoad = (hour: number) => (hour >= KITCHEN_HOURS.fromHour && hour < KITCHEN_HOURS.toHour ? meals(hour, 0.25) : 0);

/** The park's load at the start of each quarter hour of a day; gas by its own pattern. */
const QUARTER_LOAD = Array.from({ length: 96 }, (_, quarter) => dayLoad(quarter / 4));
const QUARTER_KITCHEN = Array.from({ length: 96 }, (_, quarter) => kitchenLoad(quarter / 4));
const QUARTER_HOMES_GAS = Array.from({ length: 96 }, (_, quarter) => meals(quarter / 4, 0.05));

/** A meter's share of its peak in a quarter of the day. */
function load(meter: DemoMeter, ofDay: number): number {
  if (meter.kind === 'water') return 0.4 / PEAK.water + QUARTER_LOAD[ofDay]!;
  if (meter.kind === 'gas') return meter.device.info.building === CANTEEN ? QUARTER_KITCHEN[ofDay]! : QUARTER_HOMES_GAS[ofDay]!;
  return QUARTER_LOAD[ofDay]!;
}

/** The start of the local day holding `at`. */
const dayOf = (at: number) => Math.floor((at + LOCAL_OFFSET_MS) / DAY_MS) * DAY_MS - LOCAL_OFFSET_MS;

/** What holds for a meter through a local day: its peak scaled by weekday, season, saving and overuse. */
function dayScale(meter: DemoMeter, day: number, story: MeterStory): number {
  const date = new Date(day + LOCAL_OFFSET_MS);
  const weekday = date.getUTCDay();
  const building = meter.device.info.building;
  // Offices and labs idle at weekends; homes and the canteen do not.
  const weekend = (weekday === 0 || weekday === 6) && /研发|办公/.test(building) ? 0.55 : 1;
  // Summer cooling and winter heating in electricity; a year-on-year saving of about 5 %.
  const dayOfYear = Math.floor((day + LOCAL_OFFSET_MS - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS);
  const season = meter.kind === 'electricity' ? 1 + 0.25 * Math.cos((2 * Math.PI * (dayOfYear - 200)) / 365) ** 2 : 1;
  const saving = 1 - 0.05 * Math.min(1, Math.max(0, (day - (story.anchor - 365 * DAY_MS)) / (365 * DAY_MS)));
  const overuse = meter.kind === 'electricity' && building.startsWith('B栋') && day >= dayOf(story.anchor) - 10 * DAY_MS ? 1.4 : 1;
  return PEAK[meter.kind] * weekend * season * saving * overuse;
}

/** What a meter uses per hour in a quarter hour (its number since 1970), on a day of the given scale. */
function quarterRate(meter: DemoMeter, quarter: number, day: number, scale: number, story: MeterStory): number {
  const ofDay = Math.floor((quarter * QUARTER_MS - day) / QUARTER_MS);
  const rate = scale * load(meter, ofDay) * (0.9 + 0.2 * noise(meter.seed, quarter));
  const anchorDay = dayOf(story.anchor);
  // 01:00–05:00 of the night two days before the first start.
  const leaking = meter.kind === 'water' && meter.device.info.building.startsWith('C栋') && day === anchorDay - 2 * DAY_MS && ofDay >= 4 && ofDay < 20;
  // 21:00–23:30 of the evening before.
  const burnerOn = meter.kind === 'gas' && meter.device.info.building === CANTEEN && day === anchorDay - DAY_MS && ofDay >= 84 && ofDay < 94;
  return (setBack(meter, quarter, day, ofDay, story) ? rate * HVAC_SETBACK : rate) + (leaking ? 1.8 : 0) + (burnerOn ? 2.5 : 0);
}

/** What A栋 uses while its HVAC is set back: from 19:00 on weekdays to 07:30 on the next one, weekends through. */
const HVAC_SETBACK = 0.7;

/** Whether A栋's HVAC is set back in a quarter: since the schedules were set up (main/demo/saving.ts), outside weekdays' 07:30–19:00. */
function setBack(meter: DemoMeter, quarter: number, day: number, ofDay: number, story: MeterStory): boolean {
  if (meter.kind !== 'electricity' || !meter.device.info.building.startsWith('A栋') || quarter * QUARTER_MS < story.anchor - SCHEDULES_SET_UP_BEFORE_MS) return false;
  const weekday = new Date(day + LOCAL_OFFSET_MS).getUTCDay();
  return !(weekday >= 1 && weekday <= 5 && ofDay >= 30 && ofDay < 76);
}

/** What a meter uses per hour at `at` (kWh/h or m³/h). */
export function demoRate(meter: DemoMeter, at: number, story: MeterStory): number {
  const day = dayOf(at);
  return quarterRate(meter, Math.floor(at / QUARTER_MS), day, dayScale(meter, day, story), story);
}

/**
 * A meter's register at `at`: what it used since the register's origin, a
 * quarter at a time, so every start of the demo reads the same register at
 * the same moment and a restart never makes it go backwards. Nearly three
 * years of quarters at a start: a day's scale is worked out once a day.
 */
export class DemoRegister {
  private quarter = Math.floor(REGISTER_ORIGIN / QUARTER_MS);
  private total = 0;
  private day = { start: Number.NaN, scale: 0 };

  constructor(
    readonly meter: DemoMeter,
    private readonly story: MeterStory,
  ) {}

  /** The register at `at`, which must not go back from the last one asked. */
  at(at: number): number {
    const until = Math.floor(at / QUARTER_MS);
    for (; this.quarter < until; this.quarter++) this.total += this.demoQuarter(this.quarter);
    const partial = this.demoQuarter(until) * ((at - until * QUARTER_MS) / QUARTER_MS);
    const value = Math.round((this.total + partial) * 100) / 100;
    return this.meter.kind === 'water' ? value % WATER_ROLLOVER : value;
  }

  private demoQuarter(quarter: number): number {
    const start = dayOf(quarter * QUARTER_MS);
    if (start !== this.day.start) this.day = { start, scale: dayScale(this.meter, start, this.story) };
    return quarterRate(this.meter, quarter, start, this.day.scale, this.story) / 4;
  }
}

/** A message of readings as the meter's gateway sends it. */
export function readingsMessage(meter: DemoMeter, readings: { ts: number; value: number }[], instantRate?: number): MeterReadings {
  const instant =
    instantRate === undefined
      ? undefined
      : meter.kind === 'electricity'
        ? { kw: round(instantRate, 1), voltage: round(228 + 4 * noise(meter.seed, readings.length), 1), current: round((instantRate * 1000) / (Math.sqrt(3) * 400 * 0.92), 1), pf: 0.92 }
        : { flow: round(instantRate, 2) };
  return { unit: ENERGY_UNITS[meter.kind], ...(meter.kind === 'water' ? { rolloverAt: WATER_ROLLOVER } : {}), readings, ...(instant ? { instant } : {}) };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A register's 15-minute readings over [from, to), in messages of a day each, as a gateway uploads its buffer; the register reads on from `to`. */
export function* historyMessages(register: DemoRegister, from: number, to: number): Generator<MeterReadings> {
  const { meter } = register;
  let batch: { ts: number; value: number }[] = [];
  for (let ts = Math.ceil(from / QUARTER_MS) * QUARTER_MS; ts < to; ts += QUARTER_MS) {
    batch.push({ ts, value: register.at(ts) });
    if (batch.length === 96) {
      yield readingsMessage(meter, batch);
      batch = [];
    }
  }
  if (batch.length) yield readingsMessage(meter, batch);
}
