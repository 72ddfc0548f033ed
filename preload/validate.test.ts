import { describe, expect, it } from 'vitest';
import { METHODS } from '../main/contract';
import { checkCall } from './validate';

describe('checkCall', () => {
  it('passes a well-formed call to a contract method', () => {
    const message = { t: 'call', id: 7, method: 'devices.tree', input: {} };
    expect(checkCall(message)).toEqual({ ok: true, message });
  });

  it('passes every method the contract declares', () => {
    for (const method of METHODS) expect(checkCall({ t: 'call', id: 1, method, input: null }).ok).toBe(true);
  });

  it('refuses a method outside the contract, answering its id', () => {
    const checked = checkCall({ t: 'call', id: 3, method: 'fs.readFile', input: { path: '/etc/passwd' } });
    expect(checked).toMatchObject({ ok: false, id: 3, error: { code: 'unknown_method' } });
  });

  it('refuses inherited object keys as methods', () => {
    expect(checkCall({ t: 'call', id: 1, method: 'constructor', input: {} }).ok).toBe(false);
    expect(checkCall({ t: 'call', id: 1, method: '__proto__', input: {} }).ok).toBe(false);
  });

  it.each([
    ['not an object', 'devices.tree', null],
    ['a string', '{"t":"call"}', null],
    ['an extra key', { t: 'call', id: 1, method: 'devices.tree', input: {}, port: 1 }, 1],
    ['a wrong tag', { t: 'result', id: 2, method: 'devices.tree', input: {} }, 2],
    ['a negative id', { t: 'call', id: -1, method: 'devices.tree', input: {} }, null],
    ['a fractional id', { t: 'call', id: 1.5, method: 'devices.tree', input: {} }, null],
    ['an over-long method', { t: 'call', id: 4, method: 'x'.repeat(65), input: {} }, 4],
  ])('refuses %s', (_name, message, id) => {
    expect(checkCall(message)).toMatchObject({ ok: false, id, error: { code: 'invalid_input' } });
  });
});
