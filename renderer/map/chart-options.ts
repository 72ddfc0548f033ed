import type { EffectScatterSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GeoComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { DeviceKind } from '../core/contract';
import type { MarkerSet, Trouble } from './markers';
import type { Region, RegionKind } from './plans';
import type { Point } from './positions';
import { SEVERITY_COLOURS, STATUS_COLOURS, kindColour, largeSymbolOf, symbolOf } from './symbols';

export type ChartOption = ComposeOption<ScatterSeriesOption | EffectScatterSeriesOption | GeoComponentOption | TooltipComponentOption>;

/** A text drawn on the overlay (a building's or a floor's live summary), on the `side` of its point. */
export type MapLabel = { point: Point; text: string; side: 'inside' | 'left' | 'right' | 'bottom'; alarm: boolean };

export const GEO_ID = 'plan';
/** Markers in pixels; they keep their size as the officer zooms, so a crowded floor opens up. */
const MARKER_SIZE = 14;
const SIDE_VIEW_MARKER_SIZE = 10;
/** Ripples cost a repaint of their layer every frame: the most urgent alarms pulse, the rest glow still. */
const MAX_PULSING = 200;
/** Below this many markers of a kind each is drawn on its own, with its glyph and a hover effect; above, as large paths. */
const LARGE_THRESHOLD = 300;
/** A large path costs more than its length to draw: chunks keep each one short. */
const CHUNK = 1000;

const REGION_STYLES: Record<RegionKind, { area: string; border: string; label: string | null; hover: string | null }> = {
  building: { area: '#17222f', border: '#3f5873', label: '#c9d6e3', hover: '#22364b' },
  area: { area: '#111a24', border: '#223041', label: '#5f7489', hover: null },
  room: { area: '#131d29', border: '#2f4054', label: '#5a6e82', hover: null },
  equipment: { area: '#1a1d2e', border: '#4b4a6a', label: '#8b87b5', hover: null },
  corridor: { area: '#0f1720', border: '#2f4054', label: '#3f5164', hover: null },
  core: { area: '#101923', border: '#2f4054', label: '#4a5d70', hover: null },
  floor: { area: '#142030', border: '#30455c', label: null, hover: '#1d3147' },
};
const ALARM_REGION = { area: '#3a1518', border: '#ff3b3b' };

function geoRegions(regions: readonly Region[], alarmed: ReadonlySet<string>): GeoComponentOption['regions'] {
  return regions.map(({ name, kind }) => {
    const style = REGION_STYLES[kind];
    const alarm = alarmed.has(name);
    return {
      name,
      itemStyle: { areaColor: alarm ? ALARM_REGION.area : style.area, borderColor: alarm ? ALARM_REGION.border : style.border, borderWidth: kind === 'building' || alarm ? 1.5 : 1 },
      label: style.label ? { show: true, color: style.label, fontSize: kind === 'building' ? 12 : 11, fontWeight: kind === 'building' ? 500 : 400 } : { show: false },
      emphasis: style.hover
        ? { itemStyle: { areaColor: alarm ? '#4a1a1e' : style.hover, borderColor: '#6d8fb3' }, label: style.label ? { color: '#ffffff' } : { show: false } }
        : { disabled: true },
    };
  });
}

/** The geo both charts share: the same box and limits, so their coordinates agree to the pixel. */
function geo(mapName: string): GeoComponentOption {
  return { id: GEO_ID, map: mapName, left: 12, right: 12, top: 12, bottom: 12, scaleLimit: { min: 0.6, max: 14 }, selectedMode: false, tooltip: { show: false } };
}

type MarkerStyle = Omit<ScatterSeriesOption, 'id' | 'symbol' | 'data' | 'large' | 'largeThreshold'>;

/**
 * One kind's markers as scatter series: one of glyphs, or several large
 * chunks of built-in stand-ins. Progressive rendering is left off: it would
 * sweep the markers in over several frames on every redraw.
 */
function markerSeries(id: string, kind: DeviceKind, points: Point[], style: MarkerStyle): { series: ScatterSeriesOption; from: number }[] {
  if (points.length <= LARGE_THRESHOLD) return [{ from: 0, series: { ...style, id, type: 'scatter', symbol: symbolOf(kind), data: points } }];
  const chunks: { series: ScatterSeriesOption; from: number }[] = [];
  for (let from = 0; from < points.length; from += CHUNK) {
    chunks.push({ from, series: { ...style, id: `${id}:${from / CHUNK}`, type: 'scatter', symbol: largeSymbolOf(kind), large: true, largeThreshold: 1, data: points.slice(from, from + CHUNK) } });
  }
  return chunks;
}

export type BaseInput = {
  mapName: string;
  regions: readonly Region[];
  alarmedRegions: ReadonlySet<string>;
  /** Zooming only, no panning, while markers are being dragged into place. */
  placing: boolean;
  sideView: boolean;
  tooltip: (code: string) => string;
};

/**
 * The base chart: the plan with its regions, and every marker in its kind's
 * colour. Redrawn only when markers move. Also returns the codes each series
 * draws, in order, for hovered and clicked data indexes.
 */
export function baseOption(input: BaseInput, markers: MarkerSet): { option: ChartOption; codes: Map<string, string[]> } {
  const size = input.sideView ? SIDE_VIEW_MARKER_SIZE : MARKER_SIZE;
  const codes = new Map<string, string[]>();
  const series = markers.baseGroups().flatMap(({ kind, codes: kindCodes, points }) =>
    markerSeries(baseSeriesId(kind), kind, points, {
      coordinateSystem: 'geo',
      geoId: GEO_ID,
      symbolSize: size,
      itemStyle: { color: kindColour(kind), borderColor: '#0a0e14', borderWidth: 0.5 },
      emphasis: { scale: 1.5 },
      cursor: input.placing ? 'move' : 'pointer',
      animation: false,
    }).map(({ series: one, from }) => {
      codes.set(one.id as string, kindCodes.slice(from, from + (one.data as Point[]).length));
      return one;
    }),
  );
  const option: ChartOption = {
    animation: false,
    tooltip: {
      trigger: 'item',
      confine: true,
      backgroundColor: 'rgba(17, 24, 33, 0.96)',
      borderColor: '#263241',
      textStyle: { color: '#d6dee8', fontSize: 12 },
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const code = item?.seriesId && item.dataIndex !== undefined ? codes.get(item.seriesId)?.[item.dataIndex] : undefined;
        return code ? input.tooltip(code) : '';
      },
    },
    geo: {
      ...geo(input.mapName),
      roam: input.placing ? 'scale' : true,
      itemStyle: { areaColor: '#131d29', borderColor: '#2f4054' },
      label: { show: false },
      regions: geoRegions(input.regions, input.alarmedRegions),
    },
    series,
  };
  return { option, codes };
}

