import type { EChartsCoreOption } from 'echarts/core';
import type { Figures, Histogram } from '../../core/contract';

/** The dark control-room theme (as the energy charts), or black on white for paper. */
const SCREEN = { text: '#c9d1d9', axis: '#3a4756', grid: '#1d2733' };
const PAPER = { text: '#1f2933', axis: '#9aa5b1', grid: '#d5dbe1' };
const COLOURS = { link: '#2f7cf6', cameras: '#3fc1a5', devices: '#f6a62f', p50: '#2f7cf6', p90: '#e8684a' };

type Theme = typeof SCREEN;
const dayLabel = (date: string) => date.slice(5);

function frame(theme: Theme, labels: string[], legend: string[], yName: string, yMin?: number): EChartsCoreOption {
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text, fontFamily: "'Noto Sans SC', sans-serif" },
    grid: { left: 48, right: 16, top: 34, bottom: 26 },
    legend: { top: 2, textStyle: { color: theme.text, fontSize: 12 }, data: legend },
    tooltip: { trigger: 'axis', backgroundColor: '#18212d', borderColor: theme.axis, textStyle: { color: '#c9d1d9' } },
    xAxis: { type: 'category', data: labels, axisLabel: { color: theme.text, fontSize: 11 }, axisLine: { lineStyle: { color: theme.axis } } },
    yAxis: { type: 'value', name: yName, min: yMin, nameTextStyle: { color: theme.text }, axisLabel: { color: theme.text, fontSize: 11 }, splitLine: { lineStyle: { color: theme.grid } } },
  };
}

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));

/** Availability per day of the link, the cameras and the other devices: lines over the period's days. */
export function availabilityOption(figures: Figures, names: { link: string; cameras: string; devices: string }, paper = false): EChartsCoreOption {
  const theme = paper ? PAPER : SCREEN;
  const values = [figures.link.perDay, figures.cameras.perDay, figures.devices.perDay].flat().filter((value): value is number => value !== null);
  // The axis starts just below the worst day, so 99.9 % and 98 % do not look alike.
  const floor = values.length ? Math.max(0, Math.floor(Math.min(...values) - 1)) : 0;
  const line = (name: string, colour: string, data: (number | null)[]) => ({ name, type: 'line', data: data.map((value) => round(value, 3)), symbolSize: 5, connectNulls: false, lineStyle: { color: colour, width: 2 }, itemStyle: { color: colour } });
  return {
    ...frame(theme, figures.days.map(dayLabel), [names.link, names.cameras, names.devices], '%', floor),
    series: [line(names.link, COLOURS.link, figures.link.perDay), line(names.cameras, COLOURS.cameras, figures.cameras.perDay), line(names.devices, COLOURS.devices, figures.devices.perDay)],
  };
}

/** Alarm response p50 and p90 per day, in seconds, as bars. */
export function responseOption(figures: Figures, names: { p50: string; p90: string }, paper = false): EChartsCoreOption {
  const theme = paper ? PAPER : SCREEN;
  const bar = (name: string, colour: string, data: (number | null)[]) => ({ name, type: 'bar', data: data.map((ms) => (ms === null ? null : round(ms / 1000, 1))), barMaxWidth: 14, itemStyle: { color: colour } });
  return {
    ...frame(theme, figures.days.map(dayLabel), [names.p50, names.p90], 's'),
    series: [bar(names.p50, COLOURS.p50, figures.alarms.perDay.map((day) => day.p50)), bar(names.p90, COLOURS.p90, figures.alarms.perDay.map((day) => day.p90))],
  };
}

const boundLabel = (ms: number) => (ms < 1000 ? `${ms}ms` : `${ms / 1000}s`);

/** A latency histogram: a bar per bucket, labelled by its upper bound (the last, above every bound). */
export function histogramOption(histogram: Histogram, name: string, colour: string): EChartsCoreOption {
  const labels = [...histogram.bounds.map((bound) => `≤${boundLabel(bound)}`), `>${boundLabel(histogram.bounds.at(-1) ?? 0)}`];
  return {
    ...frame(SCREEN, labels, [name], ''),
    grid: { left: 48, right: 12, top: 30, bottom: 26 },
    series: [{ name, type: 'bar', data: histogram.counts, barMaxWidth: 22, itemStyle: { color: colour } }],
  };
}
