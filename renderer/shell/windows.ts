import type { VigilBridge, WindowRequest } from '../core/contract';

type ScreenArea = { left: number; top: number; width: number; height: number };
type ScreenDetails = { screens: (ScreenArea & { availLeft: number; availTop: number; availWidth: number; availHeight: number; isPrimary: boolean })[] };
type WindowManagement = { getScreenDetails?: () => Promise<ScreenDetails> };

/** The monitors, primary first, once the officer allowed window placement (Window Management API). */
let screens: ScreenArea[] | null = null;

const shell = () => (window as unknown as { vigil?: VigilBridge }).vigil;

/** True in the desktop app, where the shell opens windows without a click. */
export function inDesktopApp(): boolean {
  return !!shell();
}

/** True when windows can go to particular monitors: always in the desktop app, in a browser once allowed. */
export function canPlaceOnScreens(): boolean {
  return inDesktopApp() || screens !== null;
}

/**
 * Asks the browser for the monitors (it prompts once). Call it from a click:
 * the answer is kept so a later layout opens in the same click that asks.
 */
export async function allowScreenPlacement(): Promise<number> {
  const api = window as unknown as WindowManagement;
  if (!api.getScreenDetails) return 0;
  try {
    const details = await api.getScreenDetails();
    const ordered = [...details.screens.filter((s) => s.isPrimary), ...details.screens.filter((s) => !s.isPrimary)];
    screens = ordered.map((s) => ({ left: s.availLeft, top: s.availTop, width: s.availWidth, height: s.availHeight }));
    return screens.length;
  } catch {
    return 0;
  }
}

/**
 * Opens app windows: in the desktop app through the shell, which puts one on
 * each monitor; in a browser as pop-outs (same origin, so they share this
 * tab's session), monitor 0 being this window. Returns how many windows the
 * browser's pop-up blocker refused, so the officer can be told.
 */
export async function openWindows(requests: WindowRequest[]): Promise<number> {
  const desktop = shell();
  if (desktop) {
    await desktop.openWindows(requests);
    return 0;
  }
  let blocked = 0;
  // Synchronously, in the click that asked: a browser allows pop-ups only there.
  for (const request of requests) {
    if (request.screen === 0) {
      location.hash = request.route;
      continue;
    }
    const url = `${location.pathname}${location.search}${request.route}`;
    const area = request.screen === null ? null : screens?.[request.screen];
    const features = area ? `popup,left=${area.left},top=${area.top},width=${area.width},height=${area.height}` : 'popup,width=1280,height=760';
    // Named per monitor, so opening a layout again reuses its windows.
    const name = request.screen === null ? `vigil-popout-${Date.now()}` : `vigil-screen-${request.screen}`;
    if (!window.open(url, name, features)) blocked++;
  }
  return blocked;
}
