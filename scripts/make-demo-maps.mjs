// Draws the demo park's maps in assets/maps/ (committed; run again only to
// change them): `npx tsx scripts/make-demo-maps.mjs`. tsx, because the park
// itself comes from main/demo/park.ts: building names, floors and where each
// building stands are read from the demo devices, never copied here.
//
// park.svg: the park plan; every building is an element whose `name` is the
// building's name, so ECharts' registerMap makes it a clickable region.
// <building>.svg: the building seen from the side, one named band per floor.
// <building>-<floor>.svg: each floor plan, rooms and corridors as named regions.
// maps.json: what the renderer needs to pick a map and place devices on it.
// Output is byte-for-byte the same on every run (no randomness, no dates).
import fs from 'node:fs';
import path from 'node:path';
import { demoDevices } from '../main/demo/park.ts';

const OUT = 'assets/maps';
const PARK = { width: 1200, height: 800 };
const FLOOR = { width: 1000, height: 600 };

// ---- the park, from its devices ----

/** Buildings in the order the demo declares them, with floors and the building's place on the park plan (its gateway's x/y). */
function parkFromDevices() {
  const buildings = new Map();
  for (const device of demoDevices()) {
    const { building, floor, area, x, y } = device.info;
    let entry = buildings.get(building);
    if (!entry) buildings.set(building, (entry = { name: building, area, floors: [], devices: [] }));
    if (!entry.floors.includes(floor)) entry.floors.push(floor);
    if (device.kind === 'gateway') Object.assign(entry, { x, y });
    entry.devices.push({ kind: device.kind, floor, x, y });
  }
  return [...buildings.values()];
}

/** B2 below B1 below 1F …, as the registry orders floors. */
const level = (floor) => (/^B(\d+)$/i.exec(floor) ? -Number(floor.slice(1)) : Number(/^(\d+)F$/i.exec(floor)?.[1] ?? 999));

// ---- SVG helpers: integers only, so the files diff cleanly ----

const r = (value) => Math.round(value);
const attrs = (object) =>
  Object.entries(object)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}="${typeof value === 'number' ? r(value) : value}"`)
    .join(' ');
const rect = (x, y, width, height, style = {}) => `<rect ${attrs({ x, y, width, height, ...style })}/>`;
const svg = ({ width, height }, body) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">\n${body.join('\n')}\n</svg>\n`;

/** A named region and its kind, for the manifest (the renderer styles regions by kind). */
function regionList() {
  const list = [];
  return {
    list,
    add(name, kind) {
      if (!list.some((region) => region.name === name)) list.push({ name, kind });
      return name;
    },
  };
}

// ---- the park plan ----

/** Footprints on the park plan, centred on the building's x/y; the perimeter is the park itself. */
const FOOTPRINTS = { 'A栋 研发楼': [130, 80], 'B栋 办公楼': [150, 80], 'C栋 人才公寓': [120, 110], 'D栋 食堂': [160, 90] };
const FENCE = { cx: 600, cy: 400, rx: 520, ry: 352 };

