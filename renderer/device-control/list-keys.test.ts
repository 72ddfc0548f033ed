import { expect, it } from 'vitest';
import { selectionStep, stepSelection } from './list-keys';

it('moves the selection through what is shown, stopping at either end', () => {
  const codes = ['a', 'b', 'c'];
  expect(stepSelection(codes, null, 1)).toBe('a');
  expect(stepSelection(codes, 'a', 1)).toBe('b');
  expect(stepSelection(codes, 'c', 1)).toBe('c');
  expect(stepSelection(codes, 'a', -1)).toBe('a');
  expect(stepSelection(codes, 'c', -1)).toBe('b');
});

it('starts again from the top when the selected device was filtered away, and selects nothing in an empty list', () => {
  expect(stepSelection(['a', 'b'], 'gone', 1)).toBe('a');
  expect(stepSelection([], 'a', 1)).toBeNull();
});

it('steps down with J or ↓ and up with K or ↑, whatever the case', () => {
  expect(['j', 'J', 'ArrowDown'].map((key) => selectionStep({ key }))).toEqual([1, 1, 1]);
  expect(['k', 'K', 'ArrowUp'].map((key) => selectionStep({ key }))).toEqual([-1, -1, -1]);
  expect(selectionStep({ key: 'o' })).toBeNull();
});
