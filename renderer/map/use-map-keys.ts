import { useEffect } from 'react';
import { useDevicesUi } from '../devices/devices-store';
import { typingIn } from '../shell/typing';
import { mapActions, useMapUi } from './map-store';

/**
 * Backspace and Escape go up a level (floor → building → park); Escape first
 * closes the device panel when one is open, then the alarm linkage bar. Keys
 * typed into a field, and keys meant for an open drawer, are left alone.
 */
export function useMapKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingIn(event.target) || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (useDevicesUi.getState().openCode) return;
      if (event.key === 'Escape' && useMapUi.getState().selected) mapActions.select(null);
      else if (event.key === 'Escape' && useMapUi.getState().follow) mapActions.endFollow();
      else if (event.key === 'Escape' || event.key === 'Backspace') {
        if (!mapActions.up()) return;
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
