import { describe, expect, it } from 'vitest';
import { compareFloors, groupByPlace, matchesSearch, type Placed } from './places';

const at = (code: string, area: string, building: string, floor: string, name = code): Placed => ({ code, name, area, building, floor });

describe('compareFloors', () => {
  it('walks a building bottom up, named places last', () => {
    const floors = ['3F', '室外', '10F', 'B1', '1F', 'B2', '2F'];
    expect([...floors].sort(compareFloors)).toEqual(['B2', 'B1', '1F', '2F', '3F', '10F', '室外']);
  });

  it('reads storeys written as numbers or with 层', () => {
    expect(['12层', '2', '3F'].sort(compareFloors)).toEqual(['2', '3F', '12层']);
  });
});

describe('groupByPlace', () => {
  it('groups by area, then building, floors in order within each building', () => {
    const groups = groupByPlace([
      at('4', '南区', 'C栋', '2F'),
      at('1', '北区', 'B栋', '1F'),
      at('2', '北区', 'A栋', '2F'),
      at('3', '北区', 'A栋', 'B1'),
      at('5', '南区', 'C栋', '1F'),
    ]);
    expect(groups.map((group) => [group.area, group.count])).toEqual([
      ['北区', 3],
      ['南区', 2],
    ]);
    expect(groups[0]!.buildings.map((building) => [building.building, building.items.map((item) => item.floor)])).toEqual([
      ['A栋', ['B1', '2F']],
      ['B栋', ['1F']],
    ]);
    expect(groups[1]!.buildings[0]!.items.map((item) => item.code)).toEqual(['5', '4']);
  });

  it('keeps one building name in two areas apart', () => {
    const groups = groupByPlace([at('1', '北区', '1号楼', '1F'), at('2', '南区', '1号楼', '1F')]);
    expect(groups.flatMap((group) => group.buildings.map((building) => building.key))).toEqual(['北区/1号楼', '南区/1号楼']);
  });

  it('returns nothing for nothing', () => {
    expect(groupByPlace([])).toEqual([]);
  });
});

describe('matchesSearch', () => {
  const door = at('32061201011400000007', '北区', 'A栋 研发楼', 'B1', 'A栋 B1 门禁 3');
  it('finds by name, code, building or floor, ignoring case and spaces around', () => {
    expect(matchesSearch(door, ' 门禁 3 ')).toBe(true);
    expect(matchesSearch(door, '0000007')).toBe(true);
    expect(matchesSearch(door, '研发楼')).toBe(true);
    expect(matchesSearch(door, 'b1')).toBe(true);
    expect(matchesSearch(door, '')).toBe(true);
  });
  it('misses what is not there', () => {
    expect(matchesSearch(door, 'C栋')).toBe(false);
  });
});
