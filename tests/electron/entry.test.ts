// The main entry and the preload with Electron mocked: what they register and expose.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_NAMES, CHANNELS } from '../../shared/ipc/channels.ts';

const electron = vi.hoisted(() => {
  const state = {
    ready: null as null | (() => void),
    handled: new Map<string, unknown>(),
    exposed: new Map<string, unknown>(),
    invoked: [] as [string, unknown][],
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (req: { url: string }) => Promise<Response>>(),
    windows: [] as { options: Record<string, unknown>; url?: string }[],
    appEvents: new Map<string, (...a: unknown[]) => void>(),
    permissionRequest: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
  };
  class BrowserWindow {
    static getAllWindows = () => [];
    static getFocusedWindow = () => null;
    webContents = { on: () => {}, setWindowOpenHandler: () => {}, getURL: () => '' };
    constructor(public options: Record<string, unknown>) {
      state.windows.push({ options });
    }
    once() {}
    loadURL(url: string) {
      state.windows[state.windows.length - 1].url = url;
      return Promise.resolve();
    }
  }
  const module = {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      whenReady: () => ({ then: (f: () => void) => (state.ready = f) }),
      on: (e: string, f: (...a: unknown[]) => void) => state.appEvents.set(e, f),
      getName: () => 'xinhuo',
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: (c: string, l: unknown) => state.handled.set(c, l) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.schemes.push(...s),
      handle: (scheme: string, h: (req: { url: string }) => Promise<Response>) => state.protocolHandlers.set(scheme, h),
    },
    session: { defaultSession: { setPermissionRequestHandler: (h: typeof state.permissionRequest) => (state.permissionRequest = h), setPermissionCheckHandler: () => {} } },
    shell: { showItemInFolder: vi.fn() },
    contextBridge: { exposeInMainWorld: (k: string, v: unknown) => state.exposed.set(k, v) },
    ipcRenderer: { invoke: (c: string, p: unknown) => (state.invoked.push([c, p]), Promise.resolve({ ok: true, value: null })) },
  };
  return { state, module };
});

vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

describe('main process entry', () => {
  beforeEach(() => vi.resetModules());

  it('registers the privileged app scheme, then on ready the protocol, permissions, IPC and a sandboxed window', async () => {
    await import('../../electron/main/index.ts');
    expect(electron.state.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(electron.state.ready).not.toBeNull();
    electron.state.ready!();
    expect([...electron.state.handled.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(electron.state.protocolHandlers.has('app')).toBe(true);
    const cb = vi.fn();
    electron.state.permissionRequest!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    const win = electron.state.windows[0];
    expect(win.url).toBe('app://xinhuo/index.html');
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    // Packaged: no DevTools.
    expect(win.options.webPreferences).toMatchObject({ devTools: false });
    expect(electron.state.appEvents.has('web-contents-created')).toBe(true);
    // A packaged app ignores a dev server URL from the environment.
    const served = await electron.state.protocolHandlers.get('app')!({ url: 'app://xinhuo/../../etc/passwd' });
    expect(served.status).toBe(404);
  });
});

describe('preload', () => {
  it('exposes one function per channel and nothing else', async () => {
    await import('../../electron/preload/index.ts');
    const api = electron.state.exposed.get('xinhuo') as Record<string, (p?: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual(Object.values(API_NAMES).sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api.filesOpen({ multiple: true });
    await api.appInfo();
    expect(electron.state.invoked).toEqual([
      ['files:open', { multiple: true }],
      ['app:info', undefined],
    ]);
  });
});
