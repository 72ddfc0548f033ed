import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { DeviceRegistry, floorOrder, type DeviceInfo } from './registry';

const CAMERA = '32061201011320000001';
const DOOR = '32061201011400000002';
const info = (code: string, at: number, name = 'Camera'): DeviceInfo => ({
  code,
  name,
  area: 'North',
  building: 'A',
  floor: '1F',
  vendor: 'v',
  model: 'm',
  streams: [],
  at,
});

function registry() {
  const db = openDatabase(':memory:');
  return { db, registry: new DeviceRegistry(db) };
}

describe('device registry', () => {
  it('stores a replayed message once and never lets an older one win', () => {
    const { db, registry: devices } = registry();
    expect(devices.applyInfo(info(CAMERA, 100))).toBe(true);
    expect(devices.applyStatus({ code: CAMERA, status: 'online', at: 100 })).toBe(true);
    expect(devices.applyStatus({ code: CAMERA, status: 'offline', at: 200 })).toBe(true);
    expect(devices.applyStatus({ code: CAMERA, status: 'offline', at: 200 })).toBe(false);
    expect(devices.applyStatus({ code: CAMERA, status: 'online', at: 150 })).toBe(false);
    expect(devices.applyInfo(info(CAMERA, 50, 'Old name'))).toBe(false);
    expect(devices.get(CAMERA)).toMatchObject({ name: 'Camera', kind: 'ipc', status: 'offline', statusSince: 200, lastSeen: 200 });
    expect(db.prepare('SELECT count(*) AS n FROM device_history').get()).toEqual({ n: 2 });
  });

  it('keeps a status that arrives before the registration', () => {
    const { registry: devices } = registry();
    devices.applyStatus({ code: DOOR, status: 'online', at: 10 });
    expect(devices.has(DOOR)).toBe(true);
    devices.applyInfo(info(DOOR, 5, 'Main gate'));
    expect(devices.get(DOOR)).toMatchObject({ name: 'Main gate', kind: 'door', status: 'online', building: 'A' });
  });

  it('builds the tree with online counts and filters the list', () => {
    const { registry: devices } = registry();
    devices.applyInfo(info(CAMERA, 1));
    devices.applyInfo({ ...info(DOOR, 1, 'Gate 50%'), building: 'B' });
    devices.applyStatus({ code: CAMERA, status: 'online', at: 2 });
    const tree = devices.tree('Park');
    expect(tree).toMatchObject({ total: 2, online: 1 });
    expect(tree.children[0]!.children.map((node) => [node.name, node.total, node.online])).toEqual([
      ['A', 1, 1],
      ['B', 1, 0],
    ]);
    expect(devices.list({ building: 'B', limit: 10, offset: 0 }).items.map((d) => d.code)).toEqual([DOOR]);
    expect(devices.list({ search: '50%', limit: 10, offset: 0 }).total).toBe(1);
    expect(devices.list({ search: '%', limit: 10, offset: 0 }).total).toBe(1);
    expect(devices.list({ status: 'online', limit: 10, offset: 0 }).items.map((d) => d.code)).toEqual([CAMERA]);
  });
});

describe('floor order', () => {
  it('puts basements below ground and numbers in numeric order', () => {
    expect(['3F', 'B1', '10F', 'Roof', '1F', 'B2', '2F'].sort(floorOrder)).toEqual(['B2', 'B1', '1F', '2F', '3F', '10F', 'Roof']);
  });
});
