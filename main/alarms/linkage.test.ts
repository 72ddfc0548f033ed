import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST_ALARM_SECONDS, PRE_ALARM_SECONDS } from '../contract';
import type { Core } from '../core';
import { connectClient, testCore } from '../testing/harness';

const ADMIN = { username: 'admin', password: 'Alarm-Desk-2026', displayName: 'Admin' };
const SENSOR = '32061201011340000001';
const code = (type: string, serial: number) => `3206120101${type}0${String(serial).padStart(6, '0')}`;
const NEAR = code('132', 11);
const FAR_ON_FLOOR = code('132', 12);
const UPSTAIRS = code('132', 13);
const OTHER_BUILDING = code('132', 14);
const ELSEWHERE = code('132', 15);
const RAISED = 1_795_000_000_000;
let core: Core;

beforeAll(async () => {
  core = testCore();
  const stream = [{ profile: 'main' as const, url: 'rtsp://127.0.0.1:1/x' }];
  const place = (building: string, floor: string, area = 'North') => ({ area, building, floor, vendor: 'Test', model: 'T', at: 1 });
  core.registry.applyInfo({ code: SENSOR, name: 'Fence 1', ...place('A', '1F'), x: 0.5, y: 0.5, streams: [] });
  core.registry.applyInfo({ code: FAR_ON_FLOOR, name: 'Far', ...place('A', '1F'), x: 0.9, y: 0.9, streams: stream, recording: { vendor: 'generic', url: 'rtsp://nvr/x', channel: 1, timeZoneOffsetMinutes: 0, start: 1 } });
  core.registry.applyInfo({ code: NEAR, name: 'Near', ...place('A', '1F'), x: 0.55, y: 0.5, streams: stream });
  core.registry.applyInfo({ code: UPSTAIRS, name: 'Upstairs', ...place('A', '2F'), x: 0.5, y: 0.5, streams: stream });
  core.registry.applyInfo({ code: OTHER_BUILDING, name: 'B', ...place('B', '1F'), x: 0.5, y: 0.5, streams: stream });
  core.registry.applyInfo({ code: ELSEWHERE, name: 'South', ...place('C', '1F', 'South'), x: 0.5, y: 0.5, streams: stream });
  await connectClient(core).call('auth.setup', { ...ADMIN, station: 'desk' });
});
afterAll(async () => {
  await core?.close();
});

describe('alarm linkage', () => {
  it('links the cameras nearest the alarm (same floor, then building, then area), where it is, and the clip around it', async () => {
    const client = connectClient(core);
    await client.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password, station: 'desk' });
    core.db.transaction(() => core.alarms.raiseFromEvent(SENSOR, { id: 'evt-link-00000001', type: 'intrusion', ts: RAISED }))();
    const [alarm] = await client.call('alarms.get', { ids: ['evt-link-00000001', 'no-such-alarm'] });
    expect(alarm).toMatchObject({ sourceName: 'Fence 1', area: 'North', building: 'A', floor: '1F', steps: 0, count: 1 });
    const linkage = await client.call('alarms.linkage', { id: 'evt-link-00000001' });
    expect(linkage.cameras).toEqual([NEAR, FAR_ON_FLOOR, UPSTAIRS, OTHER_BUILDING]);
    expect(linkage.place).toEqual({ area: 'North', building: 'A', floor: '1F', x: 0.5, y: 0.5 });
    expect(linkage.clip).toEqual({ camera: FAR_ON_FLOOR, from: RAISED - PRE_ALARM_SECONDS * 1000, to: RAISED + POST_ALARM_SECONDS * 1000 });
    await expect(client.call('alarms.linkage', { id: 'no-such-alarm' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await client.call('alarms.list', { area: 'South', limit: 10 })).toEqual([]);
    expect(await client.call('alarms.list', { area: 'North', limit: 10 })).toHaveLength(1);
  });

  it('tells windows once when an alarm goes unacknowledged past its deadline', async () => {
    const client = connectClient(core);
    await client.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password, station: 'desk' });
    const escalated: string[][] = [];
    client.on('alarms.escalated', ({ ids }) => escalated.push(ids));
    // Raised two minutes ago: past a critical alarm's minute.
    core.db.transaction(() => core.alarms.raiseFromEvent(SENSOR, { id: 'evt-late-00000001', type: 'smoke', ts: Date.now() - 120_000 }))();
    await expect.poll(() => escalated.flat(), { timeout: 5_000 }).toContain('evt-late-00000001');
    expect((await client.call('alarms.get', { ids: ['evt-late-00000001'] }))[0]).toMatchObject({ escalated: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(escalated.flat().filter((id) => id === 'evt-late-00000001')).toHaveLength(1);
  });
});
