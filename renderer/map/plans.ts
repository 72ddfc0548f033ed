import manifestJson from '../../assets/maps/maps.json';

/** What kind of place a named region of a map is; regions are styled and made clickable by kind. */
export type RegionKind = 'building' | 'area' | 'room' | 'corridor' | 'core' | 'equipment' | 'floor';
export type Region = { name: string; kind: RegionKind };
/** One SVG map in assets/maps; its viewBox is 0 0 width height. */
export type Plan = { file: string; width: number; height: number; regions: Region[] };
/** A floor plan, and where that floor's band lies on the building's side view. */
export type FloorPlan = Plan & { name: string; band: [number, number, number, number] };
export type BuildingPlan = { name: string; x: number; y: number; elevation: Plan; floors: FloorPlan[] };
export type MapManifest = {
  /** Devices of the `outdoor` buildings sit on the park plan itself. */
  park: Plan & { outdoor: string[] };
  buildings: BuildingPlan[];
  /** A plain grid for a floor the park has no plan of. */
  fallback: Plan;
};

/** Written by scripts/make-demo-maps.mjs beside the SVGs; plans.test.ts holds it to this shape. */
export const MANIFEST = manifestJson as unknown as MapManifest;

/** Park → building (its side view) → floor: where the officer is on the map. */
export type MapView = { level: 'park' } | { level: 'building'; building: string } | { level: 'floor'; building: string; floor: string };

export const PARK_VIEW: MapView = { level: 'park' };

export function buildingPlan(name: string, manifest: MapManifest = MANIFEST): BuildingPlan | undefined {
  return manifest.buildings.find((building) => building.name === name);
}

export function isOutdoor(building: string, manifest: MapManifest = MANIFEST): boolean {
  return manifest.park.outdoor.includes(building);
}

/** The map a view draws; `drawn` is false when the site has no plan for it and the grid stands in. */
export function planOf(view: MapView, manifest: MapManifest = MANIFEST): { plan: Plan; drawn: boolean } {
  switch (view.level) {
    case 'park':
      return { plan: manifest.park, drawn: true };
    case 'building': {
      const building = buildingPlan(view.building, manifest);
      return building ? { plan: building.elevation, drawn: true } : { plan: manifest.fallback, drawn: false };
    }
    case 'floor': {
      const floor = buildingPlan(view.building, manifest)?.floors.find((candidate) => candidate.name === view.floor);
      return floor ? { plan: floor, drawn: true } : { plan: manifest.fallback, drawn: false };
    }
    default: {
      const unexpected: never = view;
      return unexpected;
    }
  }
}

/** One level up: a floor goes to its building's side view when there is one, else to the park. */
export function parentOf(view: MapView, manifest: MapManifest = MANIFEST): MapView | null {
  switch (view.level) {
    case 'park':
      return null;
    case 'building':
      return PARK_VIEW;
    case 'floor':
      return buildingPlan(view.building, manifest) ? { level: 'building', building: view.building } : PARK_VIEW;
    default: {
      const unexpected: never = view;
      return unexpected;
    }
  }
}

/** Where clicking a named region leads, if anywhere: a building on the park plan, a floor on a side view. */
export function drillInto(view: MapView, region: string, manifest: MapManifest = MANIFEST): MapView | null {
  if (view.level === 'park' && buildingPlan(region, manifest)) return { level: 'building', building: region };
  if (view.level === 'building' && buildingPlan(view.building, manifest)?.floors.some((floor) => floor.name === region)) {
    return { level: 'floor', building: view.building, floor: region };
  }
  return null;
}

/** Whether markers can be dragged into place on a view: not on a side view, which squeezes whole floors into bands. */
export function placeable(view: MapView): boolean {
  return view.level !== 'building';
}

/** A stable string per view: the key of its query, its address and its ECharts map. */
export function viewKey(view: MapView): string {
  switch (view.level) {
    case 'park':
      return 'park';
    case 'building':
      return `building:${view.building}`;
    case 'floor':
      return `floor:${view.building}:${view.floor}`;
    default: {
      const unexpected: never = view;
      return unexpected;
    }
  }
}

/** The view an address names (`#/map?b=…&f=…`), the park when it names none. */
export function viewFromQuery(query: string): MapView {
  const params = new URLSearchParams(query);
  const building = params.get('b');
  const floor = params.get('f');
  if (building && floor) return { level: 'floor', building, floor };
  if (building) return { level: 'building', building };
  return PARK_VIEW;
}

export function viewToQuery(view: MapView): string {
  const params = new URLSearchParams();
  if (view.level !== 'park') params.set('b', view.building);
  if (view.level === 'floor') params.set('f', view.floor);
  return params.toString();
}
