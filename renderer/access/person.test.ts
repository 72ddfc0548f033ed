import { describe, expect, it } from 'vitest';
import { canReveal, personCell } from './person';

describe('personCell', () => {
  it('shows the masked text with a show button for a role allowed to see it', () => {
    const cell = personCell('张** · 卡号 ****5678', undefined);
    expect(cell).toEqual({ text: '张** · 卡号 ****5678', state: 'masked' });
    expect(canReveal(cell, true)).toBe(true);
    expect(canReveal(cell, false)).toBe(false);
  });

  it('shows the full text once revealed, with nothing more to reveal', () => {
    const cell = personCell('张** · 卡号 ****5678', '张伟 · 卡号 12345678');
    expect(cell).toEqual({ text: '张伟 · 卡号 12345678', state: 'revealed' });
    expect(canReveal(cell, true)).toBe(false);
  });

  it('offers nothing where no person was recorded, or nothing was masked', () => {
    expect(personCell(null, undefined)).toEqual({ text: '—', state: 'none' });
    expect(personCell('', undefined).state).toBe('none');
    expect(canReveal(personCell('访客', undefined), true)).toBe(false);
    expect(personCell('张** ', null)).toEqual({ text: '—', state: 'none' });
  });
});
