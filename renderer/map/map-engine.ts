import { EffectScatterChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import { graphic, init, use as registerParts, type ECElementEvent, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { DeviceKind, Severity } from '../core/contract';
import { GEO_ID, baseOption, overlayOption, type MapLabel } from './chart-options';
import { frameBatch } from './frame-batch';
import { MarkerSet, type Changes, type MarkerCounts, type MarkerDevice } from './markers';
import type { Plan } from './plans';
import type { Placed, Point } from './positions';

// Only what the map draws, so its chunk stays small.
registerParts([ScatterChart, EffectScatterChart, GeoComponent, TooltipComponent, CanvasRenderer]);

/** What a view needs from the page: its map, and how devices land on it and come back off it. */
export type EngineView = {
  key: string;
  mapName: string;
  plan: Plan;
  sideView: boolean;
  project: (device: Placed) => Point | null;
  /** Null where markers cannot be placed by dragging. */
  unproject: ((point: Point) => { x: number; y: number }) | null;
};

export type EngineHooks = {
  onMarker(code: string): void;
  onRegion(name: string): void;
  onPlace(code: string, x: number, y: number): void;
  tooltip(code: string, markers: MarkerSet): string;
  onCounts(counts: MarkerCounts, unplaced: MarkerDevice[]): void;
};

/** Pixels the pointer must travel before a press on a marker becomes a drag. */
const DRAG_SLOP = 4;

type Drag = { code: string; from: [number, number]; moved: boolean; ghost: graphic.Group | null };

/**
 * The site map, drawn by two ECharts instances stacked in one box. Any
 * setOption redraws a whole chart, so the 10 000 markers live on the lower
 * one (with the plan, the pointer and the roam), redrawn only when markers
 * appear, disappear or move; state colours, pulsing alarms, labels and the
 * selection live on the upper one, which ignores the pointer and follows the
 * lower one's pan and zoom. Changes are merged into at most one update of
 * each per animation frame.
 */
export class MapEngine {
  private readonly base: ECharts;
  private readonly overlay: ECharts;
  private readonly batch = frameBatch(() => this.flush());
  private readonly resizer: ResizeObserver;
  private view: EngineView | null = null;
  private markers: MarkerSet | null = null;
  private dirty: Changes = { base: false, overlay: false };
  /** Codes in each base series, as last drawn: what a hovered or clicked data index stands for. */
  private codes = new Map<string, string[]>();
  private devices: readonly MarkerDevice[] = [];
  private alarms: ReadonlyMap<string, Severity> = new Map();
  private hidden: DeviceKind[] = [];
  private labels: readonly MapLabel[] = [];
  private alarmedRegions: ReadonlySet<string> = new Set();
  private selected: string | null = null;
  private placing = false;
  private drag: Drag | null = null;
  private countsShown = '';

  constructor(
    private readonly baseElement: HTMLElement,
    overlayElement: HTMLElement,
    private readonly hooks: EngineHooks,
  ) {
    this.base = init(baseElement, undefined, { renderer: 'canvas' });
    this.overlay = init(overlayElement, undefined, { renderer: 'canvas' });
    this.base.on('georoam', (event) => {
      // The same roam, replayed on the overlay: same box, same limits, so the same result.
      this.overlay.dispatchAction({ ...(event as object), type: 'geoRoam' });
      this.noteFrame();
    });
    this.base.on('click', (event) => this.onClick(event));
    this.base.on('mousedown', (event) => this.onPress(event));
    const zr = this.base.getZr();
    zr.on('mousemove', (event) => this.onDragMove(event.offsetX, event.offsetY));
    zr.on('mouseup', (event) => this.onDragEnd(event.offsetX, event.offsetY));
    zr.on('globalout', () => this.cancelDrag());
    this.resizer = new ResizeObserver(() => {
      this.base.resize();
      this.overlay.resize();
      this.noteFrame();
    });
    this.resizer.observe(baseElement);
  }

  /** A new view starts from scratch: its own map, markers, zoom and pan. */
  show(view: EngineView): void {
    this.cancelDrag();
    this.view = view;
    this.markers = new MarkerSet(view.project, view.plan.width * 0.012);
    this.markers.setHidden(this.hidden);
    this.markers.setAlarms(this.alarms);
    this.markers.setDevices(this.devices);
    this.base.clear();
    this.overlay.clear();
    this.baseElement.dataset.view = view.key;
    this.mark({ base: true, overlay: true });
    this.reportCounts();
  }

  setDevices(devices: readonly MarkerDevice[]): void {
    this.devices = devices;
    if (!this.markers) return;
    this.mark(this.markers.setDevices(devices));
    this.reportCounts();
  }

  setAlarms(alarms: ReadonlyMap<string, Severity>): void {
    this.alarms = alarms;
    if (!this.markers) return;
    this.mark(this.markers.setAlarms(alarms));
    this.reportCounts();
  }

  setHidden(kinds: DeviceKind[]): void {
    this.hidden = kinds;
    if (this.markers) this.mark(this.markers.setHidden(kinds));
  }

  setLabels(labels: readonly MapLabel[]): void {
    this.labels = labels;
    this.mark({ base: false, overlay: true });
  }

  /** Buildings or floors with an open alarm, tinted on the plan; redrawing the plan is costly, so only on a real change. */
  setAlarmedRegions(names: ReadonlySet<string>): void {
    const same = names.size === this.alarmedRegions.size && [...names].every((name) => this.alarmedRegions.has(name));
    this.alarmedRegions = names;
    if (!same) this.mark({ base: true, overlay: false });
  }

  select(code: string | null): void {
    this.selected = code;
    this.mark({ base: false, overlay: true });
  }

  setPlacing(placing: boolean): void {
    if (placing === this.placing) return;
    this.placing = placing;
    if (!placing) this.cancelDrag();
    this.mark({ base: true, overlay: false });
  }

  /** Shows a device where it is being placed until `release` (the save finished, or failed and it goes back). */
  place(code: string, x: number, y: number): void {
    if (this.markers) this.mark(this.markers.override(code, x, y));
  }

  release(code: string): void {
    if (this.markers) this.mark(this.markers.release(code));
  }

  /** Back to the whole plan in view. */
  resetZoom(): void {
    if (!this.view) return;
    const geo = { id: GEO_ID, zoom: 1, center: [this.view.plan.width / 2, this.view.plan.height / 2] };
    this.base.setOption({ geo });
    this.overlay.setOption({ geo });
    this.noteFrame();
  }

  /** Where a point of the page (relative to the map's box) falls on the map, for drops from outside the chart. */
  pointAt(x: number, y: number): { x: number; y: number } | null {
    if (!this.view?.unproject) return null;
    const point = this.base.convertFromPixel({ geoId: GEO_ID }, [x, y]) as Point | undefined;
    return point ? this.view.unproject(point) : null;
  }

  dispose(): void {
    this.batch.cancel();
    this.resizer.disconnect();
    this.base.dispose();
    this.overlay.dispose();
  }

  private mark(changes: Changes): void {
    if (!changes.base && !changes.overlay) return;
    this.dirty = { base: this.dirty.base || changes.base, overlay: this.dirty.overlay || changes.overlay };
    this.batch.request();
  }

  private flush(): void {
    const { view, markers } = this;
    if (!view || !markers) return;
    const { base, overlay } = this.dirty;
    this.dirty = { base: false, overlay: false };
    if (base) {
      const { option, codes } = baseOption(
        {
          mapName: view.mapName,
          regions: view.plan.regions,
          alarmedRegions: this.alarmedRegions,
          placing: this.placing && !!view.unproject,
          sideView: view.sideView,
          tooltip: (code) => this.hooks.tooltip(code, markers),
        },
        markers,
      );
      this.codes = codes;
      this.base.setOption(option, { replaceMerge: ['series'] });
    }
    if (base || overlay) {
      const selected = this.selected ? (markers.marker(this.selected)?.point ?? null) : null;
      this.overlay.setOption(overlayOption({ mapName: view.mapName, sideView: view.sideView, labels: this.labels, selected }, markers), { replaceMerge: ['series'] });
    }
    let drawn = 0;
    for (const codes of this.codes.values()) drawn += codes.length;
    this.baseElement.dataset.markers = String(drawn);
    this.baseElement.dataset.alarms = String(markers.alarmed().length);
    this.noteFrame();
  }

  private reportCounts(): void {
    if (!this.markers) return;
    const counts = this.markers.counts();
    const unplaced = counts.unplaced ? this.markers.unplaced() : [];
    this.baseElement.dataset.trouble = String(counts.statuses.offline + counts.statuses.fault + counts.statuses.unknown);
    const shown = JSON.stringify([counts, unplaced.map((device) => device.code)]);
    if (shown === this.countsShown) return;
    this.countsShown = shown;
    this.hooks.onCounts(counts, unplaced);
  }

  /** The plan's corners in pixels, on the box: lets tests and tools find a place on the canvas. */
  private noteFrame(): void {
    if (!this.view) return;
    const topLeft = this.base.convertToPixel({ geoId: GEO_ID }, [0, 0]) as number[] | undefined;
    const bottomRight = this.base.convertToPixel({ geoId: GEO_ID }, [this.view.plan.width, this.view.plan.height]) as number[] | undefined;
    if (topLeft && bottomRight) this.baseElement.dataset.frame = [...topLeft, ...bottomRight].map((value) => value.toFixed(1)).join(',');
  }

  private codeOf(event: ECElementEvent): string | undefined {
    return event.componentType === 'series' && event.seriesId ? this.codes.get(event.seriesId)?.[event.dataIndex] : undefined;
  }

  private onClick(event: ECElementEvent): void {
    if (event.componentType === 'geo' && event.name) {
      this.hooks.onRegion(event.name);
      return;
    }
    const code = this.codeOf(event);
    if (code) this.hooks.onMarker(code);
  }

  private onPress(event: ECElementEvent): void {
    if (!this.placing || !this.view?.unproject) return;
    const code = this.codeOf(event);
    const pointer = event.event as { offsetX: number; offsetY: number } | undefined;
    if (code && pointer) this.drag = { code, from: [pointer.offsetX, pointer.offsetY], moved: false, ghost: null };
  }

  private onDragMove(x: number, y: number): void {
    const drag = this.drag;
    if (!drag) return;
    if (!drag.moved && Math.hypot(x - drag.from[0], y - drag.from[1]) < DRAG_SLOP) return;
    drag.moved = true;
    if (!drag.ghost) {
      drag.ghost = new graphic.Group();
      drag.ghost.add(new graphic.Line({ shape: { x1: drag.from[0], y1: drag.from[1], x2: x, y2: y }, style: { stroke: '#9fb1c4', lineWidth: 1, lineDash: [4, 4] }, zlevel: 2 }));
      drag.ghost.add(new graphic.Circle({ shape: { cx: x, cy: y, r: 10 }, style: { fill: 'rgba(47, 124, 246, 0.35)', stroke: '#ffffff', lineWidth: 2 }, zlevel: 2 }));
      this.overlay.getZr().add(drag.ghost);
    }
    const [line, circle] = drag.ghost.children() as [graphic.Line, graphic.Circle];
    line.setShape({ x2: x, y2: y });
    circle.setShape({ cx: x, cy: y });
  }

  private onDragEnd(x: number, y: number): void {
    const drag = this.drag;
    this.cancelDrag();
    if (!drag?.moved) return;
    const to = this.pointAt(x, y);
    if (to) this.hooks.onPlace(drag.code, to.x, to.y);
  }

  private cancelDrag(): void {
    if (this.drag?.ghost) this.overlay.getZr().remove(this.drag.ghost);
    this.drag = null;
  }
}
