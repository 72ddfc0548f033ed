import { SearchOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Input, Spin, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../core/contract';
import { CAMERA_MIME } from './video-tile';
import { wallActions } from './wall-store';

/** Cameras by building and floor; drag one onto a tile, or double-click to show it on the selected tile. */
export function CameraList({ cameras, loading }: { cameras: Device[]; loading: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Everything open unless the officer closed it, so cameras announced later show up unfolded.
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const treeData = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const buildings = new Map<string, Map<string, Device[]>>();
    for (const camera of cameras) {
      if (needle && !`${camera.name} ${camera.code} ${camera.building}`.toLowerCase().includes(needle)) continue;
      const floors = buildings.get(camera.building) ?? new Map<string, Device[]>();
      buildings.set(camera.building, floors);
      floors.set(camera.floor, [...(floors.get(camera.floor) ?? []), camera]);
    }
    return [...buildings].map(([building, floors]): TreeDataNode => ({
      key: building,
      title: building,
      selectable: false,
      children: [...floors].map(([floor, list]) => ({
        key: `${building}/${floor}`,
        title: floor,
        selectable: false,
        children: list.map((camera) => ({
          key: camera.code,
          isLeaf: true,
          title: (
            <span
              className="camera-item"
              draggable
              data-testid="camera-item"
              data-code={camera.code}
              onDragStart={(event) => {
                event.dataTransfer.setData(CAMERA_MIME, camera.code);
                event.dataTransfer.effectAllowed = 'copy';
              }}
              onDoubleClick={() => wallActions.show(camera.code)}
            >
              <VideoCameraOutlined className={`camera-status ${camera.status}`} /> {camera.name}
            </span>
          ),
        })),
      })),
    }));
  }, [cameras, search]);

  return (
    <div className="panel wall-cameras" data-testid="camera-list">
      <div className="panel-head">{t('wall.cameras', { count: cameras.length })}</div>
      <div style={{ padding: 6 }}>
        <Input allowClear size="small" prefix={<SearchOutlined />} placeholder={t('wall.searchCameras')} value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      <div className="panel-body">
        {loading ? (
          <Spin />
        ) : (
          <Tree
            blockNode
            treeData={treeData}
            expandedKeys={treeData.flatMap((building) => [building.key, ...(building.children ?? []).map((floor) => floor.key)]).filter((key) => !collapsed.has(String(key)))}
            onExpand={(_keys, { node, expanded }) =>
              setCollapsed((previous) => {
                const next = new Set(previous);
                if (expanded) next.delete(String(node.key));
                else next.add(String(node.key));
                return next;
              })
            }
          />
        )}
      </div>
    </div>
  );
}
