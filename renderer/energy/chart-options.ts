import type { EChartsCoreOption } from 'echarts/core';
import type { EnergyRow } from './energy-rows';
import { formatAmount } from './energy-rows';

/** Legible on the dark control-room theme from a desk's distance. */
const TEXT = '#c9d1d9';
const MUTED = '#8b98a8';
const AXIS = '#3a4756';
const GRID = '#1d2733';
export const ENERGY_COLOURS = { current: '#2f7cf6', previous: '#f6a62f', lastYear: '#3fc1a5' };

export type ChartLabels = { current: string; previous: string; lastYear: string; unit: string };

/**
 * The trend chart: this period's use as bars, 环比 and 同比 as lines over
 * them; zoom by wheel or the slider, brush a range to add it up.
 */
export function trendOption(rows: readonly EnergyRow[], labels: ChartLabels, compare: boolean): EChartsCoreOption {
  const line = (name: string, colour: string, values: (number | null)[], dashed: boolean) => ({
    name,
    type: 'line',
    data: values,
    symbol: 'none',
    smooth: false,
    lineStyle: { color: colour, width: 2, type: dashed ? 'dashed' : 'solid' },
    itemStyle: { color: colour },
  });
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: TEXT, fontFamily: "'Noto Sans SC', sans-serif" },
    grid: { left: 56, right: 24, top: 36, bottom: 64 },
    legend: { top: 4, textStyle: { color: TEXT, fontSize: 13 }, data: compare ? [labels.current, labels.previous, labels.lastYear] : [labels.current] },
    tooltip: {
      trigger: 'axis',
      backgroundColor: '#18212d',
      borderColor: AXIS,
      textStyle: { color: TEXT },
      valueFormatter: (value: unknown) => (typeof value === 'number' ? `${formatAmount(value)} ${labels.unit}` : '—'),
    },
    xAxis: {
      type: 'category',
      data: rows.map((row) => row.label),
      axisLine: { lineStyle: { color: AXIS } },
      axisLabel: { color: MUTED, fontSize: 12 },
    },
    yAxis: {
      type: 'value',
      name: labels.unit,
      nameTextStyle: { color: MUTED },
      axisLabel: { color: MUTED, fontSize: 12 },
      splitLine: { lineStyle: { color: GRID } },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0 },
      { type: 'slider', xAxisIndex: 0, height: 18, bottom: 8, borderColor: AXIS, textStyle: { color: MUTED }, fillerColor: 'rgba(47,124,246,0.2)' },
    ],
    brush: { xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', throttleType: 'debounce', throttleDelay: 100 },
    toolbox: { right: 8, top: 0, iconStyle: { borderColor: MUTED }, feature: { brush: { type: ['lineX', 'clear'] } } },
    series: [
      { name: labels.current, type: 'bar', data: rows.map((row) => row.amount), itemStyle: { color: ENERGY_COLOURS.current }, barMaxWidth: 18 },
      ...(compare
        ? [line(labels.previous, ENERGY_COLOURS.previous, rows.map((row) => row.previous), false), line(labels.lastYear, ENERGY_COLOURS.lastYear, rows.map((row) => row.lastYear), true)]
        : []),
    ],
  };
}

/** The breakdown: a horizontal bar per building, floor or meter, largest on top. */
export function breakdownOption(shares: readonly { label: string; amount: number }[], unit: string): EChartsCoreOption {
  const ordered = [...shares].reverse();
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: TEXT, fontFamily: "'Noto Sans SC', sans-serif" },
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', backgroundColor: '#18212d', borderColor: AXIS, textStyle: { color: TEXT }, valueFormatter: (value: unknown) => `${formatAmount(Number(value))} ${unit}` },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: ordered.map((share) => share.label), axisLabel: { color: TEXT, fontSize: 12 }, axisLine: { lineStyle: { color: AXIS } } },
    series: [
      {
        type: 'bar',
        data: ordered.map((share) => share.amount),
        itemStyle: { color: ENERGY_COLOURS.current },
        barMaxWidth: 16,
        label: { show: true, position: 'right', color: TEXT, formatter: ({ value }: { value: number }) => formatAmount(value) },
      },
    ],
  };
}

/** An anomaly's day by hours: its hours shaded, the meter's usual as a dashed line. */
/** A line across the chart (the usual night, the flow that counts as use), or the profile's value per step. */
export type AnomalyMarks = { unit: string; window: { fromHour: number; toHour: number }; level?: { value: number; label: string }; expected?: { values: readonly number[]; label: string } };

export function anomalyOption(rows: readonly EnergyRow[], marks: AnomalyMarks): EChartsCoreOption {
  const label = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: TEXT, fontFamily: "'Noto Sans SC', sans-serif" },
    grid: { left: 44, right: 12, top: 16, bottom: 24 },
    tooltip: { trigger: 'axis', backgroundColor: '#18212d', borderColor: AXIS, textStyle: { color: TEXT }, valueFormatter: (value: unknown) => `${formatAmount(Number(value))} ${marks.unit}` },
    xAxis: { type: 'category', data: rows.map((row) => row.label), axisLabel: { color: MUTED, fontSize: 11 }, axisLine: { lineStyle: { color: AXIS } } },
    yAxis: { type: 'value', name: marks.unit, nameTextStyle: { color: MUTED }, axisLabel: { color: MUTED, fontSize: 11 }, splitLine: { lineStyle: { color: GRID } } },
    series: [
      {
        type: 'bar',
        data: rows.map((row) => row.amount),
        itemStyle: { color: ENERGY_COLOURS.current },
        barMaxWidth: 12,
        markArea: { silent: true, itemStyle: { color: 'rgba(216,74,74,0.18)' }, data: [[{ xAxis: label(marks.window.fromHour) }, { xAxis: label(Math.max(marks.window.fromHour, marks.window.toHour - 1)) }]] },
        ...(marks.level
          ? { markLine: { silent: true, symbol: 'none', lineStyle: { color: ENERGY_COLOURS.lastYear, type: 'dashed' }, label: { color: TEXT, formatter: marks.level.label, position: 'insideEndTop' }, data: [{ yAxis: marks.level.value }] } }
          : {}),
      },
      ...(marks.expected
        ? [{ type: 'line', name: marks.expected.label, data: marks.expected.values, symbol: 'none', step: 'middle', lineStyle: { color: ENERGY_COLOURS.lastYear, type: 'dashed', width: 2 }, z: 3 }]
        : []),
    ],
  };
}

/** The dark theme's inks, for charts drawn in files of their own. */
export const CHART_INK = { text: TEXT, muted: MUTED, axis: AXIS, grid: GRID };
