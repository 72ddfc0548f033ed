import { describe, expect, it } from 'vitest';
import { ContractError, type Device } from '../contract';
import { checkCommand } from './rules';

const door = (status: Device['status']) => ({ code: '32061201011400000001', name: '1号楼东门', kind: 'door', status }) as Device;

function refusal(run: () => void): ContractError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkCommand', () => {
  it('refuses a command for a device that is not online with device_offline, naming the device and its status', () => {
    for (const status of ['offline', 'fault', 'unknown'] as const) {
      expect(refusal(() => checkCommand(door(status), 'door.open', { reason: '访客到访' })).toWire()).toEqual({
        code: 'device_offline',
        message: `1号楼东门 is ${status}: the command cannot reach it; send someone instead`,
      });
    }
    expect(() => checkCommand(door('online'), 'door.open', { reason: '访客到访' })).not.toThrow();
  });

  it('says what is wrong with the command before whether the device is reachable', () => {
    expect(refusal(() => checkCommand(door('offline'), 'door.open', {})).code).toBe('invalid_input');
    expect(refusal(() => checkCommand(door('offline'), 'zone.arm', {})).code).toBe('invalid_input');
  });
});
