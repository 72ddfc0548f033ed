import { useEffect } from 'react';

/**
 * Whether a window of this station shows the wall: the wall page says so
 * every 2 s on a BroadcastChannel (every window of the app, Electron's or a
 * browser's, shares the origin), so other windows leave alarm linkage to it.
 */
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('vigil.wall') : null;
const SAY_EVERY_MS = 2_000;
let heardAt = 0;
channel?.addEventListener('message', () => (heardAt = Date.now()));

export function useWallPresence(): void {
  useEffect(() => {
    const say = () => channel?.postMessage('wall');
    say();
    const timer = setInterval(say, SAY_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
}

/** Another window said it shows the wall within the last two of its beats. */
export const wallOpenElsewhere = (now = Date.now()): boolean => now - heardAt < SAY_EVERY_MS * 2.5;
