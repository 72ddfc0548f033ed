import { Spin, Tree, type TreeDataNode } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceTreeNode } from '../core/contract';
import { setDeviceFilter, useDevicesUi, type PlaceFilter } from './devices-store';
import { useDeviceTree } from './queries';

function countClass(node: DeviceTreeNode): string {
  if (node.online === node.total) return 'tree-count';
  return node.online === 0 ? 'tree-count down' : 'tree-count partial';
}

/** Turns the core's tree into antd nodes, remembering which filter each node stands for. */
function toTreeData(node: DeviceTreeNode, parent: PlaceFilter, places: Map<string, PlaceFilter>): TreeDataNode {
  const place: PlaceFilter = { ...parent, key: node.key };
  if (node.level !== 'site') place[node.level] = node.name;
  places.set(node.key, place);
  return {
    key: node.key,
    title: (
      <span className="tree-node" data-testid="tree-node" data-level={node.level}>
        <span className="tree-node-name">{node.name}</span>
        <span className={countClass(node)} data-testid="tree-count">
          {node.online}/{node.total}
        </span>
      </span>
    ),
    children: node.children.map((child) => toTreeData(child, place, places)),
  };
}

function defaultExpanded(root: DeviceTreeNode): string[] {
  // Site, areas and buildings open; floors are the leaves.
  return [root.key, ...root.children.flatMap((area) => [area.key, ...area.children.map((building) => building.key)])];
}

export function DeviceTree() {
  const { t } = useTranslation();
  const { data, isPending } = useDeviceTree();
  const placeKey = useDevicesUi((state) => state.place.key);
  const expanded = useDevicesUi((state) => state.expanded);
  const { treeData, places } = useMemo(() => {
    const places = new Map<string, PlaceFilter>();
    return { treeData: data ? [toTreeData(data, { key: 'site' }, places)] : [], places };
  }, [data]);

  if (isPending) return <Spin className="page-spinner" />;
  return (
    <div className="panel" data-testid="device-tree">
      <div className="panel-head">
        {t('devices.tree')}
        {data && (
          <span className="toolbar-spacer" style={{ textAlign: 'right', fontWeight: 400 }}>
            {t('devices.onlineOf', { online: data.online, total: data.total })}
          </span>
        )}
      </div>
      <div className="panel-body">
        <Tree
          blockNode
          showLine
          treeData={treeData}
          selectedKeys={[placeKey]}
          expandedKeys={expanded ?? (data ? defaultExpanded(data) : [])}
          onExpand={(keys) => useDevicesUi.setState({ expanded: keys.map(String) })}
          onSelect={(keys) => {
            // Clicking the selected node again keeps it selected.
            const place = keys.length ? places.get(String(keys[0])) : undefined;
            if (place) setDeviceFilter({ place });
          }}
        />
      </div>
    </div>
  );
}
