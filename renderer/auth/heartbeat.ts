import { useEffect } from 'react';
import { core } from '../core/client';
import { checkSession } from '../core/query-client';
import { useSession } from './session-store';

const HEARTBEAT_MS = 30_000;
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Tells the core every 30 s whether a person used this window since the last
 * beat; the core, not the window, decides when to lock.
 */
export function useHeartbeat(): void {
  const active = useSession((state) => state.phase === 'signed-in' && !state.locked);
  useEffect(() => {
    if (!active) return;
    let used = false;
    const mark = () => {
      used = true;
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, mark, { passive: true, capture: true });
    const timer = setInterval(() => {
      const wasUsed = used;
      used = false;
      core.call('auth.heartbeat', { active: wasUsed }).catch(checkSession);
    }, HEARTBEAT_MS);
    return () => {
      clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, mark, { capture: true });
    };
  }, [active]);
}
