import { z } from 'zod';
import { ALARM_STATES, DATA_CLASSES, DEVICE_TYPES, EVENT_TYPES, SEVERITIES, type DataClass } from '../../contract';
import { CHANNELS, INTERFACE_VERSION, TOPIC_ROOT, type ChannelName } from './topics';

/**
 * The AsyncAPI 3.0 document of the site interface, built from CHANNELS and
 * the zod payloads: nothing in it is written by hand twice. It is written to
 * docs/site-interface.asyncapi.json by `npx tsx scripts/write-asyncapi.ts`
 * and a test keeps the committed file equal to what this builds.
 *
 * The document is written from a station's (Vigil's) point of view: it
 * `receive`s what the site publishes and `send`s commands, shared alarm
 * state and its presence.
 */

const BINDING_VERSION = '0.2.0';
/** SiteLink's defaults (main/site-link/link.ts). */
const SESSION_EXPIRY_SECONDS = 7 * 24 * 3600;
const KEEP_ALIVE_SECONDS = 30;

/** Station-published channels that stations also read (each other's alarms, rules, schedules, presence and tariffs). */
const STATION_READS: readonly ChannelName[] = ['alarm', 'rule', 'savingSchedule', 'presence', 'tariff', 'order', 'service', 'noticeRecord', 'workspace', 'incident', 'plan', 'resource', 'warning', 'warningRule', 'auditAnchor'];

const DATA_CLASS_MEANING: Record<DataClass, string> = {
  public: 'may be shared and opened outside the platform',
  internal: 'stays within the platform (the default for a field that names no class)',
  personal: 'personal information (GB/T 35273): masked unless the role may see it',
};

const PARAMETERS: Record<string, { description: string; examples: string[]; location?: string }> = {
  schedule: { description: 'Energy-saving schedule id: 4–64 lower-case letters, digits or `-`.', examples: ['street-lights'] },
  site: {
    description: 'Site identifier: one topic level (no `/`, `+` or `#`). A station reads only its own site; a message for another site is refused.',
    examples: ['nanjing-park-a'],
  },
  code: {
    description:
      '20-digit GB/T 28181 device code, pattern `^\\d{20}$`: 8 centre (6 administrative division + 2 unit) · 2 industry · 3 type · 1 network · 6 serial. ' +
      'The division must begin with a province code 11–82 and the type must be one of `x-device-types`; a message whose code is not valid is refused with its reason.',
    examples: ['32010601011320000001', '32010601011410000002'],
  },
  alarm: {
    description: 'Alarm id (a message id: 8–64 letters, digits, `_` or `-`); equal to the payload `id`.',
    examples: ['evt-20260101-000001'],
    location: '$message.payload#/id',
  },
  rule: {
    description: 'Alarm rule id (1–40 lower-case letters, digits or `-`); equal to the payload `id`.',
    examples: ['night-water'],
    location: '$message.payload#/id',
  },
  order: {
    description: 'Repair order id (8–80 letters, digits, `_` or `-`); equal to the payload `id`. Orders a resident reported are `r-{report id}`, orders an alarm opened `a-{alarm id}`.',
    examples: ['r-app-20260101-0001'],
    location: '$message.payload#/id',
  },
  image: {
    description: 'SHA-256 of the image\'s bytes, 64 lower-case hex digits: a receiver checks it and refuses an image whose bytes do not match.',
    examples: ['6b7fa434f92a8b80aab02d9bf1a12e49ffcae424e4013a1c4f68b67e3d2bbcd0'],
  },
  building: {
    description: "Building id on the site: one topic level (no `/`, `+` or `#`); the payload's `name` is the building as devices name it.",
    examples: ['bldg-a'],
  },
  resident: {
    description: "A resident's id as their app names itself: 4–64 letters, digits, `_` or `-`, opaque (never a name, phone or flat number). The broker should let each app write only its own profile and read only its own recommendations.",
    examples: ['app-7f3a9c21'],
  },
  service: {
    description: 'Life-service id in the catalogue: 3–64 lower-case letters, digits or `-`; equal to the payload `id`.',
    examples: ['housekeeping-aunt-li'],
    location: '$message.payload#/id',
  },
  notice: {
    description: 'Announcement id: 4–64 lower-case letters, digits or `-`, chosen by the station that drafted it.',
    examples: ['lift-b3-maintenance'],
  },
  terminal: {
    description: "A resident's app or signage screen: one topic level (no `/`, `+` or `#`), unique on the site; the broker lets a terminal publish only under its own.",
    examples: ['app-3f9c2a', 'screen-gate-north'],
  },
  user: {
    description: "An officer's user name (3–32 lower-case letters, digits, `.`, `_` or `-`); equal to the payload `id`.",
    examples: ['commander'],
    location: '$message.payload#/id',
  },
  station: {
    description: 'Station identifier: one topic level (no `/`, `+` or `#`).',
    examples: ['desk-1'],
  },
  incident: {
    description: 'Incident id (4–100 letters, digits, `_`, `.` or `-`); equal to the payload `id`. Incidents a warning opened are `w-{warning id}`, an alarm `a-{alarm id}`: the same at every station.',
    examples: ['w-fire-a-3f-0001'],
    location: '$message.payload#/id',
  },
  plan: {
    description: 'Response plan id: the incident type it is for (`fire`, `flood`, `gas`, `intrusion`, `medical`, `power`, `crowd`, `other`); equal to the payload `id`.',
    examples: ['fire'],
    location: '$message.payload#/id',
  },
  resource: {
    description: "Dispatchable resource id (2–40 lower-case letters, digits, `_` or `-`); the broker lets a resource's handhelds read its dispatches and write its replies only.",
    examples: ['fire-team'],
  },
  warningRule: {
    description: 'Early-warning rule id (1–40 lower-case letters, digits or `-`); equal to the payload `id`.',
    examples: ['fire-smoke-and-rise'],
    location: '$message.payload#/id',
  },
  warning: {
    description: 'Early warning id: `wn-` and 24 hex digits, hashed from the hazard, the place and the moment it was raised, so every station names it alike; equal to the payload `id`.',
    examples: ['wn-3c1f0e9a8b7c6d5e4f3a2b1c'],
    location: '$message.payload#/id',
  },
};

