import { HistoryOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Empty, Tooltip } from 'antd';
import { memo, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRecord, Device } from '../core/contract';
import { DeviceRow } from '../device-control/device-row';
import type { AreaGroup } from '../device-control/places';
import { DoorChip } from './door-chip';
import { doorView, needsAttention } from './door-state';

type Props = {
  groups: AreaGroup<Device>[];
  selected: string | null;
  commands: Map<string, CommandRecord>;
  canOpen: boolean;
  onSelect(code: string): void;
  onOpen(code: string): void;
  onShowLog(code: string): void;
};

// Memoised: the list re-renders as commands tick, a row only when its own door or command changes.
const DoorRow = memo(function DoorRow({ door, selected, command, canOpen, onSelect, onOpen, onShowLog }: { door: Device; selected: boolean; command: CommandRecord | undefined } & Omit<Props, 'groups' | 'selected' | 'commands'>) {
  const { t } = useTranslation();
  const view = doorView(door);
  return (
    <DeviceRow
      device={door}
      kind="door-row"
      view={view}
      selected={selected}
      className={needsAttention(view) ? 'attention' : undefined}
      command={command}
      chip={<DoorChip view={view} status={door.status} />}
      onSelect={onSelect}
    >
      <span className="door-actions">
        <Tooltip title={t('access.logHint')}>
          <Button size="small" type="text" icon={<HistoryOutlined />} aria-label={t('access.logHint')} onClick={(event) => {
              event.stopPropagation();
              onShowLog(door.code);
            }} />
        </Tooltip>
        {canOpen && (
          <Tooltip title={t('access.openHint')}>
            <Button size="small" icon={<UnlockOutlined />} onClick={(event) => {
                event.stopPropagation();
                onOpen(door.code);
              }} data-testid="door-open">
              {t('access.openDoor')}
            </Button>
          </Tooltip>
        )}
      </span>
    </DeviceRow>
  );
});

/** Doors by area and building, bottom floor first, each with its live state and the remote open. */
export function DoorList({ groups, selected, commands, ...actions }: Props) {
  const { t } = useTranslation();
  const doors = useMemo(() => groups.flatMap((area) => area.buildings.flatMap((building) => building.items)), [groups]);
  useEffect(() => {
    if (selected) document.querySelector(`.door-row[data-code="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  if (!doors.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('access.empty')} />;
  return (
    <div className="door-list" data-testid="door-list">
      {groups.map((area) => (
        <section key={area.area} className="door-area">
          <div className="door-area-head">
            <span>{area.area || t('access.noArea')}</span>
            <span className="door-count mono">{area.count}</span>
          </div>
          {area.buildings.map((building) => (
            <div key={building.key} className="door-building" data-testid="door-building">
              <div className="door-building-head">{building.building || t('access.noArea')}</div>
              {building.items.map((door) => (
                <DoorRow key={door.code} door={door} selected={door.code === selected} command={commands.get(door.code)} {...actions} />
              ))}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
