import type { ReactNode } from 'react';
import type { CommandRecord, Device } from '../core/contract';
import { CommandBadge } from './command-views';

type Props = {
  device: Pick<Device, 'code' | 'name' | 'floor'>;
  /** The page's own class and test id for its rows (door-row, zone-row). */
  kind: string;
  /** What the row shows of the device, for styles and tests. */
  view: string;
  selected: boolean;
  /** Further classes: what wants attention. */
  className?: string;
  command: CommandRecord | undefined;
  /** The device's state chip. */
  chip: ReactNode;
  onSelect(code: string): void;
  /** What may be done to it. */
  children?: ReactNode;
};

/** One door or zone in a list: floor, name, the command under way, its state, its actions. */
export function DeviceRow({ device, kind, view, selected, className, command, chip, onSelect, children }: Props) {
  return (
    <div
      className={['device-row', kind, selected && 'selected', className].filter(Boolean).join(' ')}
      onClick={() => onSelect(device.code)}
      data-testid={kind}
      data-code={device.code}
      data-view={view}
      aria-selected={selected}
    >
      <span className="device-floor mono">{device.floor}</span>
      <span className="device-name" title={`${device.name} · ${device.code}`}>
        {device.name}
      </span>
      {command && <CommandBadge record={command} />}
      {chip}
      {children}
    </div>
  );
}
