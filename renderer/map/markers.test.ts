import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../core/contract';
import { MarkerSet, type MarkerDevice } from './markers';
import type { Placed } from './positions';

/** Everything on one 1000×1000 floor; devices elsewhere are not drawn. */
const project = (device: Placed) => (device.floor === '1F' && device.x !== null && device.y !== null ? ([device.x * 1000, device.y * 1000] as [number, number]) : null);

const camera = (code: string, x: number | null, y: number | null, status: DeviceStatus = 'online'): MarkerDevice => ({
  code,
  name: `Camera ${code}`,
  kind: 'ipc',
  status,
  building: 'A',
  floor: '1F',
  x,
  y,
});

function floorOf(devices: MarkerDevice[]): MarkerSet {
  const markers = new MarkerSet(project, 10);
  markers.setDevices(devices);
  return markers;
}

describe('the markers of a view', () => {
  it('redraws the base layer for new markers, and only the overlay for a change of state', () => {
    const markers = new MarkerSet(project, 10);
    expect(markers.setDevices([camera('1', 0.1, 0.1), camera('2', 0.2, 0.2)])).toEqual({ base: true, overlay: true });
    expect(markers.setDevices([camera('1', 0.1, 0.1), camera('2', 0.2, 0.2, 'offline')])).toEqual({ base: false, overlay: true });
    expect(markers.setDevices([camera('1', 0.1, 0.1), camera('2', 0.2, 0.2, 'offline')])).toEqual({ base: false, overlay: false });
    expect(markers.setDevices([camera('1', 0.1, 0.1), camera('2', 0.3, 0.2, 'offline')])).toEqual({ base: true, overlay: true });
    expect(markers.setDevices([camera('1', 0.1, 0.1)])).toEqual({ base: true, overlay: true });
  });

  it('groups markers by kind with their codes in drawing order, and draws trouble over them', () => {
    const door: MarkerDevice = { ...camera('3', 0.5, 0.5, 'fault'), kind: 'door' };
    const markers = floorOf([camera('1', 0.1, 0.1), camera('2', 0.2, 0.2, 'offline'), door]);
    expect(markers.baseGroups()).toEqual([
      { kind: 'ipc', codes: ['1', '2'], points: [[100, 100], [200, 200]] },
      { kind: 'door', codes: ['3'], points: [[500, 500]] },
    ]);
    expect(markers.troubleGroups()).toEqual([
      { kind: 'ipc', status: 'offline', points: [[200, 200]] },
      { kind: 'door', status: 'fault', points: [[500, 500]] },
    ]);
  });

  it('leaves hidden layers out of every group, but still counts them', () => {
    const markers = floorOf([camera('1', 0.1, 0.1, 'offline'), { ...camera('2', 0.2, 0.2), kind: 'door' }]);
    markers.setAlarms(new Map([['1', 'critical']]));
    expect(markers.setHidden(['ipc'])).toEqual({ base: true, overlay: true });
    expect(markers.setHidden(['ipc'])).toEqual({ base: false, overlay: false });
    expect(markers.baseGroups().map((group) => group.kind)).toEqual(['door']);
    expect(markers.troubleGroups()).toEqual([]);
    expect(markers.alarmed()).toEqual([]);
    expect(markers.counts().kinds).toEqual({ ipc: 1, door: 1 });
  });

  it('touches only the overlay for alarms, and only for devices it draws', () => {
    const markers = floorOf([camera('1', 0.1, 0.1), camera('2', 0.2, 0.2)]);
    expect(markers.setAlarms(new Map([['elsewhere', 'critical']]))).toEqual({ base: false, overlay: false });
    expect(markers.setAlarms(new Map([['2', 'minor'], ['1', 'critical']]))).toEqual({ base: false, overlay: true });
    // Most urgent last, so it is drawn on top.
    expect(markers.alarmed().map((alarm) => [alarm.code, alarm.severity])).toEqual([
      ['2', 'minor'],
      ['1', 'critical'],
    ]);
    expect(markers.counts().alarms).toBe(2);
  });

  it('shows a position being saved at once, keeps it over stale lists, and lets go when told', () => {
    const markers = floorOf([camera('1', 0.1, 0.1)]);
    expect(markers.override('1', 0.5, 0.6)).toEqual({ base: true, overlay: true });
    expect(markers.marker('1')!.point).toEqual([500, 600]);
    // A refresh that still carries the old position does not move it back.
    markers.setDevices([camera('1', 0.1, 0.1)]);
    expect(markers.marker('1')!.point).toEqual([500, 600]);
    // The save failed: back where the registry has it.
    expect(markers.release('1')).toEqual({ base: true, overlay: true });
    expect(markers.marker('1')!.point).toEqual([100, 100]);
    expect(markers.release('1')).toEqual({ base: false, overlay: false });
  });

  it('lists devices without a position for placing, and places them once given one', () => {
    const markers = floorOf([camera('1', 0.1, 0.1), camera('2', null, null)]);
    expect(markers.unplaced().map((device) => device.code)).toEqual(['2']);
    expect(markers.counts()).toMatchObject({ unplaced: 1, statuses: { online: 1, offline: 0, fault: 0, unknown: 0 } });
    markers.override('2', 0.4, 0.4);
    expect(markers.unplaced()).toEqual([]);
    expect(markers.marker('2')!.point).toEqual([400, 400]);
  });

  it('fans out devices that share a spot', () => {
    const markers = floorOf([camera('1', 0.5, 0.5), camera('2', 0.5, 0.5)]);
    const [a, b] = [markers.marker('1')!.point, markers.marker('2')!.point];
    expect(a).not.toEqual(b);
    expect(Math.hypot(a[0] - 500, a[1] - 500)).toBeCloseTo(10);
  });
});
