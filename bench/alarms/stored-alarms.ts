import { ALARM_STATES, EVENT_TYPE_NAMES, EVENT_TYPES } from '../../main/contract';
import type { Database } from '../../main/store/database';

export const DAY = 86_400_000;
export const areaOf = (device: number, areas: number) => `Area ${device % areas}`;

type Options = {
  count: number;
  devices: number;
  areas: number;
  /** The newest alarm's time; the rest go back evenly over `days`. */
  now: number;
  days: number;
  /** The share of alarms left open anywhere in the span, as a site that never closed some old ones has. */
  scatteredOpen?: number;
};

/**
 * A busy park's alarms straight into a station's store: the newest 300
 * open, the rest closed but for `scatteredOpen` of them (open alarms from
 * months ago), types as sites see them, each on a device of the registry.
 */
export function storeAlarms(db: Database, { count, devices, areas, now, days, scatteredOpen = 0 }: Options): void {
  const codes = Array.from({ length: devices }, (_, n) => `3206120101134${String(n).padStart(7, '0')}`);
  const insertDevice = db.prepare("INSERT INTO devices (code, name, kind, area, building, floor, status, info_at) VALUES (?, ?, 'alarm_input', ?, ?, '1F', 'online', 1)");
  const insertAlarm = db.prepare(
    "INSERT INTO alarms (id, source, type, severity, state, hlc, raised_at, last_at, updated_at, by, station, note, count, steps, area) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'duty', 'desk', NULL, 1, 0, ?)",
  );
  // Common types far more often than rare ones: door and device faults daily, gas leaks seldom.
  const weighted = EVENT_TYPE_NAMES.filter((type) => EVENT_TYPES[type].severity !== 'info').flatMap((type, index) => Array.from({ length: type === 'gas_leak' ? 1 : 3 + (index % 5) * 4 }, () => type));
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  // Its own sequence, so the scatter leaves the types, times and devices as they were.
  let scatter = 7;
  const scattered = () => ((scatter = (scatter * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) < scatteredOpen;
  db.transaction(() => {
    codes.forEach((code, n) => insertDevice.run(code, `Sensor ${n}`, areaOf(n, areas), `Building ${n % 50}`));
    for (let n = 0; n < count; n++) {
      const type = weighted[Math.floor(random() * weighted.length)]!;
      const at = now - Math.floor((n / count) * days * DAY) - Math.floor(random() * 1000);
      const open = n < 300 || scattered();
      const state = open ? ALARM_STATES[n % 3]! : 'closed';
      const device = Math.floor(random() * devices);
      insertAlarm.run(`bench-${String(n).padStart(9, '0')}`, codes[device], type, EVENT_TYPES[type].severity, state, `${at}:0000:site`, at, at, at, areaOf(device, areas));
    }
  })();
  db.exec('ANALYZE');
}
