import { describe, expect, it } from 'vitest';
import type { Device } from '../core/contract';
import { partitionState, planPartition, summariseZones, zoneActions, zoneView } from './zone-state';

type Zone = Pick<Device, 'status' | 'zone'> & { name: string };
const zone = (name: string, state: Device['zone'], status: Device['status'] = 'online'): Zone => ({ name, zone: state, status });

describe('zoneView', () => {
  it('shows the panel state on line and offline over a stale one', () => {
    expect(zoneView(zone('z', 'bypassed'))).toBe('bypassed');
    expect(zoneView(zone('z', 'armed', 'fault'))).toBe('offline');
    expect(zoneView(zone('z', null))).toBe('unknown');
  });
});

it('summarises zones by what they show', () => {
  expect(summariseZones([zone('a', 'armed'), zone('b', 'armed'), zone('c', 'alarm'), zone('d', 'bypassed'), zone('e', 'disarmed', 'offline')])).toEqual({
    armed: 2,
    alarm: 1,
    bypassed: 1,
    disarmed: 0,
    offline: 1,
    unknown: 0,
  });
});

describe('zoneActions', () => {
  it('offers what changes the zone, and nothing for a zone out of reach', () => {
    expect(zoneActions('armed')).toEqual(['disarm', 'bypass']);
    expect(zoneActions('alarm')).toEqual(['disarm', 'bypass']);
    expect(zoneActions('disarmed')).toEqual(['arm', 'bypass']);
    expect(zoneActions('bypassed')).toEqual(['unbypass']);
    expect(zoneActions('offline')).toEqual([]);
  });
});

describe('partitionState', () => {
  it('is in alarm when any zone is', () => {
    expect(partitionState([zone('a', 'armed'), zone('b', 'alarm')])).toBe('alarm');
  });
  it('is armed when every zone that can be is, whatever is bypassed or offline', () => {
    expect(partitionState([zone('a', 'armed'), zone('b', 'bypassed'), zone('c', 'disarmed', 'offline')])).toBe('armed');
  });
  it('is partial when some are armed and some not', () => {
    expect(partitionState([zone('a', 'armed'), zone('b', 'disarmed')])).toBe('partial');
  });
  it('is disarmed when none is armed, offline when none can be reached', () => {
    expect(partitionState([zone('a', 'disarmed'), zone('b', 'bypassed')])).toBe('disarmed');
    expect(partitionState([zone('a', 'armed', 'offline')])).toBe('offline');
  });
});

describe('planPartition', () => {
  const zones = [zone('armed', 'armed'), zone('disarmed', 'disarmed'), zone('alarm', 'alarm'), zone('bypassed', 'bypassed'), zone('gone', 'disarmed', 'offline'), zone('new', null)];
  const names = (items: Zone[]) => items.map((item) => item.name);

  it('arms what is on line and not armed, leaving bypassed zones bypassed', () => {
    const plan = planPartition(zones, 'arm');
    expect(names(plan.send)).toEqual(['disarmed', 'new']);
    expect(names(plan.already)).toEqual(['armed', 'alarm']);
    expect(names(plan.bypassed)).toEqual(['bypassed']);
    expect(names(plan.offline)).toEqual(['gone']);
  });

  it('disarms what is armed or in alarm, and lists the offline zones it skipped', () => {
    const plan = planPartition(zones, 'disarm');
    expect(names(plan.send)).toEqual(['armed', 'alarm', 'new']);
    expect(names(plan.already)).toEqual(['disarmed']);
    expect(names(plan.offline)).toEqual(['gone']);
  });
});