export const baseSeriesId = (kind: DeviceKind) => `base:${kind}`;

export type OverlayInput = { mapName: string; sideView: boolean; labels: readonly MapLabel[]; selected: Point | null };

/** The overlay chart: devices in trouble, pulsing alarms, live labels, the selection. Cheap enough to redraw every frame. */
export function overlayOption(input: OverlayInput, markers: MarkerSet): ChartOption {
  const size = input.sideView ? SIDE_VIEW_MARKER_SIZE : MARKER_SIZE;
  const alarmed = markers.alarmed();
  const pulsing = alarmed.slice(-MAX_PULSING);
  const still = alarmed.slice(0, -MAX_PULSING);
  const kindOf = (code: string) => markers.marker(code)!.kind;
  const series: (ScatterSeriesOption | EffectScatterSeriesOption)[] = markers.troubleGroups().flatMap(({ kind, status, points }) =>
    markerSeries(`trouble:${kind}:${status}`, kind, points, {
      coordinateSystem: 'geo',
      geoId: GEO_ID,
      // A hair larger than the base marker, so none of its colour shows round the edge.
      symbolSize: size + 1,
      itemStyle: { color: STATUS_COLOURS[status as Trouble] },
      silent: true,
      animation: false,
    }).map(({ series: one }) => one),
  );
  series.push(
    {
      id: 'alarms:still',
      type: 'scatter',
      coordinateSystem: 'geo',
      geoId: GEO_ID,
      silent: true,
      animation: false,
      symbolSize: size + 2,
      data: still.map(({ code, severity, point }) => ({ value: point, symbol: symbolOf(kindOf(code)), itemStyle: { color: SEVERITY_COLOURS[severity] } })),
    },
    {
      id: 'alarms',
      type: 'effectScatter',
      coordinateSystem: 'geo',
      geoId: GEO_ID,
      // Its own canvas layer: the ripples repaint it every frame, never the markers below.
      zlevel: 1,
      silent: true,
      rippleEffect: { brushType: 'stroke', scale: 3.2, period: 1.8, number: 2 },
      symbolSize: size + 2,
      data: pulsing.map(({ code, severity, point }) => ({ value: point, symbol: symbolOf(kindOf(code)), itemStyle: { color: SEVERITY_COLOURS[severity] as string } })),
    },
    {
      id: 'selection',
      type: 'scatter',
      coordinateSystem: 'geo',
      geoId: GEO_ID,
      zlevel: 1,
      silent: true,
      animation: false,
      symbol: 'circle',
      symbolSize: size + 14,
      itemStyle: { color: 'rgba(255, 255, 255, 0.06)', borderColor: '#ffffff', borderWidth: 2 },
      data: input.selected ? [input.selected] : [],
    },
    {
      id: 'labels',
      type: 'scatter',
      coordinateSystem: 'geo',
      geoId: GEO_ID,
      silent: true,
      animation: false,
      symbolSize: 0,
      label: {
        show: true,
        formatter: '{b}',
        color: '#9fb1c4',
        fontSize: 11,
        lineHeight: 15,
        backgroundColor: 'rgba(10, 14, 20, 0.72)',
        padding: [2, 5],
        borderRadius: 2,
        rich: { alarm: { color: '#ff6b6b', fontWeight: 600, fontSize: 11 }, dim: { color: '#6b7d90', fontSize: 11 }, floor: { color: '#c9d6e3', fontSize: 13, fontWeight: 600 } },
      },
      data: input.labels.map((label) => ({
        value: label.point,
        name: label.text,
        label: { position: label.side, borderColor: label.alarm ? '#ff3b3b' : 'transparent', borderWidth: label.alarm ? 1 : 0 },
      })),
    },
  );
  return {
    animation: false,
    geo: { ...geo(input.mapName), show: false, roam: false },
    series,
  };
}
