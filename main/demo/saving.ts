import type { SavingScheduleDraft, SitePosition } from '../contract';

/** The demo park is in Tongzhou, Nantong (division 320612). */
export const DEMO_POSITION: SitePosition = { latitude: 32.07, longitude: 121.07 };

/** The controllers of the demo park (main/demo/park.ts adds them after the other devices). */
const LIGHTS = ['32061201011530000127', '32061201011530000128'];
const OFFICE_HVAC = ['32061201011540000124', '32061201011540000125'];
const CANTEEN_PUMP = ['32061201011550000126'];

/** The park's schedules were set up this long before its story's day; since then A栋's evenings use less (main/demo/meters.ts). */
export const SCHEDULES_SET_UP_BEFORE_MS = 21 * 86_400_000;

/** The park's energy-saving schedules as its property office set them up. */
export const DEMO_SAVING_SCHEDULES: SavingScheduleDraft[] = [
  {
    id: 'street-lights',
    name: '公共照明 日落开启 深夜关闭',
    load: 'lighting',
    devices: LIGHTS,
    days: [1, 2, 3, 4, 5, 6, 7],
    steps: [
      { trigger: { at: 'sunset', offsetMinutes: 10 }, action: { command: 'lighting.switch', params: { on: true } } },
      { trigger: { at: 'time', time: '23:30' }, action: { command: 'lighting.switch', params: { on: false } } },
    ],
    enabled: true,
  },
  {
    id: 'office-hvac-night',
    name: '办公楼空调 下班调高设定温度',
    load: 'hvac',
    devices: OFFICE_HVAC,
    days: [1, 2, 3, 4, 5],
    steps: [
      { trigger: { at: 'time', time: '19:00' }, action: { command: 'hvac.setpoint', params: { celsius: 28 } } },
      { trigger: { at: 'time', time: '07:30' }, action: { command: 'hvac.setpoint', params: { celsius: 24 } } },
    ],
    enabled: true,
    // Its saving is estimated on A栋's electricity: B栋's overuse this month would hide any saving there.
    building: 'A栋 研发楼',
  },
  {
    id: 'canteen-pump-night',
    name: '食堂生活水泵 夜间停机',
    load: 'pump',
    devices: CANTEEN_PUMP,
    days: [1, 2, 3, 4, 5, 6, 7],
    steps: [
      { trigger: { at: 'time', time: '22:00' }, action: { command: 'pump.switch', params: { on: false } } },
      { trigger: { at: 'time', time: '05:00' }, action: { command: 'pump.switch', params: { on: true } } },
    ],
    enabled: true,
  },
];
