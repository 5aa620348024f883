// IPC handlers of the main process. Every call is checked twice before a handler runs: the
// sender must be the app's own main frame, and the payload must match the channel's schema
// in shared/ipc/contract.ts. Handlers return IpcResult values; nothing is thrown across IPC.

import { basename, join } from 'node:path';
import { CHANNELS, requestSchemas, type AppInfo, type BackupStatus, type Channel, type IpcResult, type ParsedRequest, type Replies } from '../../shared/ipc/contract.ts';

/** Largest file the open dialog hands to the renderer. */
export const MAX_OPEN_BYTES = 512 * 1024 * 1024;

export interface SenderFrame {
  url: string;
  /** null for a main frame. */
  parent: unknown;
  /** The operating-system process the frame runs in. */
  osProcessId?: number;
}

/**
 * A window's memory budget: 60% of the machine's memory, between 1.5 and 6 GB. A workbook at
 * the import limits reads well within it; a hostile one that would take the window down is
 * stopped first.
 */
export const memoryBudgetMb = (totalBytes: number): number => Math.round(Math.min(6144, Math.max(1536, (totalBytes / 1024 / 1024) * 0.6)));

export interface MainDeps {
  showOpenDialog: (options: { title?: string; filters: { name: string; extensions: string[] }[]; properties: string[] }) => Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog: (options: { defaultPath: string; filters: { name: string; extensions: string[] }[] }) => Promise<{ canceled: boolean; filePath?: string }>;
  readFile: (path: string) => Promise<Uint8Array>;
  fileSize: (path: string) => Promise<number>;
  /** Writes atomically: a temporary file renamed over the target. */
  writeFileAtomic: (path: string, bytes: Uint8Array) => Promise<void>;
  showItemInFolder: (path: string) => void;
  appInfo: () => AppInfo;
  isTrustedUrl: (url: string) => boolean;
  /** Paths of .xhb files the operating system opened the app with, taken once. */
  takeOpenedPaths: () => string[];
  showFolderDialog: () => Promise<{ canceled: boolean; filePaths: string[] }>;
  readBackupConfig: () => Promise<BackupStatus>;
  writeBackupConfig: (config: BackupStatus) => Promise<void>;
  listDir: (path: string) => Promise<string[]>;
  removeFile: (path: string) => Promise<void>;
  now: () => Date;
  /** Working set of the process with this id, in KB (Electron's app.getAppMetrics()); null if it is not the app's. */
  processWorkingSetKb: (pid: number) => number | null;
  totalMemoryBytes: () => number;
  /** Electron safeStorage: secrets bound to this operating-system user. */
  safeStorage: { isEncryptionAvailable(): boolean; encryptString(text: string): Uint8Array; decryptString(sealed: Uint8Array): string };
}

/** Backups kept in the folder unless the administrator says otherwise. */
export const DEFAULT_BACKUPS_KEPT = 14;

type Handler<C extends Channel> = (request: ParsedRequest<C>, frame: SenderFrame) => Promise<IpcResult<Replies[C]>>;
export type Handlers = { [C in Channel]: Handler<C> };

const fail = (code: 'invalid-payload' | 'forbidden-sender' | 'cancelled' | 'io-error' | 'not-allowed', message: string) => ({ ok: false as const, error: { code, message } });

