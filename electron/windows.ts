import { BrowserWindow, screen, type Display } from 'electron';
import fs from 'node:fs';
import { secureWebPreferences } from './security';

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
  openOn(display: Display): BrowserWindow;
  /** Reopens the windows of the last session on displays still attached; at least one, on the primary. */
  restore(): void;
  save(): void;
  focusAny(): void;
};

function displayOf(win: BrowserWindow): Display {
  return screen.getDisplayMatching(win.getBounds());
}

export function createWindows(options: WindowOptions): Windows {
  function openOn(display: Display): BrowserWindow {
    const existing = BrowserWindow.getAllWindows().find((win) => !win.isDestroyed() && displayOf(win).id === display.id);
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
      return existing;
    }
    const { x, y, width, height } = display.workArea;
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
      win.maximize();
      win.show();
    });
    // A crashed or killed renderer must not leave a duty officer looking at a blank screen.
    win.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit' || win.isDestroyed()) return;
      console.error(`Vigil window ${win.id}: renderer gone (${details.reason}); reloading`);
      setTimeout(() => !win.isDestroyed() && win.webContents.reload(), 1_000);
    });
    options.onCreated(win);
    // The display id lets the renderer keep a layout per monitor.
    void win.loadFile(options.indexHtml, { query: { display: String(display.id) } });
    return win;
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
    const ids = [...new Set(BrowserWindow.getAllWindows().filter((win) => !win.isDestroyed()).map((win) => displayOf(win).id))];
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

  return { openOn, restore, save, focusAny };
}
