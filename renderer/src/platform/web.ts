// Web platform: <input type=file> to open, a download link to save.

import type { AppInfo } from '../../../shared/ipc/contract.ts';
import { PlatformError, type Platform } from './types.ts';

export function webPlatform(): Platform {
  return {
    kind: 'web',
    openFiles(options) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.multiple = options.multiple ?? false;
        input.accept = (options.filters ?? []).flatMap((f) => f.extensions.filter((e) => e !== '*').map((e) => `.${e}`)).join(',');
        input.addEventListener('change', async () => {
          const files = [...(input.files ?? [])];
          resolve(await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
        });
        input.addEventListener('cancel', () => resolve([]));
        input.click();
      });
    },
    async saveFile(options) {
      const url = URL.createObjectURL(new Blob([options.bytes as BlobPart]));
      const a = document.createElement('a');
      a.href = url;
      a.download = options.suggestedName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return options.suggestedName;
    },
    async revealFile() {
      // Browsers keep downloads in their own folder; there is nothing to reveal.
    },
    async pendingBundles() {
      return [];
    },
    async backupStatus() {
      return null;
    },
    async chooseBackupFolder() {
      return null;
    },
    async writeBackup() {
      throw new PlatformError('automatic backups need the desktop app');
    },
    // A browser has no store bound to the operating-system user: keys are wrapped by the password alone.
    async sealForUser() {
      return null;
    },
    async processMemory() {
      return null;
    },
    async openForUser() {
      throw new PlatformError('a key bound to a desktop user cannot be opened in a browser');
    },
    async appInfo(): Promise<AppInfo> {
      return { name: '薪火 Xinhuo', version: __APP_VERSION__, platform: 'web', versions: { electron: '', chrome: navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '', node: '' } };
    },
  };
}
