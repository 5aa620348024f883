// Creates the main window with the security baseline and loads the app from app:// (or the
// dev server while developing, never a remote URL).

import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN, hardenWebContents, secureWebPreferences } from './security.ts';

export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowType;
  preloadPath: string;
  iconPath?: string;
  devServerUrl?: string;
  /** Only an unpackaged build opens DevTools. */
  devTools?: boolean;
}

export function mainWindowOptions(deps: Pick<WindowDeps, 'preloadPath' | 'iconPath' | 'devTools'>): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '薪火 Xinhuo',
    icon: deps.iconPath,
    show: false,
    backgroundColor: '#f6f4ef',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(deps.preloadPath, { devTools: deps.devTools }),
  };
}

export function createMainWindow(deps: WindowDeps): BrowserWindowType {
  const win = new deps.BrowserWindow(mainWindowOptions(deps));
  hardenWebContents(win.webContents, deps.devServerUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(deps.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}
