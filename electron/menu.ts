import { app, Menu, screen, type Display, type MenuItemConstructorOptions } from 'electron';

type Labels = {
  window: string;
  newWindowOn: (n: number, display: Display, primary: boolean) => string;
  view: string;
  reload: string;
  fullscreen: string;
  devTools: string;
  quit: string;
};

// The shell's only strings; the renderer carries the product's translations.
const LABELS: Record<'zh' | 'en', Labels> = {
  zh: {
    window: '窗口',
    newWindowOn: (n, d, primary) => `在显示器 ${n} 上打开窗口（${d.size.width}×${d.size.height}${primary ? '，主显示器' : ''}）`,
    view: '视图',
    reload: '重新加载',
    fullscreen: '全屏',
    devTools: '开发者工具',
    quit: '退出 Vigil',
  },
  en: {
    window: 'Window',
    newWindowOn: (n, d, primary) => `New window on display ${n} (${d.size.width}×${d.size.height}${primary ? ', primary' : ''})`,
    view: 'View',
    reload: 'Reload',
    fullscreen: 'Toggle Full Screen',
    devTools: 'Toggle Developer Tools',
    quit: 'Quit Vigil',
  },
};

function labels(): Labels {
  const language = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
  return language.toLowerCase().startsWith('zh') ? LABELS.zh : LABELS.en;
}

export type MenuActions = { openOn(display: Display): void; devTools: boolean };

/** Builds the application menu, and rebuilds it when monitors come and go. */
export function installMenu(actions: MenuActions): void {
  const build = () => Menu.setApplicationMenu(Menu.buildFromTemplate(template(actions)));
  build();
  screen.on('display-added', build);
  screen.on('display-removed', build);
}

function template(actions: MenuActions): MenuItemConstructorOptions[] {
  const t = labels();
  const primaryId = screen.getPrimaryDisplay().id;
  const displayItems = screen.getAllDisplays().map(
    (display, index): MenuItemConstructorOptions => ({
      label: t.newWindowOn(index + 1, display, display.id === primaryId),
      click: () => actions.openOn(display),
    }),
  );
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: t.reload },
    { role: 'togglefullscreen', label: t.fullscreen },
    ...(actions.devTools ? [{ role: 'toggleDevTools', label: t.devTools } as const] : []),
  ];
  return [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    // Without an Edit menu, copy and paste shortcuts do nothing on macOS.
    { role: 'editMenu' },
    { label: t.view, submenu: view },
    { label: t.window, submenu: [...displayItems, { type: 'separator' }, { role: 'minimize' }, { role: 'quit', label: t.quit }] },
  ];
}
