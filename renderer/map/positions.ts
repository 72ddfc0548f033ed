import { MANIFEST, buildingPlan, isOutdoor, placeable, planOf, type MapManifest, type MapView } from './plans';

/** A point in a map's own units (its SVG viewBox): what ECharts' geo coordinates are for an SVG map. */
export type Point = [number, number];
export type Placed = { building: string; floor: string; x: number | null; y: number | null };

/** Markers on a side view keep clear of the band's edges, so a floor's devices never seem to sit on the next. */
const BAND_PAD = 8;

/**
 * Where a device is drawn on a view, or null when the view does not show it.
 * A device's x/y are fractions (0–1) of the map it belongs to: its floor's
 * plan, or the park plan for outdoor devices. A building's side view squeezes
 * each floor's plan into that floor's band.
 */
export function projector(view: MapView, manifest: MapManifest = MANIFEST): (device: Placed) => Point | null {
  const { plan } = planOf(view, manifest);
  switch (view.level) {
    case 'park':
      return (device) => (device.x === null || device.y === null || !isOutdoor(device.building, manifest) ? null : [device.x * plan.width, device.y * plan.height]);
    case 'floor':
      return (device) =>
        device.x === null || device.y === null || device.building !== view.building || device.floor !== view.floor ? null : [device.x * plan.width, device.y * plan.height];
    case 'building': {
      const bands = new Map((buildingPlan(view.building, manifest)?.floors ?? []).map((floor) => [floor.name, floor.band]));
      return (device) => {
        const band = device.building === view.building ? bands.get(device.floor) : undefined;
        if (!band || device.x === null || device.y === null) return null;
        const [left, top, right, bottom] = band;
        return [left + device.x * (right - left), top + BAND_PAD + device.y * (bottom - top - 2 * BAND_PAD)];
      };
    }
    default: {
      const unexpected: never = view;
      return unexpected;
    }
  }
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));
/** Four decimals: a tenth of a millimetre on a 100 m floor is more than any officer can drag. */
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * From a point on the view's map back to the fractions a device is stored
 * with; null where positions cannot be set (a side view squeezes floors, so a
 * drop there would not say where on the floor the device is).
 */
export function unprojector(view: MapView, manifest: MapManifest = MANIFEST): ((point: Point) => { x: number; y: number }) | null {
  if (!placeable(view)) return null;
  const { plan } = planOf(view, manifest);
  return ([x, y]) => ({ x: round(clamp(x / plan.width)), y: round(clamp(y / plan.height)) });
}

/**
 * Devices at the same spot (a building's gateway, recorder and meters share
 * one in the demo) are fanned out on a small circle so each stays clickable;
 * everything else keeps its place. Order within a spot follows the input.
 */
export function fanOut(points: readonly Point[], radius: number): Point[] {
  // A number per whole map unit: keys for 10 000 markers cost nothing to build, unlike strings.
  const spots = new Map<number, number[]>();
  points.forEach(([x, y], index) => {
    const key = Math.round(x) * 1_000_003 + Math.round(y);
    const list = spots.get(key);
    if (list) list.push(index);
    else spots.set(key, [index]);
  });
  const result = points.map(([x, y]): Point => [x, y]);
  for (const indexes of spots.values()) {
    if (indexes.length < 2) continue;
    // A crowded spot gets a wider circle, so neighbours never overlap.
    const ring = radius * Math.max(1, indexes.length / 6);
    indexes.forEach((index, position) => {
      const angle = -Math.PI / 2 + (position / indexes.length) * Math.PI * 2;
      const [x, y] = points[index]!;
      result[index] = [x + ring * Math.cos(angle), y + ring * Math.sin(angle)];
    });
  }
  return result;
}
