import type { DeviceKind } from '../contract';
import { DEVICE_TYPES } from '../contract';
import type { z } from 'zod';
import type { DeviceInfoPayload } from '../site-link/interface/payloads';

/**
 * The built-in demo park: a science park in Nantong (administrative division
 * 320612) with research, office, residential and service buildings and a
 * perimeter. Codes follow GB/T 28181: division 320612, unit 01, industry 01
 * (community access), type, network 0 (private monitoring network), serial.
 */
export const DEMO_SITE = { id: 'demo-park', name: '通城科创园（演示）' };

export type DemoDevice = { code: string; kind: DeviceKind; info: Omit<z.input<typeof DeviceInfoPayload>, 'ts'> };

type Floor = { name: string; extra?: DeviceKind[] };
/** `loads`: the controllers of its lighting, HVAC and pumps, which energy-saving schedules drive; `facts`: what the park publishes of a building (energy per m² and per resident); the perimeter has none. */
type Building = { name: string; area: string; floors: Floor[]; meters: DeviceKind[]; loads?: DeviceKind[]; x: number; y: number; facts?: { id: string; floorArea: number; residents?: number } };

const floors = (names: string[], extra: Record<string, DeviceKind[]> = {}): Floor[] =>
  names.map((name) => ({ name, extra: extra[name] }));

const BUILDINGS: Building[] = [
  { name: 'A栋 研发楼', area: '北区', x: 0.25, y: 0.25, floors: floors(['B1', '1F', '2F', '3F', '4F', '5F'], { B1: ['water_sensor', 'gas_detector'] }), meters: ['electricity_meter', 'water_meter'], facts: { id: 'bldg-a', floorArea: 12_800 }, loads: ['hvac_controller'] },
  { name: 'B栋 办公楼', area: '北区', x: 0.6, y: 0.22, floors: floors(['1F', '2F', '3F', '4F']), meters: ['electricity_meter', 'water_meter'], facts: { id: 'bldg-b', floorArea: 9_600 }, loads: ['hvac_controller'] },
  { name: 'C栋 人才公寓', area: '南区', x: 0.3, y: 0.7, floors: floors(['1F', '2F', '3F', '4F', '5F', '6F'], { '1F': ['water_sensor'] }), meters: ['electricity_meter', 'water_meter', 'gas_meter'], facts: { id: 'bldg-c', floorArea: 8_400, residents: 310 } },
  { name: 'D栋 食堂', area: '南区', x: 0.65, y: 0.72, floors: floors(['1F', '2F'], { '1F': ['gas_detector', 'water_sensor'] }), meters: ['electricity_meter', 'water_meter', 'gas_meter'], facts: { id: 'bldg-d', floorArea: 2_600 }, loads: ['pump_controller'] },
  { name: '周界', area: '周界', x: 0.5, y: 0.5, floors: floors(['室外'], { 室外: ['camera', 'camera', 'camera', 'camera', 'alarm_input', 'alarm_input', 'alarm_input', 'alarm_input', 'alarm_output'] }), meters: [], loads: ['lighting_controller', 'lighting_controller'] },
];

/** The buildings' facts the park publishes: floor areas for all, residents for the apartments only (offices and the canteen house nobody). */
export const demoBuildings = () => BUILDINGS.flatMap(({ name, facts }) => (facts ? [{ id: facts.id, info: { name, floorArea: facts.floorArea, ...(facts.residents ? { residents: facts.residents } : {}) } }] : []));

const PER_FLOOR: DeviceKind[] = ['ipc', 'ipc', 'door', 'smoke_detector', 'alarm_input'];

const KIND_NAMES: Record<string, string> = {
  ipc: '网络摄像机',
  camera: '周界摄像机',
  door: '门禁',
  smoke_detector: '烟感',
  alarm_input: '报警输入',
  alarm_output: '声光报警器',
  water_sensor: '水浸传感器',
  gas_detector: '燃气探测器',
  electricity_meter: '电表',
  water_meter: '水表',
  gas_meter: '燃气表',
  lighting_controller: '公共照明回路',
  hvac_controller: '空调控制器',
  pump_controller: '生活水泵',
  nvr: '硬盘录像机',
  gateway: '边缘网关',
};

