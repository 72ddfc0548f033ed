import { describe, expect, it } from 'vitest';
import type { MapManifest } from './plans';
import { fanOut, projector, unprojector, type Point } from './positions';

const MANIFEST: MapManifest = {
  park: { file: 'park.svg', width: 1200, height: 800, outdoor: ['周界'], regions: [] },
  buildings: [
    {
      name: 'A栋',
      x: 0.25,
      y: 0.25,
      elevation: { file: 'a.svg', width: 1000, height: 300, regions: [] },
      floors: [
        { name: '1F', file: 'a-1f.svg', width: 1000, height: 600, band: [200, 100, 800, 156], regions: [] },
        { name: '2F', file: 'a-2f.svg', width: 1000, height: 600, band: [200, 44, 800, 100], regions: [] },
      ],
    },
  ],
  fallback: { file: 'grid.svg', width: 500, height: 400, regions: [] },
};

const device = (building: string, floor: string, x: number | null, y: number | null) => ({ building, floor, x, y });

describe('where devices are drawn', () => {
  it('puts outdoor devices on the park plan and nothing else', () => {
    const project = projector({ level: 'park' }, MANIFEST);
    expect(project(device('周界', '室外', 0.5, 0.25))).toEqual([600, 200]);
    expect(project(device('A栋', '1F', 0.5, 0.25))).toBeNull();
    expect(project(device('周界', '室外', null, 0.25))).toBeNull();
  });

  it('puts a floor’s devices on its plan, in the plan’s units', () => {
    const project = projector({ level: 'floor', building: 'A栋', floor: '2F' }, MANIFEST);
    expect(project(device('A栋', '2F', 0.1, 0.9))).toEqual([100, 540]);
    expect(project(device('A栋', '1F', 0.1, 0.9))).toBeNull();
    expect(project(device('B栋', '2F', 0.1, 0.9))).toBeNull();
  });

  it('uses the plain grid for a floor the park has no plan of', () => {
    const project = projector({ level: 'floor', building: 'X', floor: '9F' }, MANIFEST);
    expect(project(device('X', '9F', 0.5, 0.5))).toEqual([250, 200]);
  });

  it('squeezes each floor into its band on the side view, clear of the band’s edges', () => {
    const project = projector({ level: 'building', building: 'A栋' }, MANIFEST);
    const [left, top] = project(device('A栋', '1F', 0, 0))!;
    const [right, bottom] = project(device('A栋', '1F', 1, 1))!;
    expect([left, right]).toEqual([200, 800]);
    expect(top).toBeGreaterThan(100);
    expect(bottom).toBeLessThan(156);
    expect(project(device('A栋', '2F', 0.5, 0.5))![1]).toBeCloseTo(72);
    expect(project(device('A栋', 'B9', 0.5, 0.5))).toBeNull();
  });
});

describe('from the map back to a stored position', () => {
  it('round-trips a floor position', () => {
    const view = { level: 'floor', building: 'A栋', floor: '1F' } as const;
    const point = projector(view, MANIFEST)(device('A栋', '1F', 0.3125, 0.75))!;
    expect(unprojector(view, MANIFEST)!(point)).toEqual({ x: 0.3125, y: 0.75 });
  });

  it('keeps a drop past the plan’s edge on the plan', () => {
    expect(unprojector({ level: 'park' }, MANIFEST)!([-50, 900])).toEqual({ x: 0, y: 1 });
  });

  it('refuses placing on a side view, where floors are squeezed', () => {
    expect(unprojector({ level: 'building', building: 'A栋' }, MANIFEST)).toBeNull();
  });
});

describe('devices sharing a spot', () => {
  it('leaves devices with their own spot where they are', () => {
    const points: Point[] = [
      [10, 10],
      [40, 40],
    ];
    expect(fanOut(points, 5)).toEqual(points);
  });

  it('fans devices at one spot out on a circle round it, each apart from the others', () => {
    const spread = fanOut(
      [
        [100, 100],
        [100, 100],
        [100, 100],
        [300, 300],
      ],
      10,
    );
    expect(spread[3]).toEqual([300, 300]);
    for (const [x, y] of spread.slice(0, 3)) expect(Math.hypot(x - 100, y - 100)).toBeCloseTo(10);
    expect(new Set(spread.slice(0, 3).map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`)).size).toBe(3);
  });

  it('widens the circle for a crowded spot so neighbours do not overlap', () => {
    const spread = fanOut(Array.from({ length: 12 }, (): Point => [0, 0]), 10);
    expect(Math.hypot(...spread[0]!)).toBeCloseTo(20);
  });
});
