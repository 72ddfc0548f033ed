import type { EChartsCoreOption } from 'echarts/core';
import { ENERGY_COLOURS } from '../chart-options';
import type { EnergyRow } from '../energy-rows';

/** Print is black on white: the report's chart has dark text and light grid lines. */
const INK = '#1f2933';
const RULE = '#d5dbe1';

/** A month by days: bars for this month, lines for the month before and the year before; no zoom or tooltip on paper. */
export function reportChartOption(rows: readonly EnergyRow[], labels: { current: string; previous: string; lastYear: string; unit: string }): EChartsCoreOption {
  const line = (name: string, colour: string, values: (number | null)[]) => ({ name, type: 'line', data: values, symbol: 'none', lineStyle: { color: colour, width: 1.5, type: 'dashed' }, itemStyle: { color: colour } });
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { color: INK, fontFamily: "'Noto Sans SC', sans-serif" },
    grid: { left: 52, right: 12, top: 28, bottom: 24 },
    legend: { top: 0, textStyle: { color: INK, fontSize: 11 }, data: [labels.current, labels.previous, labels.lastYear] },
    xAxis: { type: 'category', data: rows.map((row) => row.label.slice(-2)), axisLabel: { color: INK, fontSize: 10 }, axisLine: { lineStyle: { color: RULE } } },
    yAxis: { type: 'value', name: labels.unit, nameTextStyle: { color: INK }, axisLabel: { color: INK, fontSize: 10 }, splitLine: { lineStyle: { color: RULE } } },
    series: [
      { name: labels.current, type: 'bar', data: rows.map((row) => row.amount), itemStyle: { color: ENERGY_COLOURS.current }, barMaxWidth: 10 },
      line(labels.previous, ENERGY_COLOURS.previous, rows.map((row) => row.previous)),
      line(labels.lastYear, ENERGY_COLOURS.lastYear, rows.map((row) => row.lastYear)),
    ],
  };
}
