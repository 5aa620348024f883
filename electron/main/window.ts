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

const appUrl = (deps: Pick<WindowDeps, 'devServerUrl'>, query = '') => `${deps.devServerUrl ?? `${APP_ORIGIN}/index.html`}${query}`;

/** Crashes within this window of time that are reloaded; more than that and the window stays down with a message. */
export const CRASH_RELOADS = { count: 3, withinMs: 60_000 };

interface CrashDetails {
  reason: string;
  exitCode?: number;
}

/**
 * A renderer that dies (out of memory, killed, crashed) is reloaded with a message: nothing is
 * lost, because every write is a transaction. A renderer that keeps dying is left down and
 * the user is told instead of watching it loop.
 */
export function recoverFromCrashes(win: Pick<BrowserWindowType, 'loadURL' | 'isDestroyed'> & { webContents: Pick<BrowserWindowType['webContents'], 'on'> }, deps: Pick<WindowDeps, 'devServerUrl'> & { now?: () => number; giveUp?: (reason: string) => void }): void {
  const now = deps.now ?? Date.now;
  let crashes: number[] = [];
  win.webContents.on('render-process-gone', (_event: unknown, details: CrashDetails) => {
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    const at = now();
    crashes = [...crashes.filter((t) => at - t < CRASH_RELOADS.withinMs), at];
    if (crashes.length > CRASH_RELOADS.count) {
      deps.giveUp?.(details.reason);
      return;
    }
    void win.loadURL(appUrl(deps, `?recovered=${encodeURIComponent(details.reason)}`));
  });
}

export function createMainWindow(deps: WindowDeps & { giveUp?: (reason: string) => void }): BrowserWindowType {
  const win = new deps.BrowserWindow(mainWindowOptions(deps));
  hardenWebContents(win.webContents, deps.devServerUrl);
  recoverFromCrashes(win, deps);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appUrl(deps));
  return win;
}
