import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, denyAllPermissions, hardenWebContents, isAppUrl, secureWebPreferences } from '../../electron/main/security.ts';
import { mainWindowOptions, createMainWindow } from '../../electron/main/window.ts';

class FakeContents extends EventEmitter {
  url = 'app://xinhuo/index.html';
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  getURL() {
    return this.url;
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.openHandler = h;
  }
}

function fire(contents: FakeContents, event: string, ...args: unknown[]) {
  const e = { defaultPrevented: false, preventDefault() {
    this.defaultPrevented = true;
  } };
  contents.emit(event, e, ...args);
  return e.defaultPrevented;
}

describe('window security baseline', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, preload: '/app/preload.cjs' });
    expect(mainWindowOptions({ preloadPath: '/p' }).webPreferences).toEqual(secureWebPreferences('/p'));
    // DevTools stay off unless the build is a development one.
    expect(prefs.devTools).toBe(false);
    expect(mainWindowOptions({ preloadPath: '/p', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('has a CSP without inline or remote scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('recognises only the app protocol, and a localhost dev server when one is set', () => {
    expect(isAppUrl('app://xinhuo/index.html', undefined)).toBe(true);
    expect(isAppUrl('app://evil/index.html', undefined)).toBe(false);
    expect(isAppUrl('https://example.com/', undefined)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', undefined)).toBe(false);
    expect(isAppUrl('not a url', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://evil.com:5173/', 'http://evil.com:5173')).toBe(false);
  });

  it('blocks navigation away, redirects, webviews and new windows', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, undefined);
    expect(fire(contents, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(fire(contents, 'will-navigate', 'app://xinhuo/other.html')).toBe(true);
    expect(fire(contents, 'will-navigate', 'app://xinhuo/index.html')).toBe(false); // a reload of itself
    expect(fire(contents, 'will-redirect', 'https://example.com/')).toBe(true);
    expect(fire(contents, 'will-attach-webview', {}, {})).toBe(true);
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'app://xinhuo/index.html' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    denyAllPermissions({ setPermissionRequestHandler: (h: typeof request) => (request = h), setPermissionCheckHandler: (h: typeof check) => (check = h) } as never);
    const cb = vi.fn();
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal']) request!(null, p, cb);
    expect(cb.mock.calls.every(([ok]) => ok === false)).toBe(true);
    expect(check!()).toBe(false);
  });

  it('creates the main window hardened and loads the app protocol, never a remote URL', () => {
    const created: { options: unknown; url?: string; contents: FakeContents }[] = [];
    class FakeWindow extends EventEmitter {
      webContents = new FakeContents();
      constructor(public options: unknown) {
        super();
        created.push({ options, contents: this.webContents });
      }
      loadURL(url: string) {
        created[created.length - 1].url = url;
        return Promise.resolve();
      }
      show() {}
    }
    createMainWindow({ BrowserWindow: FakeWindow as never, preloadPath: '/p.cjs' });
    expect(created[0].url).toBe('app://xinhuo/index.html');
    expect((created[0].options as { webPreferences: unknown }).webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(fire(created[0].contents, 'will-navigate', 'https://example.com/')).toBe(true);
  });
});

describe('a crashed renderer', () => {
  const crashingWindow = () => {
    const contents = new EventEmitter();
    const loaded: string[] = [];
    return { loaded, contents, win: { webContents: contents as never, isDestroyed: () => false, loadURL: async (url: string) => void loaded.push(url) } };
  };

  it('is reloaded with a message, but not in a loop', async () => {
    const { recoverFromCrashes, CRASH_RELOADS } = await import('../../electron/main/window.ts');
    const { win, contents, loaded } = crashingWindow();
    let t = 0;
    const gaveUp: string[] = [];
    recoverFromCrashes(win as never, { now: () => t, giveUp: (r) => gaveUp.push(r) });
    contents.emit('render-process-gone', {}, { reason: 'clean-exit' });
    expect(loaded).toEqual([]);
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 9 });
    expect(loaded).toEqual(['app://xinhuo/index.html?recovered=oom']);
    for (let i = 1; i < CRASH_RELOADS.count; i++) contents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(loaded).toHaveLength(CRASH_RELOADS.count);
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(loaded).toHaveLength(CRASH_RELOADS.count);
    expect(gaveUp).toEqual(['crashed']);
    // A crash long after the others is reloaded again.
    t += CRASH_RELOADS.withinMs + 1;
    contents.emit('render-process-gone', {}, { reason: 'killed' });
    expect(loaded.at(-1)).toBe('app://xinhuo/index.html?recovered=killed');
  });
});
