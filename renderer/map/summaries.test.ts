import { describe, expect, it } from 'vitest';
import type { Alarm, DeviceTreeNode } from '../core/contract';
import { alarmPlaces, worstBySource } from './alarm-marks';
import { MANIFEST } from './plans';
import { viewSummaries, type Summary } from './summaries';

const node = (level: DeviceTreeNode['level'], name: string, online: number, total: number, children: DeviceTreeNode[] = []): DeviceTreeNode => ({
  key: name,
  level,
  name,
  online,
  total,
  children,
});

const TREE = node('site', 'park', 0, 0, [
  node('area', '北区', 0, 0, [node('building', 'A栋 研发楼', 28, 30, [node('floor', '3F', 4, 5), node('floor', '1F', 5, 5)])]),
  node('area', '南区', 0, 0, [node('building', 'D栋 食堂', 10, 10)]),
]);

const alarm = (source: string, severity: Alarm['severity'], state: Alarm['state'], building = 'A栋 研发楼', floor = '3F') => ({ source, severity, state, building, floor });
const describe_ = ({ online, total, alarms }: Summary) => `${online}/${total}${alarms ? ` !${alarms}` : ''}`;

describe('open alarms on the map', () => {
  it('keeps the most urgent open alarm of each device and forgets resolved ones', () => {
    const worst = worstBySource([alarm('1', 'minor', 'new'), alarm('1', 'critical', 'handling'), alarm('1', 'major', 'acknowledged'), alarm('2', 'critical', 'resolved'), alarm('3', 'info', 'new')]);
    expect([...worst]).toEqual([
      ['1', 'critical'],
      ['3', 'info'],
    ]);
  });

  it('knows where each device in alarm is, when the core could tell', () => {
    const places = alarmPlaces([alarm('1', 'minor', 'new'), alarm('2', 'major', 'new', ''), alarm('3', 'major', 'closed')]);
    expect([...places]).toEqual([['1', { building: 'A栋 研发楼', floor: '3F' }]]);
  });
});

describe('labels of a view', () => {
  it('gives each building on the park its devices online and its alarms, and tints buildings in alarm', () => {
    const places = alarmPlaces([alarm('1', 'critical', 'new'), alarm('2', 'minor', 'new', 'A栋 研发楼', '1F')]);
    const { labels, alarmedRegions } = viewSummaries({ level: 'park' }, TREE, places, describe_);
    expect(labels).toHaveLength(MANIFEST.buildings.length);
    expect(labels[0]).toEqual({ point: [300, 200], side: 'bottom', alarm: true, text: '28/30 !2' });
    expect(labels.find((label) => label.text === '10/10')).toBeDefined();
    expect([...alarmedRegions]).toEqual(['A栋 研发楼']);
  });

  it('names each floor on a side view and counts it, tinting only the floors in alarm', () => {
    const places = alarmPlaces([alarm('1', 'critical', 'new')]);
    const { labels, alarmedRegions } = viewSummaries({ level: 'building', building: 'A栋 研发楼' }, TREE, places, describe_);
    expect(labels.filter((label) => label.side === 'left').map((label) => label.text)).toEqual(['{floor|B1}', '{floor|1F}', '{floor|2F}', '{floor|3F}', '{floor|4F}', '{floor|5F}']);
    expect(labels.filter((label) => label.side === 'right').map((label) => label.text)).toEqual(['0/0', '5/5', '0/0', '4/5 !1', '0/0', '0/0']);
    expect([...alarmedRegions]).toEqual(['3F']);
  });

  it('leaves a floor plan to name its own rooms', () => {
    expect(viewSummaries({ level: 'floor', building: 'A栋 研发楼', floor: '3F' }, TREE, new Map(), describe_)).toEqual({ labels: [], alarmedRegions: new Set() });
  });
});