export function createHandlers(deps: MainDeps): Handlers {
  // Only files this session saved may be revealed: the renderer cannot point at arbitrary paths.
  const saved = new Set<string>();
  return {
    'files:open': async (req) => {
      const result = await deps.showOpenDialog({ title: req.title, filters: req.filters, properties: req.multiple ? ['openFile', 'multiSelections'] : ['openFile'] });
      if (result.canceled || result.filePaths.length === 0) return fail('cancelled', '已取消 / Cancelled');
      const files = [];
      for (const path of result.filePaths) {
        try {
          if ((await deps.fileSize(path)) > MAX_OPEN_BYTES) return fail('io-error', `文件过大：${basename(path)} / File too large: ${basename(path)}`);
          files.push({ name: basename(path), bytes: await deps.readFile(path) });
        } catch (e) {
          return fail('io-error', `无法读取文件 ${basename(path)} / Cannot read ${basename(path)}: ${(e as Error).message}`);
        }
      }
      return { ok: true, value: files };
    },
    'files:save': async (req) => {
      const result = await deps.showSaveDialog({ defaultPath: req.suggestedName, filters: req.filters });
      if (result.canceled || !result.filePath) return { ok: true, value: null };
      try {
        await deps.writeFileAtomic(result.filePath, req.bytes);
      } catch (e) {
        return fail('io-error', `无法保存文件 ${basename(result.filePath)} / Cannot save ${basename(result.filePath)}: ${(e as Error).message}`);
      }
      saved.add(result.filePath);
      return { ok: true, value: { path: result.filePath } };
    },
    'files:reveal': async (req) => {
      if (!saved.has(req.path)) return fail('not-allowed', '只能打开本次保存的文件所在位置 / Only files saved in this session can be revealed');
      deps.showItemInFolder(req.path);
      return { ok: true, value: true };
    },
    'app:info': async () => ({ ok: true, value: deps.appInfo() }),
    'system:memory': async (_req, frame) => {
      const kb = frame.osProcessId === undefined ? null : deps.processWorkingSetKb(frame.osProcessId);
      return { ok: true, value: kb === null ? null : { usedMb: Math.round(kb / 1024), budgetMb: memoryBudgetMb(deps.totalMemoryBytes()) } };
    },
    'bundles:pending': async () => {
      const files = [];
      for (const path of deps.takeOpenedPaths()) {
        if (!path.toLowerCase().endsWith('.xhb')) continue;
        try {
          if ((await deps.fileSize(path)) > MAX_OPEN_BYTES) continue;
          files.push({ name: basename(path), bytes: await deps.readFile(path) });
        } catch {
          // A file that vanished before it was read is simply not offered.
        }
      }
      return { ok: true, value: files };
    },
    'secrets:seal': async (req) => {
      if (!deps.safeStorage.isEncryptionAvailable()) return { ok: true, value: null };
      return { ok: true, value: new Uint8Array(deps.safeStorage.encryptString(Buffer.from(req.bytes).toString('base64'))) };
    },
    'secrets:open': async (req) => {
      if (!deps.safeStorage.isEncryptionAvailable()) return fail('not-allowed', '本机系统账户的密钥库不可用 / The operating system\'s secret store is not available');
      try {
        return { ok: true, value: new Uint8Array(Buffer.from(deps.safeStorage.decryptString(Buffer.from(req.bytes)), 'base64')) };
      } catch {
        return fail('not-allowed', '此密钥属于另一个系统账户或另一台电脑 / This secret belongs to another operating-system user or computer');
      }
    },
    'backup:status': async () => ({ ok: true, value: await deps.readBackupConfig() }),
    'backup:chooseFolder': async () => {
      const result = await deps.showFolderDialog();
      if (result.canceled || !result.filePaths[0]) return { ok: true, value: null };
      const config = { ...(await deps.readBackupConfig()), folder: result.filePaths[0] };
      await deps.writeBackupConfig(config);
      return { ok: true, value: config };
    },
    'backup:write': async (req) => {
      const config = await deps.readBackupConfig();
      if (!config.folder) return fail('not-allowed', '还没有选择自动备份文件夹 / No backup folder chosen');
      const path = join(config.folder, req.fileName);
      try {
        await deps.writeFileAtomic(path, req.bytes);
        // Keep the newest `keep` backups of this folder; older ones go.
        const backups = (await deps.listDir(config.folder)).filter((n) => n.endsWith('_备份.xhb')).sort();
        const pruned = backups.slice(0, Math.max(0, backups.length - req.keep));
        for (const name of pruned) await deps.removeFile(join(config.folder, name));
        await deps.writeBackupConfig({ ...config, keep: req.keep, lastWrittenAt: deps.now().toISOString() });
        return { ok: true, value: { path, pruned } };
      } catch (e) {
        return fail('io-error', `无法写入备份 / Cannot write the backup: ${(e as Error).message}`);
      }
    },
  };
}

/** Validates the sender and payload of one call, then runs its handler. */
export async function dispatch(handlers: Handlers, deps: Pick<MainDeps, 'isTrustedUrl'>, channel: string, frame: SenderFrame | null | undefined, payload: unknown): Promise<IpcResult<unknown>> {
  if (!(CHANNELS as readonly string[]).includes(channel)) return fail('invalid-payload', `unknown channel ${channel}`);
  if (!frame || frame.parent !== null || !deps.isTrustedUrl(frame.url)) return fail('forbidden-sender', 'IPC from a foreign or sub frame is refused');
  const schema = requestSchemas[channel as Channel];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return fail('invalid-payload', parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; '));
  const handler = handlers[channel as Channel] as (r: unknown, f: SenderFrame) => Promise<IpcResult<unknown>>;
  try {
    return await handler(parsed.data, frame);
  } catch (e) {
    return fail('io-error', (e as Error).message);
  }
}

export interface IpcMainLike {
  handle: (channel: string, listener: (event: { senderFrame: SenderFrame | null }, payload: unknown) => Promise<unknown>) => void;
}

export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers, deps: Pick<MainDeps, 'isTrustedUrl'>): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload) => dispatch(handlers, deps, channel, event.senderFrame, payload));
  }
}
