// Desktop platform: the preload's window.xinhuo, one typed function per channel.

import type { IpcResult, PreloadApi } from '../../../shared/ipc/contract.ts';
import { PlatformError, type Platform } from './types.ts';

function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new PlatformError(result.error.message);
  return result.value;
}

export function desktopPlatform(api: PreloadApi): Platform {
  return {
    kind: 'desktop',
    async openFiles(options) {
      const result = await api.filesOpen({ title: options.title, filters: options.filters ?? [], multiple: options.multiple ?? false });
      if (!result.ok && result.error.code === 'cancelled') return [];
      return unwrap(result);
    },
    async saveFile(options) {
      return unwrap(await api.filesSave({ suggestedName: options.suggestedName, bytes: options.bytes, filters: options.filters ?? [] }))?.path ?? null;
    },
    async revealFile(path) {
      unwrap(await api.filesReveal({ path }));
    },
    async appInfo() {
      return unwrap(await api.appInfo());
    },
    async pendingBundles() {
      return unwrap(await api.bundlesPending());
    },
    async backupStatus() {
      return unwrap(await api.backupStatus());
    },
    async chooseBackupFolder() {
      return unwrap(await api.backupChooseFolder());
    },
    async writeBackup(fileName, bytes, keep) {
      return unwrap(await api.backupWrite({ fileName, bytes, keep }));
    },
    async sealForUser(bytes) {
      return unwrap(await api.secretsSeal({ bytes }));
    },
    async openForUser(sealed) {
      return unwrap(await api.secretsOpen({ bytes: sealed }));
    },
    async processMemory() {
      return unwrap(await api.systemMemory());
    },
  };
}
