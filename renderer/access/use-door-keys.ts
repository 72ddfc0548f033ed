import { useEffect, useRef } from 'react';
import { typingIn } from '../shell/typing';
import { accessActions, useAccessUi } from './access-ui';

/** The code `step` doors away from the selected one in what is shown, or the first. */
export function stepSelection(codes: readonly string[], selected: string | null, step: 1 | -1): string | null {
  if (!codes.length) return null;
  const at = selected === null ? -1 : codes.indexOf(selected);
  if (at < 0) return codes[0]!;
  return codes[Math.min(codes.length - 1, Math.max(0, at + step))]!;
}

/**
 * ↑/↓ or J/K move through the doors shown, O asks to open the selected one
 * (the dialog still wants a reason), L shows its log, Esc lets go. Never
 * while typing or while a dialog is open.
 */
export function useDoorKeys(codes: string[], canOpen: boolean): void {
  const latest = useRef({ codes, canOpen });
  useEffect(() => {
    latest.current = { codes, canOpen };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingIn(event.target) || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const { selected, dialogOpen } = useAccessUi.getState();
      if (dialogOpen) return;
      const key = event.key.toLowerCase();
      if (key === 'j' || key === 'k' || event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        useAccessUi.setState({ selected: stepSelection(latest.current.codes, selected, key === 'j' || event.key === 'ArrowDown' ? 1 : -1) });
      } else if (key === 'o' && selected && latest.current.canOpen) accessActions.askToOpen(selected);
      else if (key === 'l' && selected) useAccessUi.setState({ logDoor: selected });
      else if (event.key === 'Escape' && selected) useAccessUi.setState({ selected: null });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
