import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MANIFEST, drillInto, parentOf, planOf, viewFromQuery, viewToQuery, type MapView } from './plans';

const MAPS = path.join(import.meta.dirname, '../../assets/maps');

const Region = z.strictObject({ name: z.string().min(1), kind: z.enum(['building', 'area', 'room', 'corridor', 'core', 'equipment', 'floor']) });
const Plan = { file: z.string().regex(/^[a-z0-9-]+\.svg$/), width: z.number().positive(), height: z.number().positive(), regions: z.array(Region) };
const Manifest = z.strictObject({
  park: z.strictObject({ ...Plan, outdoor: z.array(z.string()) }),
  buildings: z.array(
    z.strictObject({
      name: z.string(),
      x: z.number().min(0).max(1),
      y: z.number().min(0).max(1),
      elevation: z.strictObject(Plan),
      floors: z.array(z.strictObject({ ...Plan, name: z.string(), band: z.tuple([z.number(), z.number(), z.number(), z.number()]) })).min(1),
    }),
  ),
  fallback: z.strictObject(Plan),
});

const plans = () => [MANIFEST.park, MANIFEST.fallback, ...MANIFEST.buildings.flatMap((building) => [building.elevation, ...building.floors])];

describe('the demo park’s maps', () => {
  it('are described by a manifest of the shape the renderer reads', () => {
    expect(() => Manifest.parse(MANIFEST)).not.toThrow();
  });

  it('name every region the manifest lists, with a viewBox of the size it says', () => {
    for (const plan of plans()) {
      const svg = fs.readFileSync(path.join(MAPS, plan.file), 'utf8');
      expect(svg, plan.file).toContain(`viewBox="0 0 ${plan.width} ${plan.height}"`);
      for (const region of plan.regions) expect(svg, `${plan.file}: ${region.name}`).toContain(`name="${region.name}"`);
    }
  });

  it('have every building of the park plan clickable, and a plan for each of its floors', () => {
    const onPark = MANIFEST.park.regions.filter((region) => region.kind === 'building').map((region) => region.name);
    expect(onPark).toEqual(MANIFEST.buildings.map((building) => building.name));
    expect(MANIFEST.buildings.map((building) => [building.name, building.floors.map((floor) => floor.name)])).toEqual([
      ['A栋 研发楼', ['B1', '1F', '2F', '3F', '4F', '5F']],
      ['B栋 办公楼', ['1F', '2F', '3F', '4F']],
      ['C栋 人才公寓', ['1F', '2F', '3F', '4F', '5F', '6F']],
      ['D栋 食堂', ['1F', '2F']],
    ]);
    expect(MANIFEST.park.outdoor).toEqual(['周界']);
  });

  it('stack the floors on each side view, lowest at the bottom, each band a named region inside the view', () => {
    for (const building of MANIFEST.buildings) {
      const tops = building.floors.map((floor) => floor.band[1]);
      expect(tops, building.name).toEqual([...tops].sort((a, b) => b - a));
      for (const floor of building.floors) {
        const [left, top, right, bottom] = floor.band;
        expect(left >= 0 && right <= building.elevation.width && top >= 0 && bottom <= building.elevation.height, `${building.name} ${floor.name}`).toBe(true);
        expect(building.elevation.regions).toContainEqual({ name: floor.name, kind: 'floor' });
      }
    }
  });

  it('give each floor an equipment room only on the floor that holds the building’s gateway', () => {
    for (const building of MANIFEST.buildings) {
      const withRoom = building.floors.filter((floor) => floor.regions.some((region) => region.kind === 'equipment')).map((floor) => floor.name);
      expect(withRoom, building.name).toEqual([building.floors[0]!.name]);
    }
  });
});

describe('moving between views', () => {
  const floor: MapView = { level: 'floor', building: 'A栋 研发楼', floor: '3F' };

  it('drills from a building on the park into its side view, and from a band into its floor', () => {
    expect(drillInto({ level: 'park' }, 'A栋 研发楼')).toEqual({ level: 'building', building: 'A栋 研发楼' });
    expect(drillInto({ level: 'park' }, '停车场')).toBeNull();
    expect(drillInto({ level: 'building', building: 'A栋 研发楼' }, '3F')).toEqual(floor);
    expect(drillInto({ level: 'building', building: 'A栋 研发楼' }, '9F')).toBeNull();
    expect(drillInto(floor, '走廊')).toBeNull();
  });

  it('goes up floor → building → park, and straight to the park from a building without a side view', () => {
    expect(parentOf(floor)).toEqual({ level: 'building', building: 'A栋 研发楼' });
    expect(parentOf({ level: 'building', building: 'A栋 研发楼' })).toEqual({ level: 'park' });
    expect(parentOf({ level: 'park' })).toBeNull();
    expect(parentOf({ level: 'floor', building: '测试楼', floor: '1F' })).toEqual({ level: 'park' });
  });

  it('draws a floor without a plan on the plain grid, and says so', () => {
    expect(planOf(floor)).toMatchObject({ drawn: true, plan: { file: 'building-a-3f.svg' } });
    expect(planOf({ level: 'floor', building: '测试楼', floor: '1F' })).toEqual({ drawn: false, plan: MANIFEST.fallback });
  });

  it('keeps the view in the address and reads it back', () => {
    for (const view of [{ level: 'park' } as const, { level: 'building', building: 'C栋 人才公寓' } as const, floor]) {
      expect(viewFromQuery(viewToQuery(view))).toEqual(view);
    }
    expect(viewToQuery({ level: 'park' })).toBe('');
    expect(viewFromQuery('f=3F')).toEqual({ level: 'park' });
  });
});
