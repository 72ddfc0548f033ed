import { app, BrowserWindow, dialog, ipcMain, screen } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startCore, type CoreHost } from './core-host';
import { installMenu } from './menu';
import { importSecrets, readSecretsWithDataKey } from './secrets';
import { hardenApp, hardenSession } from './security';
import { argValue, readSiteConfig, type SiteConfig } from './site-config';
import { parseWindowRequests, planWindows } from './window-plan';
import { createWindows } from './windows';
import { isAppUrl } from './policy';

/*
 * The Electron shell: windows, menus, security settings and the core's
 * utilityProcess. No product logic lives here; it all sits in the core (main/).
 */

// Tests and side-by-side stations use their own profile folder.
if (process.env.VIGIL_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.VIGIL_USER_DATA_DIR));

const appRoot = app.getAppPath();
const paths = {
  preload: path.join(appRoot, 'out/preload/index.cjs'),
  indexHtml: path.join(appRoot, 'out/renderer/index.html'),
  core: path.join(appRoot, 'out/core/utility.js'),
};
const appIndexUrl = pathToFileURL(paths.indexHtml).href;

hardenApp(appIndexUrl);

const secretsToImport = argValue(process.argv, 'import-secrets');
if (secretsToImport) {
  // IT provisioning runs beside a running station, so it takes no single-instance lock.
  void app.whenReady().then(() => {
    try {
      const stored = importSecrets(path.resolve(secretsToImport));
      console.log(`Stored ${Object.keys(stored).join(', ')} encrypted in ${app.getPath('userData')}; delete ${secretsToImport} now.`);
      app.exit(0);
    } catch (error) {
      console.error(`Vigil: ${(error as Error).message}`);
      app.exit(1);
    }
  });
} else if (!app.requestSingleInstanceLock()) {
  // Two instances would open the same station database; the first one gets focused instead.
  app.quit();
} else {
  void app.whenReady().then(start);
}

/** The Electron-ABI better-sqlite3, built apart so node_modules keeps the Node build for tests and `vigil serve`. */
function nativeBinding(): string | null {
  const file = app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(appRoot, 'native', 'electron', 'better_sqlite3.node');
  if (fs.existsSync(file)) return file;
  console.warn(`Vigil: ${file} is missing; the core will try node_modules' better-sqlite3 (run node scripts/electron-native.mjs to build it)`);
  return null;
}

function coreEnv(site: SiteConfig | null, userData: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // Demo data never mixes with a real site's history.
  env.VIGIL_DATA_DIR = path.join(userData, site ? 'station' : 'demo');
  if (site) {
    env.VIGIL_SITE_ID = site.id;
    env.VIGIL_SITE_NAME = site.name;
    env.VIGIL_BROKER_URL = site.brokerUrl;
    if (site.brokerUsername) env.VIGIL_BROKER_USERNAME = site.brokerUsername;
  } else {
    env.VIGIL_DEMO = '1';
  }
  const binding = nativeBinding();
  if (binding) env.VIGIL_SQLITE_BINDING = binding;
  return env;
}

function start(): void {
  hardenSession(appIndexUrl);
  const userData = app.getPath('userData');
  let site: SiteConfig | null;
  try {
    site = readSiteConfig(path.resolve(argValue(process.argv, 'site-config') ?? path.join(userData, 'site.json')));
  } catch (error) {
    // Never fall back to the demo park here: an officer would believe they watch the real site.
    dialog.showErrorBox('Vigil: site configuration is unusable', (error as Error).message);
    app.exit(1);
    return;
  }

  const core: CoreHost = startCore({
    modulePath: paths.core,
    env: coreEnv(site, userData),
    secrets: readSecretsWithDataKey,
    logHint: app.isPackaged ? `See the logs in ${path.join(userData, site ? 'station' : 'demo', 'logs')}.` : 'See the terminal output.',
  });
  const devTools = !app.isPackaged;
  const windows = createWindows({
    ...paths,
    devTools,
    layoutFile: path.join(userData, 'windows.json'),
    onCreated: (win) => core.attach(win.webContents, `window-${win.id}`),
  });
  installMenu({ openOn: (display) => windows.openOn(display), devTools });
  // Screen layouts and pop-outs: a window may only ask for app routes, on monitors by number.
  ipcMain.handle('vigil:open-windows', (event, raw: unknown) => {
    if (!isAppUrl(event.senderFrame?.url ?? '', appIndexUrl)) throw new Error('refused window request: not from the app');
    const asker = BrowserWindow.fromWebContents(event.sender);
    const askerDisplay = asker ? screen.getDisplayMatching(asker.getBounds()).id : screen.getPrimaryDisplay().id;
    const plan = planWindows(parseWindowRequests(raw), screen.getAllDisplays(), screen.getPrimaryDisplay().id, askerDisplay);
    return windows.openPlanned(plan);
  });
  // Reports (the monthly energy report): Chromium prints the asking window's report to a PDF file the user names.
  ipcMain.handle('vigil:save-pdf', async (event, raw: unknown) => {
    if (!isAppUrl(event.senderFrame?.url ?? '', appIndexUrl)) throw new Error('refused PDF request: not from the app');
    const name = typeof raw === 'string' && /^[^/\\:*?"<>|]{1,120}\.pdf$/.test(raw) ? raw : 'report.pdf';
    const asker = BrowserWindow.fromWebContents(event.sender);
    const target = asker ? await dialog.showSaveDialog(asker, { defaultPath: name, filters: [{ name: 'PDF', extensions: ['pdf'] }] }) : null;
    if (!target || target.canceled || !target.filePath) return false;
    const pdf = await event.sender.printToPDF({ printBackground: true, pageSize: 'A4' });
    await fs.promises.writeFile(target.filePath, pdf);
    return true;
  });
  windows.restore();

  app.on('second-instance', () => windows.focusAny());
  app.on('activate', () => windows.focusAny());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    // Hold the quit until the core has flushed and closed its database.
    event.preventDefault();
    stopped = true;
    windows.save();
    void core.stop().finally(() => app.quit());
  });
}
