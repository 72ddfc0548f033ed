import { expect, it } from 'vitest';
import { validReason } from './reason';

it('wants a reason of at least two characters besides spaces', () => {
  expect(validReason(' a ')).toBe(false);
  expect(validReason('访客')).toBe(true);
});