/** One example payload per channel; each is in the document and is checked against both schemas. */
export const EXAMPLES: { [C in ChannelName]: z.input<(typeof CHANNELS)[C]['payload']> } = {
  deviceInfo: {
    name: '东门 1 号摄像机',
    area: '北区',
    building: 'A 栋',
    floor: '1F',
    x: 0.42,
    y: 0.17,
    vendor: 'Hikvision',
    model: 'DS-2CD2T47G2',
    streams: [
      { profile: 'main', url: 'rtsp://10.0.3.21:554/Streaming/Channels/101' },
      { profile: 'sub', url: 'rtsp://10.0.3.21:554/Streaming/Channels/102' },
    ],
    onvif: 'http://10.0.3.21/onvif/device_service',
    recording: { vendor: 'hikvision', url: 'rtsp://10.0.3.2:554', channel: 21, timeZoneOffsetMinutes: 0 },
    gateway: '32061201012090000001',
    ts: 1767225600000,
  },
  // A door controller with an alarm input of its own (an exit button tamper loop, say) reports both.
  deviceState: { status: 'online', ts: 1767225600000, reason: 'door held open 90 s', door: 'held_open', zone: 'armed' },
  // A resident's report, accepted and completed by the technician's app, confirmed and rated by the resident's.
  order: {
    id: 'r-app-20260101-0001',
    events: [
      {
        id: 'r-app-20260101-0001-create',
        hlc: '1767225600000:0000:site',
        by: 'resident:app-7f3a9c',
        via: 'app',
        action: 'create',
        title: '厨房水槽下漏水',
        description: '柜子里有积水',
        category: 'plumbing',
        priority: 'normal',
        place: { building: 'A 栋', floor: '3F', unit: '302' },
        source: 'resident',
        resident: 'app-7f3a9c',
        photos: ['2f2a6e05d8c8a1f4f0f7f6e0f1b9c6c2d1f0e9a8b7c6d5e4f3a2b1c0d9e8f7a6'],
      },
      { id: '1767225660000:0000:desk-1', hlc: '1767225660000:0000:desk-1', by: '刘芳', via: 'station', action: 'assign', technician: 'zhaolei' },
      { id: 'app-tech-0001', hlc: '1767225900000:0000:app', by: 'zhaolei', via: 'app', action: 'accept' },
      { id: 'app-tech-0002', hlc: '1767229200000:0000:app', by: 'zhaolei', via: 'app', action: 'complete', text: '更换了角阀', photos: [] },
      { id: 'app-res-0001', hlc: '1767232800000:0000:app', by: 'resident:app-7f3a9c', via: 'app', action: 'confirm', rating: 5, text: '很快' },
    ],
  },
  repairRequest: {
    id: 'app-20260101-0001',
    title: '厨房水槽下漏水',
    description: '柜子里有积水',
    category: 'plumbing',
    building: 'A 栋',
    floor: '3F',
    unit: '302',
    photos: ['2f2a6e05d8c8a1f4f0f7f6e0f1b9c6c2d1f0e9a8b7c6d5e4f3a2b1c0d9e8f7a6'],
    ts: 1767225600000,
  },
  orderUpdate: { id: 'app-res-0001', action: 'confirm', by: 'resident:app-7f3a9c', text: '很快', photos: [], rating: 5, ts: 1767232800000 },
  // A 1×1 PNG; a resident's photo is the same, larger (at most 1 MiB).
  image: { data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', ts: 1767225600000 },
  buildingInfo: { name: 'A 栋', floorArea: 12800, residents: 420, ts: 1767225600000 },
  gatewayState: { online: true, ts: 1767225600000 },
  telemetry: { ts: 1767225600000, values: { voltage_a: 229.8, current_a: 12.4, energy_kwh: 18342.5 } },
  // An electricity meter's 15-minute reading; a gateway back from an outage sends its buffered readings the same way.
  meterReadings: { unit: 'kWh', rolloverAt: 1000000, readings: [{ ts: 1767225600000, value: 18342.5 }], instant: { kw: 36.2, voltage: 229.8, current: 52.4, pf: 0.93 } },
  deviceEvent: { id: 'evt-20260101-000001', type: 'access_granted', severity: 'info', ts: 1767225600000, zone: 'A 栋大堂', person: '张三', data: { card: '0012345678', direction: 'in' } },
  command: {
    id: 'cmd-20260101-000001',
    command: 'door.unlock',
    params: { seconds: 5 },
    issuedBy: '李四',
    station: 'desk-1',
    ts: 1767225600000,
    expiresAt: 1767225630000,
  },
  commandAck: { id: 'ack-20260101-000001', status: 'done', ts: 1767225601000, reason: 'unlocked for 5 s' },
  // An alarm rule's alarm: its type is 'rule', and it names the rule and the reading.
  alarm: {
    id: 'rule-5b0d8f6a2c1e4d7b9a3f0e6c8d2b4a17',
    source: '32010601011510000003',
    type: 'rule',
    severity: 'major',
    state: 'resolved',
    hlc: '1767226500000:0000:desk-1',
    raisedAt: 1767225600000,
    by: '王五',
    station: 'desk-1',
    note: '已通知物业关闭 A 栋进水阀',
    count: 3,
    lastAt: 1767225630000,
    steps: 3,
    rule: { id: 'night-water', name: '夜间用水异常', metric: 'm3h', value: 3.1 },
    acknowledgedAt: 1767225660000,
    resolvedAt: 1767226500000,
  },
  rule: {
    id: 'night-water',
    name: '夜间用水异常',
    enabled: true,
    severity: 'major',
    condition: { kind: 'threshold', metric: 'm3h', op: 'above', value: 2, forSeconds: 600 },
    scope: { kinds: ['water_meter'], area: '', devices: [] },
    schedule: { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '05:00', timeZone: 'Asia/Shanghai' },
    hlc: '1767225660000:0000:desk-1',
    updatedBy: '王五',
    deleted: false,
  },
  savingSchedule: {
    id: 'street-lights',
    name: '公共照明 日落开 日出关',
    load: 'lighting',
    devices: ['32061201011530000201'],
    days: [1, 2, 3, 4, 5, 6, 7],
    steps: [
      { trigger: { at: 'sunset', offsetMinutes: 10 }, action: { command: 'lighting.switch', params: { on: true } } },
      { trigger: { at: 'sunrise', offsetMinutes: -10 }, action: { command: 'lighting.switch', params: { on: false } } },
    ],
    enabled: true,
    building: '周界',
    hlc: '1767225660000:0000:desk-1',
    updatedBy: '赵六',
    deleted: false,
  },
  noticeRecord: {
    id: 'lift-b3-maintenance',
    title: { zh: '3号楼电梯检修', en: 'Building 3 lift maintenance' },
    body: { zh: '<p>12月8日 9:00–12:00 3号楼<strong>电梯停运</strong>检修。</p><p><img src="vigil-image:6b7fa434f92a8b80aab02d9bf1a12e49ffcae424e4013a1c4f68b67e3d2bbcd0"></p>', en: '<p>The lift of building 3 is <strong>out of service</strong> on 8 Dec, 9:00–12:00.</p>' },
    audience: { kind: 'buildings', buildings: ['3号楼'] },
    publishAt: 1767225600000,
    expiresAt: 1767340800000,
    state: 'approved',
    images: ['6b7fa434f92a8b80aab02d9bf1a12e49ffcae424e4013a1c4f68b67e3d2bbcd0'],
    history: [
      { action: 'saved', by: '王五', at: 1767222000000 },
      { action: 'submitted', by: '王五', at: 1767222060000 },
      { action: 'approved', by: '赵六', at: 1767223000000 },
    ],
    hlc: '1767223000000:0000:desk-2',
    updatedBy: '赵六',
    deleted: false,
  },
  notice: {
    state: 'published',
    title: { zh: '3号楼电梯检修', en: 'Building 3 lift maintenance' },
    body: { zh: '<p>12月8日 9:00–12:00 3号楼<strong>电梯停运</strong>检修。</p>', en: '<p>The lift of building 3 is <strong>out of service</strong> on 8 Dec, 9:00–12:00.</p>' },
    images: [],
    audience: { kind: 'buildings', buildings: ['3号楼'] },
    publishedAt: 1767225600000,
    expiresAt: 1767340800000,
    revokedAt: null,
  },
  terminalInfo: { kind: 'resident-app', building: '3号楼', unit: '2-1201', name: '张先生的手机', ts: 1767225000000 },
  terminalReceipt: { id: 'rcpt-app-3f9c2a-0001', notice: 'lift-b3-maintenance', status: 'read', ts: 1767225900000 },
  presence: { online: true, ts: 1767225600000, user: '王五' },
  residentProfile: { name: '王秀英', phone: '13912345678', building: 'C栋 人才公寓', unit: '3-502', household: 'elderly', interests: ['housekeeping', 'clinic'], consent: true, ts: 1767225600000 },
  residentRecommendations: {
    profileTs: 1767225600000,
    catalogue: '1767225660000:0000:desk-1',
    items: [
      {
        service: 'housekeeping-aunt-li',
        name: { zh: '李阿姨家政', en: 'Aunt Li Housekeeping' },
        category: 'housekeeping',
        phone: '0513-8551 2200',
        score: 95,
        reasons: [
          { code: 'interest', category: 'housekeeping' },
          { code: 'household', household: 'elderly' },
          { code: 'same_building', building: 'C栋 人才公寓' },
        ],
      },
    ],
  },
  service: {
    id: 'housekeeping-aunt-li',
    name: { zh: '李阿姨家政', en: 'Aunt Li Housekeeping' },
    category: 'housekeeping',
    tags: ['上门', '保洁'],
    description: '日常保洁、做饭、陪护老人，按小时计费。',
    phone: '0513-8551 2200',
    where: { building: 'C栋 人才公寓', distance: 350 },
    hours: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '20:00' }],
    suits: ['elderly', 'children'],
    active: true,
    hlc: '1767225660000:0000:desk-1',
    updatedBy: '赵六',
    deleted: false,
  },
  // Illustrative time-of-use prices: peak 08–11, 13–15, 18–21; valley 22–06; flat otherwise.
  tariff: {
    currency: 'CNY',
    electricity: {
      spans: [
        { band: 'valley', from: 22, to: 6 },
        { band: 'flat', from: 6, to: 8 },
        { band: 'peak', from: 8, to: 11 },
        { band: 'flat', from: 11, to: 13 },
        { band: 'peak', from: 13, to: 15 },
        { band: 'flat', from: 15, to: 18 },
        { band: 'peak', from: 18, to: 21 },
        { band: 'flat', from: 21, to: 22 },
      ],
      prices: { peak: 1.2, flat: 0.75, valley: 0.35 },
    },
    water: { price: 5 },
    gas: { price: 3.5 },
    hlc: '1767225660000:0000:desk-1',
    updatedBy: '赵六',
  },
  workspace: {
    id: 'commander',
    layouts: [
      {
        name: '指挥席 Command desk',
        screens: [
          { screen: 0, page: 'incidents', wall: null, view: null, focus: false },
          { screen: 1, page: 'map', wall: null, view: null, focus: true },
          { screen: 2, page: 'wall', wall: null, view: null, focus: true },
          { screen: 3, page: 'incidents', wall: null, view: 'timeline', focus: true },
        ],
      },
    ],
    openOnSignIn: '指挥席 Command desk',
    hlc: '1767225660000:0000:desk-1',
    updatedBy: 'commander',
    deleted: false,
  },
  // A fire raised by a warning, the fire team sent and acknowledged, the first step of the plan done, the second escalated at its deadline.
  incident: {
    id: 'w-fire-a-3f-0001',
    events: [
      {
        id: 'w-fire-a-3f-0001-open',
        hlc: '1767225600000:0000:site',
        by: 'Vigil',
        via: 'system',
        kind: 'open',
        type: 'fire',
        title: 'A栋3F 烟感与温升',
        level: 2,
        drill: false,
        place: { area: '北区', building: 'A栋', floor: '3F' },
        source: { kind: 'warning', warning: 'fire-a-3f-0001' },
        links: [{ kind: 'warning', ref: 'fire-a-3f-0001' }, { kind: 'camera', ref: '32061201011310000031' }],
        plan: [
          { id: 'confirm', title: '确认火情', owner: '安保巡逻一队', minutes: 3, startLevel: 4 },
          { id: 'call-119', title: '通知119', owner: 'emergency_commander', minutes: 5, startLevel: 3 },
        ],
      },
      { id: '1767225630000:0000:desk-1', hlc: '1767225630000:0000:desk-1', by: '刘芳', via: 'station', kind: 'dispatch', dispatch: 'd-0001', resource: 'fire-team', name: '消防应急队', members: ['zhangwei'], task: '携灭火器到A栋3F' },
      { id: 'hh-fire-team-0001', hlc: '1767225650000:0000:handheld', by: 'zhangwei', via: 'handheld', kind: 'reply', dispatch: 'd-0001', status: 'acknowledged', ts: 1767225650000 },
      { id: '1767225700000:0000:desk-1', hlc: '1767225700000:0000:desk-1', by: '刘芳', via: 'station', kind: 'step', step: 'confirm', outcome: 'done', text: '' },
      // The second step still active at its deadline: escalated, the same event at every station.
      { id: 'overdue-call-119-1767225900000', hlc: '1767225900000:0000:plan', by: 'Vigil', via: 'system', kind: 'overdue', step: 'call-119', dueAt: 1767225900000 },
    ],
  },
  plan: {
    id: 'fire',
    name: '火灾应急预案',
    steps: [
      { id: 'confirm', title: '确认火情', owner: '安保巡逻一队', minutes: 3, startLevel: 4 },
      { id: 'call-119', title: '通知119', owner: 'emergency_commander', minutes: 5, startLevel: 3 },
    ],
    hlc: '1767225660000:0000:desk-1',
    updatedBy: '赵六',
    deleted: false,
  },
  warningRule: {
    id: 'fire-smoke-and-rise',
    name: '烟感报警且温度骤升',
    enabled: true,
    hazard: 'fire',
    level: 2,
    scope: { kinds: ['smoke_detector'], area: '', building: '', floor: '', devices: [] },
    groupBy: 'floor',
    condition: {
      kind: 'combination',
      windowSeconds: 120,
      parts: [
        { kind: 'count', eventType: 'smoke', atLeast: 1, windowSeconds: 300 },
        { kind: 'rate', metric: 'temperature', direction: 'rising', perMinute: 5, windowSeconds: 60 },
      ],
    },
    hlc: '1767225660000:0000:desk-1',
    updatedBy: '赵六',
    deleted: false,
  },
  resource: { id: 'fire-team', name: '消防应急队', kind: 'team', members: ['zhangwei', 'lina'], hlc: '1767225660000:0000:desk-1', updatedBy: '赵六', deleted: false },
  resourceDispatch: {
    action: 'dispatch',
    dispatch: 'd-0001',
    incident: 'w-fire-a-3f-0001',
    type: 'fire',
    title: 'A栋3F 烟感与温升',
    level: 2,
    drill: false,
    place: { area: '北区', building: 'A栋', floor: '3F' },
    task: '携灭火器到A栋3F',
    by: '刘芳',
    ts: 1767225630000,
  },
  resourceReply: { id: 'hh-fire-team-0001', incident: 'w-fire-a-3f-0001', dispatch: 'd-0001', status: 'acknowledged', by: 'zhangwei', ts: 1767225650000 },
  // Smoke on a floor (IV), then the temperature climbing with it (II), acknowledged by the duty officer, cleared once nothing held for 2 minutes.
  warning: {
    id: 'wn-3c1f0e9a8b7c6d5e4f3a2b1c',
    events: [
      { id: 'raised-1767225600000-0a1b2c3d4e5f6a7b', at: 1767225600000, type: 'raised', hazard: 'fire', place: { groupBy: 'floor', key: 'A栋 研发楼/3F', label: 'A栋 研发楼 3F' }, level: 4, rules: ['fire-smoke'] },
      { id: 'level-1767225630000-1b2c3d4e5f6a7b8c', at: 1767225630000, type: 'level', level: 2, rules: ['fire-rise', 'fire-smoke', 'fire-smoke-and-rise'] },
      { id: 'ack-1767225700000-desk-1', at: 1767225700000, type: 'acknowledged', by: '张伟', note: '已派保安到场核实' },
      { id: 'cleared-1767226200000-2c3d4e5f6a7b8c9d', at: 1767226200000, type: 'cleared' },
    ],
  },
  auditAnchor: {
    station: 'desk-1',
    seq: 1207,
    hash: '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c1b3d5f7e9a1c3b5d7f9e1a3c5b7d9f1e',
    count: 1207,
    at: 1767225601000,
    previous: { seq: 1203, hash: '4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d' },
    key: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEABCv2BoCtyhbbv2NoYrfANwkLAm/gBREG6lXooAj+Pow=\n-----END PUBLIC KEY-----\n',
    signature: 'pbPSoeUyHxSbL8OXMlLgviUlQKJ/jKvhpzmrAWaYYCDLdpX1rqcl5gmX9dljtdzOdzKjJUzu2nt+QdIWTJ8IBg==',
  },
  // A feed scoped to every class: the person masked as the event log shows it; a public-only feed leaves zone and person out.
  openEvent: {
    id: 'evt-20260101-000001',
    code: '32010601011410000002',
    type: 'access_granted',
    severity: 'info',
    at: 1767225600000,
    deviceName: 'A 栋大堂门禁',
    area: '北区',
    building: 'A 栋',
    floor: '1F',
    zone: 'A 栋大堂',
    person: '张*',
  },
  openAlarm: {
    id: 'evt-20260101-000007',
    source: '32010601011510000003',
    type: 'water_leak',
    severity: 'major',
    state: 'acknowledged',
    raisedAt: 1767225600000,
    count: 1,
    deviceName: 'A 栋水泵房水浸',
    area: '北区',
    building: 'A 栋',
    floor: 'B1',
    by: '王*',
    station: 'desk-1',
    note: null,
  },
};

