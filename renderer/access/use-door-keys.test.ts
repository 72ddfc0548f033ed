import { expect, it } from 'vitest';
import { stepSelection } from './use-door-keys';

it('moves the selection through what is shown, stopping at either end', () => {
  const codes = ['a', 'b', 'c'];
  expect(stepSelection(codes, null, 1)).toBe('a');
  expect(stepSelection(codes, 'a', 1)).toBe('b');
  expect(stepSelection(codes, 'c', 1)).toBe('c');
  expect(stepSelection(codes, 'a', -1)).toBe('a');
  expect(stepSelection(codes, 'c', -1)).toBe('b');
});

it('starts again from the top when the selected door was filtered away, and selects nothing in an empty list', () => {
  expect(stepSelection(['a', 'b'], 'gone', 1)).toBe('a');
  expect(stepSelection([], 'a', 1)).toBeNull();
});