function parkPlan(buildings) {
  const regions = regionList();
  const { width, height } = PARK;
  const body = [
    rect(0, 0, width, height, { fill: '#0a1016' }),
    // Inside the fence: ground, lawns, a pond.
    `<ellipse ${attrs({ ...FENCE, fill: '#0d151d' })}/>`,
    `<ellipse ${attrs({ cx: 500, cy: 490, rx: 80, ry: 44, fill: '#0f1d18' })}/>`,
    `<ellipse ${attrs({ cx: 505, cy: 492, rx: 42, ry: 20, fill: '#0c1f2e' })}/>`,
    rect(180, 300, 120, 70, { fill: '#0f1d18', rx: 6 }),
    rect(880, 300, 110, 90, { fill: '#0f1d18', rx: 6 }),
    // Roads: a ring inside the fence and a cross to the gates.
    `<ellipse ${attrs({ ...FENCE, rx: FENCE.rx - 62, ry: FENCE.ry - 52, fill: 'none', stroke: '#18222d', 'stroke-width': 14 })}/>`,
    `<path d="M600 ${FENCE.cy + FENCE.ry} L600 60 M${FENCE.cx + FENCE.rx} 400 L100 400" fill="none" stroke="#18222d" stroke-width="18"/>`,
    `<path d="M600 ${FENCE.cy + FENCE.ry} L600 60 M${FENCE.cx + FENCE.rx} 400 L100 400" fill="none" stroke="#26313d" stroke-width="1" stroke-dasharray="10 10"/>`,
  ];
  // Named outdoor places officers talk about (the perimeter cameras' presets use them).
  body.push(rect(910, 470, 130, 80, { name: regions.add('停车场', 'area'), fill: '#111a24', rx: 4 }));
  for (let x = 920; x < 1030; x += 18) body.push(rect(x, 478, 12, 26, { fill: 'none', stroke: '#223041', 'stroke-width': 1 }));
  body.push(rect(575, FENCE.cy + FENCE.ry - 18, 50, 30, { name: regions.add('南大门', 'area'), fill: '#16212c' }));
  body.push(rect(FENCE.cx + FENCE.rx - 18, 375, 30, 50, { name: regions.add('东大门', 'area'), fill: '#16212c' }));
  for (const building of buildings) {
    const size = FOOTPRINTS[building.name];
    if (!size) continue;
    const [w, h] = size;
    const x = building.x * width - w / 2;
    const y = building.y * height - h / 2;
    body.push(rect(x + 5, y + 5, w, h, { fill: '#05080c' }));
    body.push(rect(x, y, w, h, { name: regions.add(building.name, 'building'), fill: '#17222f', stroke: '#3a506a', 'stroke-width': 2 }));
  }
  // The fence last, so it draws over the roads at the gates.
  body.push(`<ellipse ${attrs({ ...FENCE, fill: 'none', stroke: '#4b6076', 'stroke-width': 3, 'stroke-dasharray': '14 6' })}/>`);
  return { file: 'park.svg', ...PARK, regions: regions.list, text: svg(PARK, body) };
}

// ---- floor plans ----

