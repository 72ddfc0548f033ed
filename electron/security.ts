import { app, session, type WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY, isAppUrl, isGrantedPermission } from './policy';

/**
 * Every window gets these: the renderer is web content and is never trusted
 * with Node, the preload runs sandboxed, and only the contract crosses.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // A control room watches video all day: keep tiles playing in windows on other monitors.
    backgroundThrottling: false,
  };
}

/** Hardening that must happen before `ready`: sandbox everything, refuse navigation, popups and webviews. */
export function hardenApp(appIndexUrl: string): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, appIndexUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, appIndexUrl)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Session hardening, after `ready`: deny permissions by default and add a CSP header. */
export function hardenSession(appIndexUrl: string): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isGrantedPermission(permission, details.requestingUrl, appIndexUrl));
  });
  ses.setPermissionCheckHandler((contents, permission) => {
    // The check handler only gets an origin ("file://"); judge by the page actually asking.
    return contents !== null && isGrantedPermission(permission, contents.getURL(), appIndexUrl);
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
