import { BarChart, LineChart } from 'echarts/charts';
import { BrushComponent, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerParts, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useEffectEvent, useRef } from 'react';

// Only what the energy charts draw, so the page's chunk stays small.
registerParts([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, BrushComponent, ToolboxComponent, MarkAreaComponent, MarkLineComponent, CanvasRenderer]);

type BrushSelected = { batch: { selected: { dataIndex: number[] }[] }[] };

/**
 * One ECharts chart in a box that follows its size. `onBrush` hears which
 * points of the first series a brushed range holds (none when cleared);
 * `onPainted` runs after each new option has been drawn.
 */
export function EChart({ option, height, onBrush, onPainted, testId }: { option: EChartsCoreOption; height: number; onBrush?: (indexes: number[]) => void; onPainted?: () => void; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const brushed = useEffectEvent((indexes: number[]) => onBrush?.(indexes));
  const painted = useEffectEvent(() => onPainted?.());

  useEffect(() => {
    const instance = init(box.current!, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('brushSelected', (event) => brushed((event as BrushSelected).batch[0]?.selected[0]?.dataIndex ?? []));
    const resizer = new ResizeObserver(() => instance.resize());
    resizer.observe(box.current!);
    return () => {
      resizer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.setOption(option, { notMerge: true });
    instance.on('finished', function done() {
      instance.off('finished', done);
      painted();
    });
  }, [option]);

  return <div ref={box} style={{ height, width: '100%' }} data-testid={testId} />;
}
