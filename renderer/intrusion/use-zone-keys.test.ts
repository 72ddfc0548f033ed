import { expect, it } from 'vitest';
import { actionForKey } from './use-zone-keys';

it('maps A, D and B to what the zone can take', () => {
  expect(actionForKey('a', { status: 'online', zone: 'disarmed' })).toBe('arm');
  expect(actionForKey('d', { status: 'online', zone: 'armed' })).toBe('disarm');
  expect(actionForKey('b', { status: 'online', zone: 'armed' })).toBe('bypass');
  expect(actionForKey('b', { status: 'online', zone: 'bypassed' })).toBe('unbypass');
});

it('ignores a key that would not change the zone, or a zone out of reach', () => {
  expect(actionForKey('a', { status: 'online', zone: 'armed' })).toBeNull();
  expect(actionForKey('d', { status: 'online', zone: 'bypassed' })).toBeNull();
  expect(actionForKey('a', { status: 'offline', zone: 'disarmed' })).toBeNull();
  expect(actionForKey('x', { status: 'online', zone: 'disarmed' })).toBeNull();
});
