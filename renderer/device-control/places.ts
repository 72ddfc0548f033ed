/** Where a device is, as the registry records it. */
export type Placed = { code: string; name: string; area: string; building: string; floor: string };

export type BuildingGroup<T extends Placed> = { key: string; area: string; building: string; items: T[] };
export type AreaGroup<T extends Placed> = { area: string; buildings: BuildingGroup<T>[]; count: number };

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** A floor's height for sorting: basements below ground (B2 under B1), then storeys; NaN for names like 室外. */
function floorLevel(floor: string): number {
  const basement = /^B(\d+)$/i.exec(floor.trim());
  if (basement) return -Number(basement[1]);
  const storey = /^(\d+)\s*(F|层|楼)?$/i.exec(floor.trim());
  return storey ? Number(storey[1]) : Number.NaN;
}

/** Floors bottom up, as a building is walked; named places (室外, 屋顶) after the storeys. */
export function compareFloors(a: string, b: string): number {
  const levelA = floorLevel(a);
  const levelB = floorLevel(b);
  const knownA = !Number.isNaN(levelA);
  const knownB = !Number.isNaN(levelB);
  if (knownA && knownB) return levelA - levelB;
  if (knownA !== knownB) return knownA ? -1 : 1;
  return collator.compare(a, b);
}

export function comparePlaces(a: Placed, b: Placed): number {
  return collator.compare(a.area, b.area) || collator.compare(a.building, b.building) || compareFloors(a.floor, b.floor) || collator.compare(a.name, b.name) || a.code.localeCompare(b.code);
}

/** Devices by area, then building, each building's devices bottom floor first. */
export function groupByPlace<T extends Placed>(items: readonly T[]): AreaGroup<T>[] {
  const areas: AreaGroup<T>[] = [];
  for (const item of [...items].sort(comparePlaces)) {
    let area = areas.at(-1);
    if (!area || area.area !== item.area) {
      area = { area: item.area, buildings: [], count: 0 };
      areas.push(area);
    }
    let building = area.buildings.at(-1);
    if (!building || building.building !== item.building) {
      building = { key: `${item.area}/${item.building}`, area: item.area, building: item.building, items: [] };
      area.buildings.push(building);
    }
    building.items.push(item);
    area.count++;
  }
  return areas;
}

/** Whether a device matches what the officer typed: its name, code or place, ignoring case. */
export function matchesSearch(item: Placed, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return [item.name, item.code, item.building, item.floor, item.area].some((field) => field.toLowerCase().includes(needle));
}