/** Room names per kind of building; `{f}` is the floor number, `{n}` a running number. */
const STYLES = {
  'A栋 研发楼': {
    top: [['实验室 {f}01', 170], ['实验室 {f}02', 150], ['会议室 {f}03', 150], ['开放办公区 {f}04', 190], ['实验室 {f}05', 150], ['机房 {f}06', 130]],
    bottom: [['办公室 {f}11', 150], ['楼梯间', 130, 'core'], ['开放办公区 {f}12', 200], ['电梯厅', 140, 'core'], ['茶水间', 170], ['卫生间', 150]],
    basement: {
      top: [['车库 A 区', 200], ['弱电间', 120], ['车库 B 区', 620]],
      bottom: [['配电房', 150], ['楼梯间', 130, 'core'], ['水泵房', 200], ['电梯厅', 140, 'core'], ['设备房', 170], ['储藏室', 150]],
    },
  },
  'B栋 办公楼': {
    top: [['办公室 {f}01', 160], ['办公室 {f}02', 160], ['会议室 {f}03', 200], ['办公室 {f}04', 140], ['办公室 {f}05', 140], ['档案室', 140]],
    bottom: [['办公室 {f}11', 170], ['楼梯间', 120, 'core'], ['开放办公区 {f}12', 220], ['电梯厅', 140, 'core'], ['茶水间', 140], ['卫生间', 150]],
    ground: {
      top: [['安保室', 160], ['前台', 160], ['大堂', 220], ['弱电间', 100], ['访客接待室', 150], ['收发室', 150]],
      bottom: [['值班室', 170], ['楼梯间', 120, 'core'], ['展厅', 220], ['电梯厅', 140, 'core'], ['茶水间', 140], ['卫生间', 150]],
    },
  },
  'C栋 人才公寓': {
    top: [['公寓 {f}01', 160], ['公寓 {f}02', 160], ['公寓 {f}03', 150], ['公寓 {f}04', 160], ['公寓 {f}05', 160], ['公寓 {f}06', 150]],
    bottom: [['公寓 {f}11', 160], ['楼梯间', 130, 'core'], ['公寓 {f}12', 160], ['电梯厅', 140, 'core'], ['公寓 {f}13', 180], ['公寓 {f}14', 170]],
    ground: {
      top: [['门厅', 240], ['物业服务中心', 160], ['快递室', 150], ['洗衣房', 200], ['活动室', 190]],
      bottom: [['管理室', 160], ['弱电间', 120], ['楼梯间', 130, 'core'], ['自行车库', 150], ['电梯厅', 140, 'core'], ['健身房', 120], ['卫生间', 120]],
    },
  },
  'D栋 食堂': {
    top: [['包间 {f}01', 160], ['包间 {f}02', 160], ['餐厅', 460], ['备餐间', 160]],
    bottom: [['包间 {f}11', 170], ['楼梯间', 130, 'core'], ['多功能厅', 330], ['电梯厅', 140, 'core'], ['卫生间', 170]],
    ground: {
      top: [['厨房', 320], ['备餐间', 140], ['餐厅', 480]],
      bottom: [['仓库', 170], ['楼梯间', 130, 'core'], ['洗消间', 180], ['电梯厅', 120, 'core'], ['弱电间', 100], ['冷库', 120], ['卫生间', 120]],
    },
  },
};

const WALL = { left: 30, top: 30, right: 970, bottom: 570, corridorTop: 270, corridorBottom: 330 };

function roomsFor(style, floor, isFirst) {
  const rows = level(floor) < 0 && style.basement ? style.basement : isFirst && style.ground ? style.ground : style;
  const number = level(floor) < 0 ? `B${-level(floor)}` : String(level(floor));
  const name = (template) => template.replaceAll('{f}', number);
  return { top: rows.top.map(([room, width, kind]) => [name(room), width, kind ?? 'room']), bottom: rows.bottom.map(([room, width, kind]) => [name(room), width, kind ?? 'room']) };
}

/** The floor's equipment room holds the building's gateway, recorder and meters: the room around the building's x/y on its first floor. */
function floorPlan(building, floor, index) {
  const style = STYLES[building.name];
  const regions = regionList();
  const rows = roomsFor(style, floor, index === 0);
  const anchor = index === 0 ? [building.x * FLOOR.width, building.y * FLOOR.height] : null;
  const body = [rect(0, 0, FLOOR.width, FLOOR.height, { fill: '#0a1016' }), rect(WALL.left, WALL.top, WALL.right - WALL.left, WALL.bottom - WALL.top, { fill: '#0e151d' })];
  const overlays = [];
  const row = (rooms, top, bottom) => {
    let x = WALL.left;
    for (const [room, width, kind] of rooms) {
      const holdsAnchor = anchor && anchor[0] >= x && anchor[0] < x + width && anchor[1] >= top && anchor[1] < bottom;
      const name = holdsAnchor ? '弱电间' : room;
      const regionKind = name === '弱电间' ? 'equipment' : kind;
      body.push(rect(x, top, width, bottom - top, { name: regions.add(name, regionKind), fill: '#131d29', stroke: '#2f4054', 'stroke-width': 1 }));
      if (kind === 'core') overlays.push(...coreSymbol(room, x, top, width, bottom - top));
      // A door onto the corridor.
      const doorY = top === WALL.top ? bottom - 3 : top - 3;
      overlays.push(rect(x + width / 2 - 14, doorY, 28, 6, { fill: '#0f1720' }));
      x += width;
    }
  };
  row(rows.top, WALL.top, WALL.corridorTop);
  row(rows.bottom, WALL.corridorBottom, WALL.bottom);
  body.push(rect(WALL.left, WALL.corridorTop, WALL.right - WALL.left, WALL.corridorBottom - WALL.corridorTop, { name: regions.add('走廊', 'corridor'), fill: '#0f1720', stroke: '#2f4054', 'stroke-width': 1 }));
  body.push(...overlays);
  body.push(rect(WALL.left, WALL.top, WALL.right - WALL.left, WALL.bottom - WALL.top, { fill: 'none', stroke: '#4a607a', 'stroke-width': 6 }));
  // Windows along the long walls; the entrance on the ground floor.
  for (let x = 70; x < 950; x += 80) {
    body.push(`<path d="M${x} ${WALL.top} h36 M${x} ${WALL.bottom} h36" stroke="#2c5170" stroke-width="4"/>`);
  }
  if (index === 0 && level(floor) >= 0) body.push(rect(WALL.left - 4, WALL.corridorTop + 8, 8, WALL.corridorBottom - WALL.corridorTop - 16, { fill: '#0f1720' }));
  return { name: floor, file: `${slug(building.name)}-${floor.toLowerCase()}.svg`, ...FLOOR, regions: regions.list, text: svg(FLOOR, body) };
}

