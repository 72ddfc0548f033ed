import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPerson } from './mask';

describe('maskPerson', () => {
  it('keeps a name’s first character and a number’s last four digits', () => {
    expect(maskPerson('张伟 · 卡号 10023456')).toBe('张* · 卡号 ****3456');
    expect(maskPerson('欧阳娜娜')).toBe('欧***');
    expect(maskPerson('John Smith, card 0012345678')).toBe('J*** S****, c*** ******5678');
    expect(maskPerson('1234')).toBe('1234');
  });

  it('never leaves five digits in a row or two Han characters in a row', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'张王李赵伟芳娜0123456789 ·abcXYZ') }), (text) => {
        const masked = maskPerson(text);
        expect(masked).not.toMatch(/\d{5}/);
        expect(masked).not.toMatch(/\p{Script=Han}{2}/u);
        expect(masked).toHaveLength(text.length);
      }),
    );
  });
});
