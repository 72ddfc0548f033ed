import { DragOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Badge, Breadcrumb, Button, Popover, Switch, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { DEVICE_KINDS, type DeviceKind, type DeviceTreeNode } from '../core/contract';
import { useDeviceTree } from '../devices/queries';
import { PageToolbar } from '../shell/page-toolbar';
import { mapFollowEnabled, setMapFollowEnabled } from './alarm-follow';
import { DEVICE_MIME } from './map-canvas';
import { mapActions, useMapUi } from './map-store';
import { MANIFEST, PARK_VIEW, buildingPlan, isOutdoor, placeable, type MapView } from './plans';
import { STATUS_COLOURS, glyphOf, kindColour } from './symbols';

export function Glyph({ kind, colour = kindColour(kind) }: { kind: DeviceKind; colour?: string }) {
  return (
    <svg className="map-glyph" viewBox="0 0 24 24" aria-hidden>
      <path d={glyphOf(kind)} fill={colour} />
    </svg>
  );
}

/** Buildings with a plan first, in the park's order, then any others the site reports; each with its floors in building order. */
function useBuildings(): { name: string; floors: string[] }[] {
  const { data: tree } = useDeviceTree();
  return useMemo(() => {
    const fromTree = new Map<string, string[]>();
    const visit = (node: DeviceTreeNode) => {
      if (node.level === 'building' && node.name && !isOutdoor(node.name)) {
        fromTree.set(node.name, [...(fromTree.get(node.name) ?? []), ...node.children.map((floor) => floor.name).filter(Boolean)]);
      }
      node.children.forEach(visit);
    };
    if (tree) visit(tree);
    const planned = MANIFEST.buildings.map((building) => ({ name: building.name, floors: building.floors.map((floor) => floor.name) }));
    const others = [...fromTree].filter(([name]) => !buildingPlan(name)).map(([name, floors]) => ({ name, floors }));
    return [...planned, ...others];
  }, [tree]);
}

function Trail() {
  const { t } = useTranslation();
  const view = useMapUi((state) => state.view);
  const buildings = useBuildings();
  const openBuilding = (name: string): MapView => {
    const floors = buildings.find((building) => building.name === name)?.floors ?? [];
    // A building without a side view opens on its first floor.
    return buildingPlan(name) || !floors[0] ? { level: 'building', building: name } : { level: 'floor', building: name, floor: floors[0] };
  };
  const link = (label: string, to: MapView, testId: string) => (
    <a onClick={() => mapActions.go(to)} data-testid={testId}>
      {label}
    </a>
  );
  const items: NonNullable<Parameters<typeof Breadcrumb>[0]['items']> = [{ title: link(t('map.park'), PARK_VIEW, 'map-crumb-park') }];
  if (view.level !== 'park') {
    items.push({
      title: link(view.building, openBuilding(view.building), 'map-crumb-building'),
      menu: { items: buildings.map((building) => ({ key: building.name, label: building.name, onClick: () => mapActions.go(openBuilding(building.name)) })) },
    });
  }
  if (view.level === 'floor') {
    const floors = buildings.find((building) => building.name === view.building)?.floors ?? [view.floor];
    items.push({
      title: <span data-testid="map-crumb-floor">{view.floor}</span>,
      menu: { items: floors.map((floor) => ({ key: floor, label: floor, onClick: () => mapActions.go({ level: 'floor', building: view.building, floor }) })) },
    });
  }
  return <Breadcrumb className="map-trail" items={items} data-testid="map-trail" />;
}

function Layers() {
  const { t } = useTranslation();
  const counts = useMapUi((state) => state.counts);
  const hidden = useMapUi((state) => state.hidden);
  const kinds = DEVICE_KINDS.filter((kind) => counts?.kinds[kind]);
  return (
    <div className="map-layers" data-testid="map-layers">
      {kinds.map((kind) => (
        <Tag.CheckableTag
          key={kind}
          checked={!hidden.includes(kind)}
          onChange={() => mapActions.toggleKind(kind)}
          data-testid="map-layer"
          data-kind={kind}
          className="map-layer-tag"
        >
          <span className="map-layer-inner">
            <Glyph kind={kind} colour={hidden.includes(kind) ? '#4b5563' : undefined} />
            {t(`devices.kinds.${kind}`)}
            <span className="map-layer-count">{counts?.kinds[kind]}</span>
          </span>
        </Tag.CheckableTag>
      ))}
    </div>
  );
}

function Legend() {
  const { t } = useTranslation();
  const counts = useMapUi((state) => state.counts);
  if (!counts) return null;
  return (
    <div className="map-legend" data-testid="map-legend">
      <span>
        <Badge color="#49aa19" text={`${t('devices.statuses.online')} ${counts.statuses.online}`} />
      </span>
      {(['offline', 'fault', 'unknown'] as const).map((status) => (
        <span key={status} data-testid={`map-legend-${status}`}>
          <Badge color={STATUS_COLOURS[status]} text={`${t(`devices.statuses.${status}`)} ${counts.statuses[status]}`} />
        </span>
      ))}
      <span className={counts.alarms ? 'map-legend-alarm active' : 'map-legend-alarm'} data-testid="map-legend-alarms">
        <Badge status={counts.alarms ? 'processing' : 'default'} color={counts.alarms ? '#ff3b3b' : undefined} text={t('map.alarmCount', { count: counts.alarms })} />
      </span>
    </div>
  );
}

/** Devices of this view without a position: an administrator drags them onto the map. */
function Unplaced() {
  const { t } = useTranslation();
  const unplaced = useMapUi((state) => state.unplaced);
  if (!unplaced.length) return null;
  return (
    <Popover
      trigger="click"
      title={t('map.unplacedTitle')}
      content={
        <div className="map-unplaced" data-testid="map-unplaced">
          {unplaced.slice(0, 200).map((device) => (
            <div
              key={device.code}
              className="map-unplaced-item"
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData(DEVICE_MIME, device.code);
                event.dataTransfer.effectAllowed = 'move';
              }}
            >
              <Glyph kind={device.kind as DeviceKind} /> {device.name}
            </div>
          ))}
        </div>
      }
    >
      <Button size="small" icon={<EnvironmentOutlined />}>
        {t('map.unplaced', { count: unplaced.length })}
      </Button>
    </Popover>
  );
}

