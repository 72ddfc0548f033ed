/**
 * The person column of the access log: the core masks names and card numbers
 * (张** · 卡号 ****5678); a role holding personal.read may ask for one in full.
 */
export type PersonCell = { text: string; state: 'none' | 'masked' | 'revealed' | 'plain' };

export const isMasked = (text: string | null): boolean => !!text && text.includes('*');

/** What to show for a row, given what the core revealed for it (undefined: not asked). */
export function personCell(masked: string | null, revealed: string | null | undefined): PersonCell {
  if (revealed !== undefined) return revealed === null ? { text: '—', state: 'none' } : { text: revealed, state: 'revealed' };
  if (masked === null || masked === '') return { text: '—', state: 'none' };
  return { text: masked, state: isMasked(masked) ? 'masked' : 'plain' };
}

/** A "show" button only where something is hidden and the role may see it. */
export const canReveal = (cell: PersonCell, allowed: boolean): boolean => allowed && cell.state === 'masked';
