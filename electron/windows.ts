import { BrowserWindow, screen, type Display } from 'electron';
import fs from 'node:fs';
import { secureWebPreferences } from './security';
import type { PlannedWindow } from './window-plan';

export type WindowOptions = {
  preload: string;
  indexHtml: string;
  devTools: boolean;
  /** Remembers which displays had a window, so a commander's multi-monitor layout comes back. */
  layoutFile: string;
  onCreated(win: BrowserWindow): void;
};

export type Windows = {
  /** Focuses the window already on `display`, or opens one there, maximised: one window per display. */
  openOn(display: Display, route?: string): BrowserWindow;
  /** Opens what a window asked for (a screen layout or a pop-out); returns how many windows it opened or showed. */
  openPlanned(plan: PlannedWindow[]): number;
  /** Reopens the windows of the last session on displays still attached; at least one, on the primary. */
  restore(): void;
  save(): void;
  focusAny(): void;
};

function displayOf(win: BrowserWindow): Display {
  return screen.getDisplayMatching(win.getBounds());
}

export function createWindows(options: WindowOptions): Windows {
  const popOuts = new Set<number>();

  function openOn(display: Display, route?: string): BrowserWindow {
    const existing = BrowserWindow.getAllWindows().find((win) => !win.isDestroyed() && !popOuts.has(win.id) && displayOf(win).id === display.id);
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
      if (route) load(existing, display, route);
      return existing;
    }
    return create(display, display.workArea, true, route);
  }

  function load(win: BrowserWindow, display: Display, route?: string): void {
    // The display id lets the renderer keep a layout per monitor; the hash is the page (and wall) it shows.
    void win.loadFile(options.indexHtml, { query: { display: String(display.id) }, ...(route ? { hash: route.slice(1) } : {}) });
  }

  function create(display: Display, bounds: Electron.Rectangle, maximise: boolean, route?: string): BrowserWindow {
    const { x, y, width, height } = bounds;
    const win = new BrowserWindow({
      x,
      y,
      width,
      height,
      show: false,
      title: 'Vigil',
      backgroundColor: '#0b1220',
      webPreferences: { ...secureWebPreferences(options.preload), devTools: options.devTools },
    });
    win.once('ready-to-show', () => {
      if (maximise) win.maximize();
      win.show();
    });
    // A crashed or killed renderer must not leave a duty officer looking at a blank screen.
    win.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit' || win.isDestroyed()) return;
      console.error(`Vigil window ${win.id}: renderer gone (${details.reason}); reloading`);
      setTimeout(() => !win.isDestroyed() && win.webContents.reload(), 1_000);
    });
    options.onCreated(win);
    load(win, display, route);
    return win;
  }

  function openPlanned(plan: PlannedWindow[]): number {
    const displays = screen.getAllDisplays();
    for (const planned of plan) {
      const display = displays.find((candidate) => candidate.id === planned.displayId) ?? screen.getPrimaryDisplay();
      if (!planned.popOut) {
        openOn(display, planned.route);
        continue;
      }
      // A pop-out sits in the middle of its display; closing it stops its streams as any window does.
      const area = display.workArea;
      const width = Math.min(1280, area.width);
      const height = Math.min(760, area.height);
      const win = create(display, { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height }, false, planned.route);
      popOuts.add(win.id);
      const id = win.id;
      win.once('closed', () => popOuts.delete(id));
    }
    return plan.length;
  }

  function restore(): void {
    const displays = screen.getAllDisplays();
    let ids: number[] = [];
    try {
      const saved: unknown = JSON.parse(fs.readFileSync(options.layoutFile, 'utf8'));
      if (Array.isArray(saved)) ids = saved.filter((id): id is number => typeof id === 'number');
    } catch {
      // First run or unreadable layout: one window on the primary display.
    }
    const targets = displays.filter((display) => ids.includes(display.id));
    for (const display of targets.length ? targets : [screen.getPrimaryDisplay()]) openOn(display);
  }

  function save(): void {
    const ids = [...new Set(BrowserWindow.getAllWindows().filter((win) => !win.isDestroyed() && !popOuts.has(win.id)).map((win) => displayOf(win).id))];
    // Closing the last window empties the list; keep the layout from before that.
    if (ids.length === 0) return;
    try {
      fs.writeFileSync(options.layoutFile, JSON.stringify(ids));
    } catch (error) {
      console.warn(`Vigil: window layout not saved: ${(error as Error).message}`);
    }
  }

  function focusAny(): void {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return void openOn(screen.getPrimaryDisplay());
    if (win.isMinimized()) win.restore();
    win.focus();
  }

  return { openOn, openPlanned, restore, save, focusAny };
}