/** The station's "map follows alarms" switch, kept like the wall's alarm linkage switch. */
function FollowSwitch() {
  const { t } = useTranslation();
  const [on, setOn] = useState(mapFollowEnabled);
  return (
    <Tooltip title={t('map.follow.hint')}>
      <Switch
        size="small"
        checked={on}
        onChange={(checked) => {
          setMapFollowEnabled(checked);
          setOn(checked);
          if (!checked) mapActions.endFollow();
        }}
        checkedChildren={t('map.follow.switch')}
        unCheckedChildren={t('map.follow.switch')}
        data-testid="map-follow-switch"
      />
    </Tooltip>
  );
}

export function MapToolbar() {
  const { t } = useTranslation();
  const canPlace = usePermission('devices.edit');
  const seesAlarms = usePermission('alarms.read');
  const placing = useMapUi((state) => state.placing);
  const view = useMapUi((state) => state.view);
  const movable = placeable(view);
  return (
    <>
      <PageToolbar>
        <Trail />
        <span className="toolbar-spacer" />
        <Legend />
        {seesAlarms && <FollowSwitch />}
        {canPlace && (
          <Tooltip title={movable ? t('map.placeHint') : t('map.placeNotHere')}>
            <Button
              size="small"
              type={placing ? 'primary' : 'default'}
              icon={<DragOutlined />}
              disabled={!movable}
              onClick={() => mapActions.setPlacing(!placing)}
              data-testid="map-placing"
              aria-pressed={placing}
            >
              {t('map.place')}
            </Button>
          </Tooltip>
        )}
        {canPlace && placing && movable && <Unplaced />}
      </PageToolbar>
      <Layers />
    </>
  );
}