const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1);
const parametersOf = (pattern: string) => [...pattern.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);

/** Payloads the site publishes are described as Vigil accepts them (defaulted fields may be left out); what stations publish, as they send it (defaults filled in). */
export function payloadIo(channel: ChannelName): 'input' | 'output' {
  return CHANNELS[channel].from === 'station' ? 'output' : 'input';
}

type JsonSchema = { [key: string]: unknown; properties?: Record<string, Record<string, unknown>> };

/** The JSON schema (draft-07, which AsyncAPI Schema extends) of a channel's payload, with every field's data class. */
export function payloadSchema(channel: ChannelName): JsonSchema {
  const { $schema: _draft, ...schema } = z.toJSONSchema(CHANNELS[channel].payload, { io: payloadIo(channel), target: 'draft-07', unrepresentable: 'throw' }) as JsonSchema;
  for (const field of Object.values(schema.properties ?? {})) field['x-data-class'] ??= 'internal';
  return schema;
}

function description(): string {
  const eventRows = Object.entries(EVENT_TYPES).map(([name, type]) => `| ${type.code} | \`${name}\` | ${type.severity} |`);
  const typeRows = Object.entries(DEVICE_TYPES).map(([code, kind]) => `| ${code} | \`${kind}\` |`);
  return [
    `The MQTT interface between a site (its devices, edge gateways and broker) and Vigil stations, version ${INTERFACE_VERSION}. ` +
      `Generated from main/site-link/interface/topics.ts and payloads.ts; docs/site-interface.md is the reader's version.`,
    '',
    '## Topics',
    `Every topic begins \`${TOPIC_ROOT}/{site}/\`. Payloads are UTF-8 JSON objects; a field not in the schema is refused, and so is a payload over 64 KiB. ` +
      'A message that cannot be read (unknown topic, invalid device code, wrong site, invalid payload) is quarantined with its reason and never applied.',
    '',
    'Events, commands, acknowledgements and shared state (device info and state, gateway state, alarms, presence) are published with QoS 1; telemetry with QoS 0, since the next sample replaces a lost one. ' +
      'Device info, building info, device state, gateway state, alarms, rules, tariffs and presence are retained, so a station that connects learns the current state at once. ' +
      "Gateways and stations set a retained last will on their state or presence topic that publishes `{online:false}`.",
    '',
    '## Sessions',
    `Stations connect with MQTT 5, a stable client id per station, clean start off and a session expiry interval (default ${SESSION_EXPIRY_SECONDS} s, 7 days), and subscribe with QoS 1, ` +
      'so the broker keeps QoS 1 messages for a station that is away, within its queue limits, and delivers them when it returns. ' +
      'A station acknowledges (PUBACK) a message only after it has committed it, so a crash means redelivery, never loss.',
    '',
    '## Idempotency and ordering',
    'Every event and command carries an `id` (8–64 letters, digits, `_` or `-`): the same id twice is the same message, a redelivery, and an event is stored exactly once by its id. ' +
      "State messages carry `ts`, the publisher's time in milliseconds: a message no newer than what Vigil already holds changes nothing, so redeliveries and late retained messages are harmless. " +
      `An alarm's \`id\` names the alarm; its state only moves forward through ${ALARM_STATES.map((state) => `\`${state}\``).join(' → ')}, and stations merge concurrent changes by that order, then by the hybrid logical clock \`hlc\` (millis:counter:node).`,
    '',
    '## Commands',
    'A station publishes a command with the MQTT 5 response topic `…/devices/{code}/commands/ack` and correlation data; the device answers there with the same correlation data. ' +
      'A device must not act on a command after its `expiresAt`; the acknowledgement status for that case is `expired`.',
    '',
    '## Device codes',
    '20 digits in the GB/T 28181 layout: 8 centre code (6 administrative division + 2 unit), 2 industry, 3 type, 1 network, 6 serial. Types (140–199 is the standard\'s extension range):',
    '',
    '| type | kind |',
    '|---|---|',
    ...typeRows,
    '',
    '## Event types',
    'Codes are stable: 1xxx security, 2xxx safety, 3xxx device health, 4xxx access, 5xxx energy. An event without `severity` takes its type\'s default.',
    '',
    '| code | type | default severity |',
    '|---|---|---|',
    ...eventRows,
    '',
    `Severities, most urgent first: ${SEVERITIES.map((severity) => `\`${severity}\``).join(', ')}.`,
    '',
    '## Data classes',
    'Every top-level payload field carries `x-data-class`:',
    '',
    ...DATA_CLASSES.map((dataClass) => `- \`${dataClass}\`: ${DATA_CLASS_MEANING[dataClass]}`),
  ].join('\n');
}