/** Stairs as treads, a lift as a crossed box: unnamed, drawn over the core's region, below the middle where its name goes. */
function coreSymbol(room, x, y, width, height) {
  const shapes = [];
  if (room === '楼梯间') {
    for (let step = y + height * 0.6; step < y + height - 14; step += 12) shapes.push(`<path d="M${r(x + 20)} ${r(step)} h${r(width - 40)}" stroke="#25364a" stroke-width="2"/>`);
  } else {
    const size = Math.min(width, height) * 0.32;
    const left = x + width / 2 - size / 2;
    const top = y + height * 0.62;
    shapes.push(rect(left, top, size, size, { fill: 'none', stroke: '#25364a', 'stroke-width': 2 }));
    shapes.push(`<path d="M${r(left)} ${r(top)} l${r(size)} ${r(size)} M${r(left + size)} ${r(top)} l${-r(size)} ${r(size)}" stroke="#25364a" stroke-width="2"/>`);
  }
  return shapes;
}

// ---- elevations: the building from the side, one band per floor ----

const BAND = { left: 220, right: 780, height: 56 };

function elevation(building) {
  const floors = [...building.floors].sort((a, b) => level(b) - level(a));
  const above = floors.filter((floor) => level(floor) >= 0).length;
  const below = floors.length - above;
  const ground = 60 + above * BAND.height;
  const size = { width: FLOOR.width, height: ground + below * BAND.height + 50 };
  const regions = regionList();
  const body = [
    rect(0, 0, size.width, size.height, { fill: '#0a1016' }),
    rect(0, ground, size.width, size.height - ground, { fill: '#0c1218' }),
    `<path d="M40 ${ground} H${size.width - 40}" stroke="#3b4a5a" stroke-width="3"/>`,
    // Roof and parapet.
    rect(BAND.left - 12, 40, BAND.right - BAND.left + 24, 20, { fill: '#1b2633' }),
  ];
  const bands = {};
  floors.forEach((floor, index) => {
    const top = 60 + index * BAND.height;
    bands[floor] = [BAND.left, top, BAND.right, top + BAND.height];
    body.push(rect(BAND.left, top, BAND.right - BAND.left, BAND.height, { name: regions.add(floor, 'floor'), fill: '#142030', stroke: '#30455c', 'stroke-width': 2 }));
  });
  body.push(rect(BAND.left, 60, BAND.right - BAND.left, ground + below * BAND.height - 60, { fill: 'none', stroke: '#4a607a', 'stroke-width': 4 }));
  return { file: `${slug(building.name)}.svg`, ...size, regions: regions.list, bands, text: svg(size, body) };
}

