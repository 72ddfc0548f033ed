import { Button } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRecord, Device } from '../core/contract';
import { DeviceRow } from '../device-control/device-row';
import type { BuildingGroup } from '../device-control/places';
import { intrusionActions } from './intrusion-ui';
import { PartitionChip, ZoneChip } from './zone-chip';
import { partitionState, zoneActions, zoneView, type ZoneAction } from './zone-state';

type Props = {
  partition: BuildingGroup<Device>;
  /** Every zone of the partition, whatever the filter shows: the partition's state and commands are about all of them. */
  zones: Device[];
  selected: string | null;
  commands: Map<string, CommandRecord>;
  canCommand: boolean;
  onSelect(code: string): void;
};

/** A zone and what may be done to it; neutral buttons, as red is for alarms here and the confirmation says what a disarm means. */
const ZoneRow = memo(function ZoneRow({ zone, selected, command, canCommand, onSelect }: { zone: Device; selected: boolean; command: CommandRecord | undefined; canCommand: boolean; onSelect(code: string): void }) {
  const { t } = useTranslation();
  const view = zoneView(zone);
  const ask = (action: ZoneAction) => intrusionActions.ask({ kind: 'zone', code: zone.code, action });
  return (
    <DeviceRow device={zone} kind="zone-row" view={view} selected={selected} className={`zone-${view}`} command={command} chip={<ZoneChip view={view} status={zone.status} />} onSelect={onSelect}>
      {canCommand && (
        <span className="zone-actions">
          {zoneActions(view).map((action) => (
            <Button
              key={action}
              size="small"
              onClick={(event) => {
                event.stopPropagation();
                ask(action);
              }}
              data-testid={`zone-${action}`}
            >
              {t(`intrusion.actions.${action}`)}
            </Button>
          ))}
        </span>
      )}
    </DeviceRow>
  );
});

/** A partition (a building, the perimeter): its state as a whole, arm and disarm for all, and each zone. */
export function PartitionCard({ partition, zones, selected, commands, canCommand, onSelect }: Props) {
  const { t } = useTranslation();
  const state = partitionState(zones);
  const armed = zones.filter((zone) => zoneView(zone) === 'armed' || zoneView(zone) === 'alarm').length;
  return (
    <section className={`panel partition partition-${state}`} data-testid="partition" data-key={partition.key} data-state={state}>
      <div className="panel-head partition-head">
        <span className="partition-name">{partition.building}</span>
        <span className="partition-area">{partition.area}</span>
        <PartitionChip state={state} />
        <span className="partition-count mono" title={t('intrusion.zones', { count: zones.length })}>
          {armed}/{zones.length}
        </span>
        <span className="toolbar-spacer" />
        {canCommand && (
          <>
            <Button size="small" onClick={() => intrusionActions.ask({ kind: 'partition', key: partition.key, action: 'arm' })} data-testid="partition-arm">
              {t('intrusion.actions.arm')}
            </Button>
            <Button size="small" onClick={() => intrusionActions.ask({ kind: 'partition', key: partition.key, action: 'disarm' })} data-testid="partition-disarm">
              {t('intrusion.actions.disarm')}
            </Button>
          </>
        )}
      </div>
      <div className="partition-zones">
        {partition.items.map((zone) => (
          <ZoneRow key={zone.code} zone={zone} selected={zone.code === selected} command={commands.get(zone.code)} canCommand={canCommand} onSelect={onSelect} />
        ))}
      </div>
    </section>
  );
}