function server(protocol: 'mqtt' | 'mqtts', port: number, description: string, security: string[]) {
  return {
    host: `{broker}:${port}`,
    protocol,
    protocolVersion: '5',
    description,
    variables: { broker: { default: 'broker.site.example', description: "Host name of the site's broker." } },
    security: security.map((scheme) => ({ $ref: `#/components/securitySchemes/${scheme}` })),
    bindings: {
      mqtt: {
        cleanSession: false,
        sessionExpiryInterval: SESSION_EXPIRY_SECONDS,
        keepAlive: KEEP_ALIVE_SECONDS,
        lastWill: { topic: CHANNELS.presence.pattern, qos: CHANNELS.presence.qos, message: '{"online":false,"ts":<millis>}', retain: CHANNELS.presence.retained },
        bindingVersion: BINDING_VERSION,
      },
    },
  };
}

/** MQTT 5 properties are described only where the interface uses them: the response topic and correlation data of commands. */
function messageBinding(channel: ChannelName): Record<string, unknown> | null {
  if (channel === 'command') {
    return {
      correlationData: { type: 'string', description: 'Chosen by the station; the device copies it into its acknowledgement.' },
      responseTopic: CHANNELS.commandAck.pattern,
    };
  }
  if (channel === 'commandAck') return { correlationData: { type: 'string', description: 'The correlation data of the command this answers.' } };
  return null;
}

