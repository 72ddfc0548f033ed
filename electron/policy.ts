/**
 * The shell's security policy as pure functions, kept free of Electron imports
 * so it can be unit-tested in plain Node.
 */

/** Belt and braces beside the renderer's CSP meta tag; the same policy `vigil serve` sends. */
export { CONTENT_SECURITY_POLICY } from '../main/contract/content-policy';

/**
 * True when `target` is the renderer's own page: same file, any query or hash
 * (the renderer routes with the hash). Everything else is a navigation away
 * from the app and is refused.
 */
export function isAppUrl(target: string, appIndexUrl: string): boolean {
  const url = parseUrl(target);
  const app = parseUrl(appIndexUrl);
  if (!url || !app || app.protocol !== 'file:') return false;
  return url.protocol === 'file:' && url.host === app.host && url.pathname === app.pathname;
}

/**
 * Permissions a window may hold: fullscreen for video tiles and the sanitised
 * clipboard write behind "copy device code". Everything else (camera, mic,
 * geolocation, notifications, openExternal…) is denied.
 */
const GRANTED = new Set<string>(['fullscreen', 'clipboard-sanitized-write']);

export function isGrantedPermission(permission: string, requestingUrl: string, appIndexUrl: string): boolean {
  return GRANTED.has(permission) && isAppUrl(requestingUrl, appIndexUrl);
}

/**
 * Delay before restarting the core after its `failures`-th unexpected exit in
 * a row: 0.5 s doubling up to 30 s, so a core that crashes at start-up does
 * not spin a CPU that duty officers' video needs.
 */
export function restartDelay(failures: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, failures));
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