const VENDORS: Partial<Record<DeviceKind, [string, string]>> = {
  ipc: ['Hikvision', 'DS-2CD3T47'],
  camera: ['Dahua', 'IPC-HFW5442'],
  nvr: ['Hikvision', 'DS-7932N'],
  door: ['ZKTeco', 'inBio-460'],
  gateway: ['Vigil', 'EG-200'],
};

const DEMO_SCENES = ['gate', 'lobby', 'yard', 'corridor'];
const DEMO_RECORDING_DAYS = 7;

const typeCode = (kind: DeviceKind) => Object.entries(DEVICE_TYPES).find(([, name]) => name === kind)![0];

/** The park's devices; perimeter cameras announce `onvif` as their device service when given, for pan-tilt-zoom. */
export function demoDevices(options: { onvif?: string } = {}): DemoDevice[] {
  const devices: DemoDevice[] = [];
  let serial = 1;
  let gateway: string | undefined;
  const add = (kind: DeviceKind, building: Building, floor: string, label: string, x: number, y: number) => {
    const code = `3206120101${typeCode(kind)}0${String(serial++).padStart(6, '0')}`;
    // Each building's devices report through its edge gateway, added first.
    if (kind === 'gateway') gateway = code;
    const [vendor, model] = VENDORS[kind] ?? ['Vigil', 'SIM-1'];
    // The demo's cameras play the clips in assets/video, each camera one of the scenes in turn.
    const scene = DEMO_SCENES[serial % DEMO_SCENES.length];
    const streams =
      kind === 'ipc' || kind === 'camera'
        ? [
            { profile: 'main' as const, url: `demo://${scene}/main` },
            { profile: 'sub' as const, url: `demo://${scene}/sub` },
          ]
        : [];
    devices.push({
      code,
      kind,
      info: {
        name: `${building.name.split(' ')[0]} ${floor} ${label}`,
        area: building.area,
        building: building.name,
        floor,
        x,
        y,
        vendor,
        model,
        streams,
        ...(kind === 'camera' && options.onvif ? { onvif: options.onvif } : {}),
        // Every camera "records" its clip for the past week: playback works in the demo too.
        ...(streams.length ? { recording: { vendor: 'generic' as const, url: `demo://${scene}/main`, start: Date.now() - DEMO_RECORDING_DAYS * 86_400_000 } } : {}),
        ...(kind === 'gateway' ? {} : { gateway }),
      },
    });
  };
  const gateways = new Map<string, string>();
  for (const building of BUILDINGS) {
    add('gateway', building, building.floors[0]!.name, KIND_NAMES.gateway!, building.x, building.y);
    gateways.set(building.name, gateway!);
    if (building.area !== '周界') add('nvr', building, building.floors[0]!.name, KIND_NAMES.nvr!, building.x, building.y);
    for (const meter of building.meters) add(meter, building, building.floors[0]!.name, KIND_NAMES[meter]!, building.x, building.y);
    for (const floor of building.floors) {
      const kinds = building.area === '周界' ? (floor.extra ?? []) : [...PER_FLOOR, ...(floor.extra ?? [])];
      kinds.forEach((kind, index) => {
        const angle = (index / kinds.length) * Math.PI * 2;
        add(kind, building, floor.name, `${KIND_NAMES[kind]} ${index + 1}`, 0.5 + 0.4 * Math.cos(angle), 0.5 + 0.4 * Math.sin(angle));
      });
    }
  }
  // Added after the rest, so the codes of the devices before them stay what they were.
  for (const building of BUILDINGS) {
    gateway = gateways.get(building.name);
    (building.loads ?? []).forEach((kind, index) => add(kind, building, building.floors[0]!.name, `${KIND_NAMES[kind]} ${index + 1}`, building.x, building.y));
  }
  return devices;
}