function message(channel: ChannelName) {
  const name = pascal(channel);
  const mqtt = messageBinding(channel);
  return {
    name,
    title: name,
    summary: CHANNELS[channel].summary,
    contentType: 'application/json',
    payload: payloadSchema(channel),
    ...(mqtt ? { bindings: { mqtt: { ...mqtt, bindingVersion: BINDING_VERSION } } } : {}),
    examples: [{ name: `${channel}-example`, payload: EXAMPLES[channel] }],
  };
}

function operation(channel: ChannelName, action: 'send' | 'receive') {
  const { qos, retained, summary } = CHANNELS[channel];
  return {
    action,
    channel: { $ref: `#/channels/${channel}` },
    summary,
    messages: [{ $ref: `#/channels/${channel}/messages/${channel}` }],
    bindings: { mqtt: { qos, retain: retained, bindingVersion: BINDING_VERSION } },
    ...(channel === 'command'
      ? { reply: { channel: { $ref: '#/channels/commandAck' }, messages: [{ $ref: '#/channels/commandAck/messages/commandAck' }] } }
      : {}),
  };
}

/** The AsyncAPI 3.0.0 document of the site interface. Deterministic: the same code gives the same document, key for key. */
export function buildAsyncApi(): object {
  if (!/^v\d+$/.test(INTERFACE_VERSION)) throw new Error(`interface version ${INTERFACE_VERSION} is not v<major>`);
  const names = Object.keys(CHANNELS) as ChannelName[];

  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const name of names) {
    const { pattern, summary } = CHANNELS[name];
    channels[name] = {
      address: pattern,
      title: pascal(name),
      summary,
      parameters: Object.fromEntries(parametersOf(pattern).map((parameter) => [parameter, { $ref: `#/components/parameters/${parameter}` }])),
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    };
  }
  for (const name of names) {
    const from = CHANNELS[name].from;
    const actions: ('send' | 'receive')[] = from === 'site' ? ['receive'] : from === 'both' || STATION_READS.includes(name) ? ['send', 'receive'] : ['send'];
    for (const action of actions) operations[`${action}${pascal(name)}`] = operation(name, action);
  }

  const used = [...new Set(names.flatMap((name) => parametersOf(CHANNELS[name].pattern)))];
  const parameters = Object.fromEntries(
    used.map((parameter) => {
      const known = PARAMETERS[parameter];
      if (!known) throw new Error(`topic parameter {${parameter}} has no description in asyncapi.ts`);
      return [parameter, known];
    }),
  );

  return {
    asyncapi: '3.0.0',
    id: `urn:vigil:site-interface:${INTERFACE_VERSION}`,
    info: {
      title: 'Vigil site interface',
      version: `${INTERFACE_VERSION.slice(1)}.0.0`,
      description: description(),
      'x-event-types': Object.entries(EVENT_TYPES).map(([name, type]) => ({ code: type.code, name, severity: type.severity })),
      'x-severities': [...SEVERITIES],
      'x-alarm-states': [...ALARM_STATES],
      'x-data-classes': Object.fromEntries(DATA_CLASSES.map((dataClass) => [dataClass, DATA_CLASS_MEANING[dataClass]])),
      'x-device-types': { ...DEVICE_TYPES },
    },
    defaultContentType: 'application/json',
    servers: {
      'site-broker': server('mqtt', 1883, 'The site broker, plain MQTT: only on an isolated site network.', ['userPassword']),
      'site-broker-tls': server('mqtts', 8883, 'The site broker over TLS; stations pin the site CA and may present a client certificate.', ['clientCertificate', 'userPassword']),
    },
    channels,
    operations,
    components: {
      parameters,
      messages: Object.fromEntries(names.map((name) => [name, message(name)])),
      securitySchemes: {
        userPassword: { type: 'userPassword', description: 'MQTT user name and password, one account per station or gateway.' },
        clientCertificate: { type: 'X509', description: 'TLS client certificate signed by the site CA.' },
      },
    },
  };
}
