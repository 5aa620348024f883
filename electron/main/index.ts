// Main process entry: registers the app:// protocol, denies permissions, wires the validated
// IPC handlers and opens the window.

import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { readFile, rename, stat, writeFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createHandlers, registerIpc, type MainDeps } from './ipc.ts';
import { serveAppRequest } from './protocol.ts';
import { APP_SCHEME, denyAllPermissions, hardenWebContents, isAppUrl } from './security.ts';
import { createMainWindow } from './window.ts';

// Only an unpackaged build may use a dev server, and only on localhost (checked in isAppUrl).
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererRoot = join(__dirname, '../renderer');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

function focusedWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

const deps: MainDeps = {
  showOpenDialog: (options) => {
    const win = focusedWindow();
    const opts = options as Electron.OpenDialogOptions;
    return win ? dialog.showOpenDialog(win, opts) : dialog.showOpenDialog(opts);
  },
  showSaveDialog: (options) => {
    const win = focusedWindow();
    return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
  },
  readFile: async (path) => new Uint8Array(await readFile(path)),
  fileSize: async (path) => (await stat(path)).size,
  writeFileAtomic: async (path, bytes) => {
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(tmp, bytes);
      await rename(tmp, path);
    } catch (e) {
      await unlink(tmp).catch(() => {});
      throw e;
    }
  },
  showItemInFolder: (path) => shell.showItemInFolder(path),
  appInfo: () => ({
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
  }),
  isTrustedUrl: (url) => isAppUrl(url, devServerUrl),
};

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl));

app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererRoot, request.url, { readFile: async (f) => new Uint8Array(await readFile(f)) }));
  denyAllPermissions(session.defaultSession);
  registerIpc(ipcMain, createHandlers(deps), deps);
  createMainWindow({ BrowserWindow, preloadPath: join(__dirname, '../preload/index.cjs'), iconPath: join(__dirname, '../../assets/icon.png'), devServerUrl });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow({ BrowserWindow, preloadPath: join(__dirname, '../preload/index.cjs'), devServerUrl });
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
