import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CompressOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { App, Button, Spin, Tooltip } from 'antd';
import { useEffect, useEffectEvent, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import type { DeviceKind } from '../core/contract';
import { describeError } from '../core/errors';
import { deviceKeys, useDeviceTree } from '../devices/queries';
import { alarmPlaces, worstBySource } from './alarm-marks';
import { FollowBar } from './follow-bar';
import { useOpenAlarms, useViewDevices } from './map-data';
import { MapEngine } from './map-engine';
import { mapActions, useMapUi } from './map-store';
import type { MarkerCounts, MarkerDevice, MarkerSet } from './markers';
import { drillInto, planOf, viewKey } from './plans';
import { projector, unprojector } from './positions';
import { viewSummaries, type Summary } from './summaries';
import { loadPlan } from './svg-maps';
import { escapeHtml } from './symbols';

/** What a device dragged from the unplaced list carries. */
export const DEVICE_MIME = 'application/x-vigil-device';

/** The map itself: a box the engine draws into, fed from the queries without re-rendering on every change. */
export function MapCanvas() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const view = useMapUi((state) => state.view);
  const hidden = useMapUi((state) => state.hidden);
  const selected = useMapUi((state) => state.selected);
  const placing = useMapUi((state) => state.placing);
  const following = useMapUi((state) => !!state.follow);
  const baseBox = useRef<HTMLDivElement>(null);
  const overlayBox = useRef<HTMLDivElement>(null);
  const [engine, setEngine] = useState<MapEngine | null>(null);

  const { plan, drawn } = planOf(view);
  const mapName = useQuery({ queryKey: ['map-plan', plan.file], queryFn: () => loadPlan(plan), staleTime: Infinity, gcTime: Infinity });
  const devices = useViewDevices(view);
  const alarms = useOpenAlarms({ fresh: true });
  const worst = useMemo(() => worstBySource(alarms.data ?? []), [alarms.data]);
  const places = useMemo(() => alarmPlaces(alarms.data ?? []), [alarms.data]);
  const tree = useDeviceTree();

  const tooltip = (code: string, markers: MarkerSet) => {
    const device = markers.device(code);
    if (!device) return '';
    const severity = markers.alarmOf(code);
    return [
      `<div class="map-tip"><b>${escapeHtml(device.name)}</b>`,
      `<div>${t(`devices.kinds.${device.kind as DeviceKind}`)} · <span class="map-tip-${device.status}">${t(`devices.statuses.${device.status}`)}</span></div>`,
      severity ? `<div class="map-tip-alarm">${t('map.alarmOf', { severity: t(`alarms.severity.${severity}`) })}</div>` : '',
      `<div class="mono map-tip-code">${escapeHtml(device.code)}</div></div>`,
    ].join('');
  };

  const place = async (code: string, x: number, y: number, active: MapEngine) => {
    const name = devices.data?.find((device) => device.code === code)?.name ?? code;
    active.place(code, x, y);
    try {
      await core.call('devices.place', { code, x, y });
      // Wait for the lists to carry the new position before letting go of it, so the marker never jumps back meanwhile.
      await queryClient.invalidateQueries({ queryKey: deviceKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: deviceKeys.detail(code) });
      message.success(t('map.placed', { name }));
    } catch (error) {
      message.error(t('map.placeFailed', { name, reason: describeError(t, error) }));
    } finally {
      active.release(code);
    }
  };

  const onMarker = useEffectEvent((code: string) => mapActions.select(code));
  const onRegion = useEffectEvent((name: string) => {
    const next = drillInto(useMapUi.getState().view, name);
    if (next) mapActions.go(next);
  });
  const onPlace = useEffectEvent((code: string, x: number, y: number, active: MapEngine) => void place(code, x, y, active));
  const onTooltip = useEffectEvent(tooltip);
  const onCounts = useEffectEvent((counts: MarkerCounts, unplaced: MarkerDevice[]) => useMapUi.setState({ counts, unplaced }));

  useEffect(() => {
    const created: MapEngine = new MapEngine(baseBox.current!, overlayBox.current!, {
      onMarker: (code) => onMarker(code),
      onRegion: (name) => onRegion(name),
      onPlace: (code, x, y) => onPlace(code, x, y, created),
      tooltip: (code, markers) => onTooltip(code, markers),
      onCounts: (counts, unplaced) => onCounts(counts, unplaced),
    });
    setEngine(created);
    return () => created.dispose();
  }, []);

  useEffect(() => {
    if (!engine || !mapName.data) return;
    engine.show({ key: viewKey(view), mapName: mapName.data, plan, sideView: view.level === 'building', project: projector(view), unproject: unprojector(view) });
  }, [engine, mapName.data, view, plan]);
  useEffect(() => engine?.setDevices(devices.data ?? []), [engine, devices.data]);
  useEffect(() => engine?.setAlarms(worst), [engine, worst]);
  useEffect(() => engine?.setHidden(hidden), [engine, hidden]);
  useEffect(() => engine?.select(selected), [engine, selected]);
  useEffect(() => engine?.setPlacing(placing), [engine, placing]);

  const summaries = useMemo(() => {
    const describe = ({ online, total, alarms: count }: Summary) =>
      `{dim|${t('map.online')}} ${online}/${total}${count ? `  {alarm|${t('map.alarmCount', { count })}}` : ''}`;
    return viewSummaries(view, tree.data, places, describe);
  }, [view, tree.data, places, t]);
  useEffect(() => {
    engine?.setLabels(summaries.labels);
    engine?.setAlarmedRegions(summaries.alarmedRegions);
  }, [engine, summaries]);

  const onDrop = (event: DragEvent) => {
    const code = event.dataTransfer.getData(DEVICE_MIME);
    const box = baseBox.current?.getBoundingClientRect();
    if (!code || !box || !engine) return;
    event.preventDefault();
    const to = engine.pointAt(event.clientX - box.left, event.clientY - box.top);
    if (to) void place(code, to.x, to.y, engine);
  };

  return (
    <div className={`map-canvas${placing ? ' placing' : ''}${following ? ' following' : ''}`} data-testid="map-canvas" onDragOver={(event) => placing && event.preventDefault()} onDrop={onDrop}>
      <div ref={baseBox} className="map-layer" data-testid="map-base" data-level={view.level} />
      <div ref={overlayBox} className="map-layer map-overlay" aria-hidden />
      {(mapName.isPending || devices.isPending) && <Spin className="map-spinner" />}
      {mapName.error && <div className="map-notice error">{describeError(t, mapName.error)}</div>}
      {devices.error && <div className="map-notice error">{describeError(t, devices.error)}</div>}
      {!drawn && <div className="map-notice">{t('map.noPlan')}</div>}
      {placing && <div className="map-notice hint">{t('map.placingHint')}</div>}
      <FollowBar />
      <div className="map-controls">
        <Tooltip title={t('map.resetZoom')} placement="left">
          <Button size="small" icon={<CompressOutlined />} onClick={() => engine?.resetZoom()} aria-label={t('map.resetZoom')} data-testid="map-reset-zoom" />
        </Tooltip>
        <Tooltip title={t('map.keys')} placement="left">
          <Button size="small" icon={<QuestionCircleOutlined />} aria-label={t('map.keys')} />
        </Tooltip>
      </div>
    </div>
  );
}
