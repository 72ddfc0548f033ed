import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './policy';

/**
 * Electron's security checklist (electronjs.org/docs/latest/tutorial/security),
 * item by item, over the shell as it is: the hardening run against stand-ins
 * for Electron's app and session (the binary cannot run everywhere the tests
 * do), and the shell's and preload's source searched for what the list forbids.
 */
type Handler = (...args: unknown[]) => unknown;
const appHandlers = new Map<string, Handler>();
const stub = vi.hoisted(() => ({ enableSandbox: vi.fn(), permission: null as Handler | null, check: null as Handler | null, headers: null as Handler | null }));
vi.mock('electron', () => ({
  app: { enableSandbox: stub.enableSandbox, on: (event: string, handler: Handler) => appHandlers.set(event, handler) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: Handler) => (stub.permission = handler),
      setPermissionCheckHandler: (handler: Handler) => (stub.check = handler),
      webRequest: { onHeadersReceived: (handler: Handler) => (stub.headers = handler) },
    },
  },
}));
const { hardenApp, hardenSession, secureWebPreferences } = await import('./security');

const INDEX = 'file:///opt/Vigil/resources/app.asar/out/renderer/index.html';
const SHELL = ['electron', 'preload'].flatMap((dir) =>
  fs
    .readdirSync(path.resolve(import.meta.dirname, '..', dir))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => ({ file: `${dir}/${name}`, text: fs.readFileSync(path.resolve(import.meta.dirname, '..', dir, name), 'utf8') })),
);

/** A web contents' events as the app's hardening wires them. */
function contents() {
  const events = new Map<string, Handler>();
  let openHandler: Handler | null = null;
  const made = { on: (event: string, handler: Handler) => events.set(event, handler), setWindowOpenHandler: (handler: Handler) => (openHandler = handler) };
  appHandlers.get('web-contents-created')!({}, made);
  const prevented = (event: string, ...args: unknown[]) => {
    const happening = { preventDefault: vi.fn() };
    events.get(event)!(happening, ...args);
    return happening.preventDefault.mock.calls.length > 0;
  };
  return { prevented, open: (url: string) => openHandler!({ url }) };
}

describe('the Electron security checklist', () => {
  beforeEach(() => {
    appHandlers.clear();
    hardenApp(INDEX);
    hardenSession(INDEX);
  });

  it('2–4, 6: windows run sandboxed and isolated, with no Node, web security on, no insecure content, no webview', () => {
    expect(secureWebPreferences('/preload.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
    expect(stub.enableSandbox).toHaveBeenCalled();
    // Every window is made with these, nothing after them loosening one.
    for (const { file, text } of SHELL.filter(({ text }) => text.includes('new BrowserWindow('))) {
      const options = text.slice(text.indexOf('new BrowserWindow('), text.indexOf('});', text.indexOf('new BrowserWindow(')));
      expect(options, file).toMatch(/webPreferences: \{ \.\.\.secureWebPreferences\([^)]*\)(, devTools: [^,}]+)? \}/);
    }
  });

  it('5: permission requests are denied unless the app’s own page asks for fullscreen or a clipboard write', () => {
    const asked = (permission: string, url: string) => {
      const callback = vi.fn();
      stub.permission!({}, permission, callback, { requestingUrl: url });
      return callback.mock.calls[0]![0];
    };
    expect(asked('fullscreen', INDEX)).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) expect(asked(permission, INDEX)).toBe(false);
    expect(asked('fullscreen', 'https://example.com/')).toBe(false);
    expect(stub.check!({ getURL: () => 'https://example.com/' }, 'fullscreen')).toBe(false);
  });

  it('7: every response carries the content security policy, with no script but the app’s own', () => {
    const callback = vi.fn();
    stub.headers!({ responseHeaders: { 'X-Other': ['kept'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['kept'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });

  it('13–14: navigation, redirects, new windows and webviews are refused, the app’s own page allowed', () => {
    const made = contents();
    expect(made.prevented('will-navigate', 'https://example.com/')).toBe(true);
    expect(made.prevented('will-navigate', `${INDEX}#/alarms`)).toBe(false);
    expect(made.prevented('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(made.prevented('will-attach-webview')).toBe(true);
    expect(made.open('https://example.com/')).toEqual({ action: 'deny' });
  });

  it('8–12, 15–16: nothing in the shell or the preload turns a protection off, opens links, or exposes Electron to the page', () => {
    const forbidden = [
      /nodeIntegration\w*: true/,
      /contextIsolation: false/,
      /sandbox: false/,
      /webSecurity: false/,
      /allowRunningInsecureContent: true/,
      /experimentalFeatures/,
      /enableBlinkFeatures/,
      /webviewTag: true/,
      /shell\.openExternal/,
      /enableRemoteModule|@electron\/remote/,
      /exposeInMainWorld\([^,]+,\s*(ipcRenderer|require)/,
    ];
    const found = SHELL.flatMap(({ file, text }) => forbidden.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`));
    expect(found).toEqual([]);
    expect(SHELL.map(({ file }) => file)).toEqual(expect.arrayContaining(['electron/security.ts', 'electron/windows.ts', 'preload/index.ts']));
  });
});
