import { typingIn } from '../shell/typing';

/** The code `step` places away from the selected one in what is shown, or the first. */
export function stepSelection(codes: readonly string[], selected: string | null, step: 1 | -1): string | null {
  if (!codes.length) return null;
  const at = selected === null ? -1 : codes.indexOf(selected);
  if (at < 0) return codes[0]!;
  return codes[Math.min(codes.length - 1, Math.max(0, at + step))]!;
}

/** ↓ or J one down the list, ↑ or K one up; null for any other key. */
export function selectionStep(event: Pick<KeyboardEvent, 'key'>): 1 | -1 | null {
  const key = event.key.toLowerCase();
  if (key === 'j' || event.key === 'ArrowDown') return 1;
  if (key === 'k' || event.key === 'ArrowUp') return -1;
  return null;
}

/** Keys a device page leaves alone: typed into a field, with Alt, Ctrl or Meta, or already taken. */
export function notForTheList(event: KeyboardEvent): boolean {
  return typingIn(event.target) || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented;
}
