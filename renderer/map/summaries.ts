import type { DeviceTreeNode } from '../core/contract';
import type { MapLabel } from './chart-options';
import type { Place } from './alarm-marks';
import { MANIFEST, buildingPlan, type MapManifest, type MapView } from './plans';

export type Summary = { online: number; total: number; alarms: number };

/** Counts of a building, or of one of its floors, from the device tree (a building may be listed under more than one area). */
function treeCounts(tree: DeviceTreeNode | undefined, building: string, floor?: string): { online: number; total: number } {
  const counts = { online: 0, total: 0 };
  for (const area of tree?.children ?? []) {
    for (const node of area.children) {
      if (node.name !== building) continue;
      const counted = floor === undefined ? node : node.children.find((child) => child.name === floor);
      counts.online += counted?.online ?? 0;
      counts.total += counted?.total ?? 0;
    }
  }
  return counts;
}

/** Rich-text markers in a name from the site would garble ECharts' label formatting. */
const plain = (text: string) => text.replace(/[{}|]/g, '');

/**
 * The live labels of a view and the regions to tint: on the park plan each
 * building's devices online and alarms, on a side view each floor's. A floor
 * plan names its rooms itself and needs neither.
 */
export function viewSummaries(
  view: MapView,
  tree: DeviceTreeNode | undefined,
  alarmPlaces: ReadonlyMap<string, Place>,
  describe: (summary: Summary) => string,
  manifest: MapManifest = MANIFEST,
): { labels: MapLabel[]; alarmedRegions: Set<string> } {
  const labels: MapLabel[] = [];
  const alarmedRegions = new Set<string>();
  const alarmsIn = (building: string, floor?: string) => {
    let count = 0;
    for (const place of alarmPlaces.values()) if (place.building === building && (floor === undefined || place.floor === floor)) count++;
    return count;
  };
  if (view.level === 'park') {
    for (const building of manifest.buildings) {
      const alarms = alarmsIn(building.name);
      if (alarms) alarmedRegions.add(building.name);
      const point: [number, number] = [building.x * manifest.park.width, building.y * manifest.park.height];
      labels.push({ point, side: 'bottom', alarm: alarms > 0, text: describe({ ...treeCounts(tree, building.name), alarms }) });
    }
  } else if (view.level === 'building') {
    for (const floor of buildingPlan(view.building, manifest)?.floors ?? []) {
      const [left, top, right, bottom] = floor.band;
      const middle = (top + bottom) / 2;
      const alarms = alarmsIn(view.building, floor.name);
      if (alarms) alarmedRegions.add(floor.name);
      labels.push({ point: [left - 8, middle], side: 'left', alarm: false, text: `{floor|${plain(floor.name)}}` });
      labels.push({ point: [right + 8, middle], side: 'right', alarm: alarms > 0, text: describe({ ...treeCounts(tree, view.building, floor.name), alarms }) });
    }
  }
  return { labels, alarmedRegions };
}
