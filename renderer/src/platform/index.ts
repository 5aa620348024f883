// Chooses the platform once: desktop when the preload exposed window.xinhuo, web otherwise.

import type { PreloadApi } from '../../../shared/ipc/contract.ts';
import { desktopPlatform } from './desktop.ts';
import type { Platform } from './types.ts';
import { webPlatform } from './web.ts';

export type { Platform, FileFilter, BackupStatus, ProcessMemory } from './types.ts';
export { PlatformError } from './types.ts';

declare global {
  interface Window {
    xinhuo?: PreloadApi;
  }
}

let platform: Platform | null = null;

export function getPlatform(): Platform {
  platform ??= window.xinhuo ? desktopPlatform(window.xinhuo) : webPlatform();
  return platform;
}
