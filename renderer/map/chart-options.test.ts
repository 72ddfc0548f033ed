import { describe, expect, it } from 'vitest';
import type { ScatterSeriesOption } from 'echarts/charts';
import { baseOption, overlayOption, type BaseInput } from './chart-options';
import { MarkerSet, type MarkerDevice } from './markers';
import type { Placed } from './positions';

const project = (device: Placed) => (device.x === null || device.y === null ? null : ([device.x * 1000, device.y * 1000] as [number, number]));

function floorWith(count: number, status: MarkerDevice['status'] = 'online'): MarkerSet {
  const markers = new MarkerSet(project, 0);
  markers.setDevices(
    Array.from({ length: count }, (_, index) => ({ code: `c${index}`, name: `C${index}`, kind: 'ipc', status, building: 'A', floor: '1F', x: (index % 100) / 100, y: Math.floor(index / 100) / 100 })),
  );
  return markers;
}

const INPUT: BaseInput = { mapName: 'plan', regions: [], alarmedRegions: new Set(), placing: false, sideView: false, tooltip: () => '' };
const seriesOf = (option: { series?: unknown }) => option.series as ScatterSeriesOption[];

describe('markers as chart series', () => {
  it('draws a few markers of a kind each with its glyph, in one series', () => {
    const { option, codes } = baseOption(INPUT, floorWith(250));
    const [series] = seriesOf(option);
    expect(seriesOf(option)).toHaveLength(1);
    expect(series).toMatchObject({ id: 'base:ipc', symbol: expect.stringMatching(/^path:\/\//) });
    expect(series!.large).toBeUndefined();
    expect(codes.get('base:ipc')).toHaveLength(250);
  });

  it('draws many as large chunks of a built-in shape, and knows which code each data index is', () => {
    const { option, codes } = baseOption(INPUT, floorWith(2500));
    const series = seriesOf(option);
    expect(series.map((one) => [one.id, (one.data as unknown[]).length, one.large, one.symbol])).toEqual([
      ['base:ipc:0', 1000, true, 'rect'],
      ['base:ipc:1', 1000, true, 'rect'],
      ['base:ipc:2', 500, true, 'rect'],
    ]);
    expect(codes.get('base:ipc:1')![0]).toBe('c1000');
    expect(codes.get('base:ipc:2')![499]).toBe('c2499');
    expect((series[2]!.data as number[][])[499]).toEqual([990, 240]);
  });

  it('pans only by zooming while markers are being placed', () => {
    const geo = (placing: boolean) => baseOption({ ...INPUT, placing }, floorWith(1)).option.geo as { roam: unknown };
    expect(geo(false).roam).toBe(true);
    expect(geo(true).roam).toBe('scale');
  });

  it('pulses the most urgent alarms on their own layer and keeps the rest still', () => {
    const markers = floorWith(250);
    markers.setAlarms(new Map(Array.from({ length: 250 }, (_, index) => [`c${index}`, index < 10 ? 'critical' : 'minor'] as const)));
    const series = seriesOf(overlayOption({ mapName: 'plan', sideView: false, labels: [], selected: null }, markers));
    const pulsing = series.find((one) => one.id === 'alarms')!;
    const still = series.find((one) => one.id === 'alarms:still')!;
    expect(pulsing.zlevel).toBe(1);
    expect((pulsing.data as unknown[]).length).toBe(200);
    expect((still.data as unknown[]).length).toBe(50);
    // Every critical alarm is among those that pulse.
    expect((pulsing.data as { itemStyle: { color: string } }[]).filter((item) => item.itemStyle.color === '#ff3b3b')).toHaveLength(10);
  });

  it('draws devices in trouble over their markers in the state’s colour', () => {
    const series = seriesOf(overlayOption({ mapName: 'plan', sideView: false, labels: [], selected: null }, floorWith(3, 'offline')));
    expect(series[0]).toMatchObject({ id: 'trouble:ipc:offline', itemStyle: { color: '#d84a4a' }, data: [[0, 0], [10, 0], [20, 0]] });
  });
});
