import { useEffect, useRef } from 'react';
import { notForTheList, selectionStep, stepSelection } from '../device-control/list-keys';
import { accessActions, useAccessUi } from './access-ui';

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
      if (notForTheList(event)) return;
      const { selected, dialogOpen } = useAccessUi.getState();
      if (dialogOpen) return;
      const key = event.key.toLowerCase();
      const step = selectionStep(event);
      if (step) useAccessUi.setState({ selected: stepSelection(latest.current.codes, selected, step) });
      else if (key === 'o' && selected && latest.current.canOpen) accessActions.askToOpen(selected);
      else if (key === 'l' && selected) useAccessUi.setState({ logDoor: selected });
      else if (event.key === 'Escape' && selected) useAccessUi.setState({ selected: null });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