// ---- a plain grid for floors the park has no plan of ----

function genericFloor() {
  const body = [rect(0, 0, FLOOR.width, FLOOR.height, { fill: '#0a1016' }), rect(WALL.left, WALL.top, WALL.right - WALL.left, WALL.bottom - WALL.top, { fill: '#0e151d', stroke: '#2f4054', 'stroke-width': 2 })];
  for (let x = 130; x < 970; x += 100) body.push(`<path d="M${x} ${WALL.top} V${WALL.bottom}" stroke="#152130" stroke-width="1"/>`);
  for (let y = 130; y < 570; y += 100) body.push(`<path d="M${WALL.left} ${y} H${WALL.right}" stroke="#152130" stroke-width="1"/>`);
  return { file: 'generic-floor.svg', ...FLOOR, regions: [], text: svg(FLOOR, body) };
}

/** ASCII file names: the building's letter, or its position in the list. */
function slug(name) {
  const letter = /^([A-Z])栋/.exec(name)?.[1];
  return letter ? `building-${letter.toLowerCase()}` : `building-${encodeURIComponent(name).replace(/%/g, '').toLowerCase()}`;
}

// ---- checks: every demo device sits inside its plan and on a named region ----

function regionAt(text, x, y) {
  for (const match of text.matchAll(/<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)" name="([^"]+)"/g)) {
    const [left, top, width, height] = match.slice(1, 5).map(Number);
    if (x >= left && x <= left + width && y >= top && y <= top + height) return match[5];
  }
  return null;
}

// ---- write ----

const buildings = parkFromDevices();
const outdoor = buildings.filter((building) => !STYLES[building.name]);
const indoor = buildings.filter((building) => STYLES[building.name]);
const park = parkPlan(indoor);
const generic = genericFloor();
const files = [park, generic];
const manifest = {
  park: { file: park.file, width: park.width, height: park.height, outdoor: outdoor.map((building) => building.name), regions: park.regions },
  buildings: indoor.map((building) => {
    const side = elevation(building);
    const floors = [...building.floors].sort((a, b) => level(a) - level(b)).map((floor, index) => floorPlan(building, floor, index));
    files.push(side, ...floors);
    for (const device of building.devices) {
      const plan = floors.find((floor) => floor.name === device.floor);
      const region = regionAt(plan.text, device.x * FLOOR.width, device.y * FLOOR.height);
      if (!region) throw new Error(`${building.name} ${device.floor}: a ${device.kind} at ${device.x.toFixed(2)}, ${device.y.toFixed(2)} is on no named region`);
    }
    return {
      name: building.name,
      x: building.x,
      y: building.y,
      elevation: { file: side.file, width: side.width, height: side.height, regions: side.regions },
      floors: floors.map((floor) => ({ name: floor.name, file: floor.file, width: floor.width, height: floor.height, band: side.bands[floor.name], regions: floor.regions })),
    };
  }),
  fallback: { file: generic.file, width: generic.width, height: generic.height, regions: [] },
};

fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
for (const file of files) fs.writeFileSync(path.join(OUT, file.file), file.text);
// One region or band per line: readable diffs without a thousand-line file.
const json = JSON.stringify(manifest, null, 1)
  .replace(/\{\s+("name": "[^"]+"),\s+("kind": "[^"]+")\s+\}/g, '{ $1, $2 }')
  .replace(/\[\s+(\d+),\s+(\d+),\s+(\d+),\s+(\d+)\s+\]/g, '[$1, $2, $3, $4]');
fs.writeFileSync(path.join(OUT, 'maps.json'), json + '\n');
const bytes = files.reduce((sum, file) => sum + file.text.length, 0);
console.log(`${OUT}: ${files.length} maps, ${Math.round(bytes / 1024)} KB, and maps.json`);
