// What features may ask of the operating system. Two implementations: desktop (over the
// preload contract) and web (browser file input and downloads). Features never know which.

import type { AppInfo, BackupStatus, OpenedFile, ProcessMemory } from '../../../shared/ipc/contract.ts';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Platform {
  kind: 'desktop' | 'web';
  /** Files the user picked, or an empty list when cancelled. */
  openFiles(options: { title?: string; filters?: FileFilter[]; multiple?: boolean }): Promise<OpenedFile[]>;
  /** Saves bytes; returns a path on desktop, the file name on the web, null when cancelled. */
  saveFile(options: { suggestedName: string; bytes: Uint8Array; filters?: FileFilter[] }): Promise<string | null>;
  /** Shows a saved file in its folder (desktop only). */
  revealFile(path: string): Promise<void>;
  appInfo(): Promise<AppInfo>;
  /** Bundles the operating system opened the app with (desktop file association); none on the web. */
  pendingBundles(): Promise<OpenedFile[]>;
  /** Automatic backups into a folder (desktop only; null on the web, where a backup is a download). */
  backupStatus(): Promise<BackupStatus | null>;
  chooseBackupFolder(): Promise<BackupStatus | null>;
  writeBackup(fileName: string, bytes: Uint8Array, keep: number): Promise<{ path: string; pruned: string[] }>;
  /** Seals a small secret to this operating-system user (desktop safeStorage); null where there is no such store (the web). */
  sealForUser(bytes: Uint8Array): Promise<Uint8Array | null>;
  openForUser(sealed: Uint8Array): Promise<Uint8Array>;
  /** This window's process memory and budget (desktop); null in a browser, which does not tell a page. */
  processMemory(): Promise<ProcessMemory | null>;
}

export class PlatformError extends Error {}

export type { BackupStatus, ProcessMemory } from '../../../shared/ipc/contract.ts';
