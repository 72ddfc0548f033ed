import { useEffect, useEffectEvent, type RefObject } from 'react';
import type { InputRef } from 'antd';
import { typingIn } from '../shell/typing';

/**
 * `/` searches this page rather than the device list: the shell's own `/`
 * listener is on the window in the bubbling phase, so this one, capturing,
 * answers first and keeps the key to itself. Not while a dialog is open.
 */
export function usePageSearchKey(input: RefObject<InputRef | null>, dialogOpen: () => boolean): void {
  const blocked = useEffectEvent(dialogOpen);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target) || blocked()) return;
      event.preventDefault();
      event.stopPropagation();
      input.current?.focus({ cursor: 'all' });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [input]);
}
