import { BarChart, LineChart } from 'echarts/charts';
import { BrushComponent, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerParts, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useEffectEvent, useRef } from 'react';

// Only what the energy charts draw, so the page's chunk stays small.
registerParts([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, BrushComponent, ToolboxComponent, MarkAreaComponent, MarkLineComponent, CanvasRenderer]);

type BrushSelected = { batch: { selected: { dataIndex: number[] }[] }[] };

/** How many data items an option's series hold: what a drawn chart shows, 0 before its data has come. */
function dataItems(option: EChartsCoreOption): number {
  const series = option.series as { data?: unknown[] }[] | { data?: unknown[] } | undefined;
  return (Array.isArray(series) ? series : series ? [series] : []).reduce((sum, entry) => sum + (entry.data?.length ?? 0), 0);
}

/**
 * One ECharts chart in a box that follows its size. `onBrush` hears which
 * points of the first series a brushed range holds (none when cleared);
 * `onPainted` runs after each new option has been drawn, and the box's
 * `data-painted` then says how many data items the canvas shows (what the
 * page-open benchmark and tests wait for).
 */
export function EChart({ option, height, onBrush, onPainted, testId }: { option: EChartsCoreOption; height: number; onBrush?: (indexes: number[]) => void; onPainted?: () => void; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const brushed = useEffectEvent((indexes: number[]) => onBrush?.(indexes));
  const painted = useEffectEvent(() => onPainted?.());
  /** The option set and not yet drawn. */
  const drawing = useRef<EChartsCoreOption | null>(null);

  useEffect(() => {
    const instance = init(box.current!, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('brushSelected', (event) => brushed((event as BrushSelected).batch[0]?.selected[0]?.dataIndex ?? []));
    // One listener for the chart's life, told which option is being drawn before it is set: setOption draws
    // at once and fires `finished` before it returns, so a listener added after it heard the next drawing.
    instance.on('finished', () => {
      const drawn = drawing.current;
      if (!drawn) return;
      drawing.current = null;
      box.current?.setAttribute('data-painted', String(dataItems(drawn)));
      painted();
    });
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
    drawing.current = option;
    instance.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} style={{ height, width: '100%' }} data-testid={testId} />;
}
