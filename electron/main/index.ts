// Main process entry: registers the app:// protocol, denies permissions, wires the validated
// IPC handlers and opens the window.

import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { readdir, readFile, rename, stat, writeFile, unlink } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { createHandlers, DEFAULT_BACKUPS_KEPT, registerIpc, type MainDeps } from './ipc.ts';
import type { BackupStatus } from '../../shared/ipc/contract.ts';
import { serveAppRequest } from './protocol.ts';
import { APP_SCHEME, denyAllPermissions, hardenWebContents, isAppUrl } from './security.ts';
import { createMainWindow } from './window.ts';

// Only an unpackaged build may use a dev server, and only on localhost (checked in isAppUrl).
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererRoot = join(__dirname, '../renderer');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

// .xhb files the operating system opens Xinhuo with (file association): from the command
// line, a second launch, or macOS's open-file. The renderer takes them through bundles:pending.
const openedPaths: string[] = [];
const takeBundleArgs = (argv: readonly string[]) => openedPaths.push(...argv.filter((a) => a.toLowerCase().endsWith('.xhb')));
takeBundleArgs(process.argv.slice(1));
app.on('second-instance', (_event, argv) => {
  takeBundleArgs(argv.slice(1));
  focusedWindow()?.focus();
});
app.on('open-file', (event, path) => {
  event.preventDefault();
  takeBundleArgs([path]);
});

const backupConfigPath = () => join(app.getPath('userData'), 'backup.json');

function focusedWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

const deps: MainDeps = {
  safeStorage: { isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(), encryptString: (text) => safeStorage.encryptString(text), decryptString: (sealed) => safeStorage.decryptString(Buffer.from(sealed)) },
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
  takeOpenedPaths: () => openedPaths.splice(0),
  showFolderDialog: () => {
    const win = focusedWindow();
    const opts: Electron.OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
    return win ? dialog.showOpenDialog(win, opts) : dialog.showOpenDialog(opts);
  },
  readBackupConfig: async (): Promise<BackupStatus> => {
    try {
      const raw = JSON.parse(await readFile(backupConfigPath(), 'utf8')) as Partial<BackupStatus>;
      return { folder: typeof raw.folder === 'string' ? raw.folder : null, lastWrittenAt: typeof raw.lastWrittenAt === 'string' ? raw.lastWrittenAt : null, keep: typeof raw.keep === 'number' ? raw.keep : DEFAULT_BACKUPS_KEPT };
    } catch {
      return { folder: null, lastWrittenAt: null, keep: DEFAULT_BACKUPS_KEPT };
    }
  },
  writeBackupConfig: async (config) => deps.writeFileAtomic(backupConfigPath(), new TextEncoder().encode(JSON.stringify(config))),
  listDir: (path) => readdir(path),
  removeFile: (path) => unlink(path),
  now: () => new Date(),
  processWorkingSetKb: (pid) => app.getAppMetrics().find((m) => m.pid === pid)?.memory.workingSetSize ?? null,
  totalMemoryBytes: () => totalmem(),
};

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl));

app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererRoot, request.url, { readFile: async (f) => new Uint8Array(await readFile(f)) }));
  denyAllPermissions(session.defaultSession);
  registerIpc(ipcMain, createHandlers(deps), deps);
  // A renderer that keeps crashing is not reloaded in a loop: the user is told, and data already saved stays saved.
  const giveUp = (reason: string) => dialog.showErrorBox('薪火 Xinhuo', `窗口多次意外中止（${reason}），已停止自动重新载入。已保存的数据不受影响；请关闭后重新打开薪火。\n\nThe window stopped unexpectedly several times (${reason}) and is no longer reloaded. Saved data is not affected: close Xinhuo and open it again.`);
  createMainWindow({ BrowserWindow, preloadPath: join(__dirname, '../preload/index.cjs'), iconPath: join(__dirname, '../../assets/icon.png'), devServerUrl, devTools: !app.isPackaged, giveUp });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow({ BrowserWindow, preloadPath: join(__dirname, '../preload/index.cjs'), devServerUrl, devTools: !app.isPackaged, giveUp });
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
