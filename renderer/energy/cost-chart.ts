import type { EChartsCoreOption } from 'echarts/core';
import type { EnergyCost, TariffBand } from '../core/contract';
import { CHART_INK } from './chart-options';

/** Peak warm, valley cool, flat between: the colours a 峰谷平 chart usually has, bright enough on the dark theme. */
export const BAND_COLOURS: Record<TariffBand, string> = { peak: '#f0654f', flat: '#f6a62f', valley: '#3fc1a5' };

export const formatMoney = (value: number, language: string) => new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

/** The cost of each band as a bar of its colour, the amount used in the tooltip. */
export function bandCostOption(bands: EnergyCost['bands'], labels: Record<TariffBand, string>, format: (value: number) => string): EChartsCoreOption {
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: CHART_INK.text, fontFamily: "'Noto Sans SC', sans-serif" },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', backgroundColor: '#18212d', borderColor: CHART_INK.axis, textStyle: { color: CHART_INK.text }, valueFormatter: (value: unknown) => format(Number(value)) },
    xAxis: { type: 'category', data: bands.map((band) => labels[band.band]), axisLabel: { color: CHART_INK.text, fontSize: 13 }, axisLine: { lineStyle: { color: CHART_INK.axis } } },
    yAxis: { type: 'value', axisLabel: { color: CHART_INK.muted, fontSize: 11 }, splitLine: { lineStyle: { color: CHART_INK.grid } } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        data: bands.map((band) => ({ value: band.cost, itemStyle: { color: BAND_COLOURS[band.band] } })),
        label: { show: true, position: 'top', color: CHART_INK.text, formatter: ({ value }: { value: number }) => format(value) },
      },
    ],
  };
}
